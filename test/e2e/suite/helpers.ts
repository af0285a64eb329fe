/**
 * Helpers for the extension-host suite. Everything here runs inside a VS Code extension host
 * (desktop via @vscode/test-electron, or code-server's server-side host), so only the `vscode`
 * API and Node are available. Waits are polls against a deadline, never fixed sleeps.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kube-guardrails.kube-guardrails';
export const SOURCE = 'kube-guardrails';

/** Default deadline for one wait; the language server may still be starting on a cold machine. */
export const WAIT_MS = Number(process.env['KG_E2E_WAIT_MS'] ?? 30_000);

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e suite needs a workspace folder (test/e2e/workspace or a copy of it)');
  return folder.uri;
}

export function fixture(relPath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relPath.split('/'));
}

/**
 * Calls `probe` until it returns something other than undefined/false, or the deadline passes.
 * On timeout the error names what was awaited and the last value seen.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  opts: { timeoutMs?: number; intervalMs?: number; describe?: () => string | Promise<string> } = {},
): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? WAIT_MS;
  const intervalMs = opts.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  const state = opts.describe ? await opts.describe() : '';
  const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}${state ? `\n  state: ${state}` : ''}`);
}

/**
 * Asserts that `probe` stays true for the whole window. Used only for "nothing appears" checks,
 * after a positive signal already proved the server is processing documents.
 */
export async function holdsFor(what: string, probe: () => boolean, windowMs: number): Promise<void> {
  const end = Date.now() + windowMs;
  while (Date.now() < end) {
    assert.ok(probe(), `expected ${what} to hold for ${windowMs} ms, but it stopped holding`);
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(probe(), `expected ${what} to hold for ${windowMs} ms`);
}

export async function open(relPath: string, show = true): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixture(relPath));
  if (show) await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this editor`);
  // A suite run on its own (KG_E2E_GREP) may come first: opening a YAML file is what activates us.
  if (!ext.isActive) await open('deployment-no-resources.yaml', false);
  if (!ext.isActive) await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive, { timeoutMs: 60_000 });
  return ext;
}

export function ruleId(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function findRule(uri: vscode.Uri, id: string): vscode.Diagnostic | undefined {
  return ours(uri).find((d) => ruleId(d) === id);
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return `no diagnostics on ${vscode.workspace.asRelativePath(uri)}`;
  return all
    .map(
      (d) =>
        `[${d.source ?? '?'}:${ruleId(d) ?? '?'} ${vscode.DiagnosticSeverity[d.severity]} ` +
        `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}] ${d.message}`,
    )
    .join('\n    ');
}

export function waitForRule(uri: vscode.Uri, id: string, timeoutMs?: number): Promise<vscode.Diagnostic> {
  return waitFor(`diagnostic ${id} on ${vscode.workspace.asRelativePath(uri)}`, () => findRule(uri, id), {
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    describe: () => describeDiagnostics(uri),
  });
}

export function waitForNoRule(uri: vscode.Uri, id: string, timeoutMs?: number): Promise<true> {
  return waitFor(`diagnostic ${id} to disappear from ${vscode.workspace.asRelativePath(uri)}`, () => !findRule(uri, id) && true, {
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    describe: () => describeDiagnostics(uri),
  });
}

/** Position of `needle` in the document (`nth` occurrence, 0-based), plus `offset` characters into it. */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0, nth = 0): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${nth}) not found in ${vscode.workspace.asRelativePath(doc.uri)}`);
  }
  return doc.positionAt(at + offset);
}

export function lineOf(doc: vscode.TextDocument, needle: string): number {
  return positionOf(doc, needle).line;
}

/** Plain text of every hover the providers return at a position. */
export async function hoverText(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
  const parts: string[] = [];
  for (const h of hovers) {
    for (const c of h.contents) {
      if (typeof c === 'string') parts.push(c);
      else if (c instanceof vscode.MarkdownString) parts.push(c.value);
      else if (c && typeof c === 'object' && 'value' in c) parts.push(String((c as { value: unknown }).value));
    }
  }
  return parts.join('\n');
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<(vscode.CodeAction | vscode.Command)[]> {
  // The 4th argument asks VS Code to resolve lazily computed edits of up to that many actions.
  return (
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      range,
      undefined,
      100,
    )) ?? []
  );
}

export function isCodeAction(a: vscode.CodeAction | vscode.Command): a is vscode.CodeAction {
  return typeof (a as vscode.Command).command !== 'string';
}

/** Applies a code action the way the editor does: its edit first, then its command. */
export async function applyAction(action: vscode.CodeAction | vscode.Command): Promise<void> {
  if (!isCodeAction(action)) {
    await vscode.commands.executeCommand(action.command, ...(action.arguments ?? []));
    return;
  }
  assert.ok(action.edit || action.command, `code action "${action.title}" has neither an edit nor a command`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applying the edit of "${action.title}" failed`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Comment text (from `#` to end of line) of every line that has one, in order. */
export function comments(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /(^|\s)(#.*)$/.exec(line);
    if (m?.[2]) out.push(m[2].trim());
  }
  return out;
}

/**
 * Remembers the bytes of every fixture file and puts them back afterwards, through the editor
 * when the document is open (so the editor, the language server and the disk agree again).
 */
export class FixtureGuard {
  private readonly saved = new Map<string, Uint8Array>();

  async remember(...relPaths: string[]): Promise<void> {
    for (const rel of relPaths) {
      const uri = fixture(rel);
      if (!this.saved.has(uri.toString())) this.saved.set(uri.toString(), await vscode.workspace.fs.readFile(uri));
    }
  }

  async restore(): Promise<void> {
    for (const [key, bytes] of this.saved) {
      const uri = vscode.Uri.parse(key);
      const original = new TextDecoder().decode(bytes);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (doc && (doc.isDirty || doc.getText() !== original)) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
        await vscode.workspace.applyEdit(edit);
        await doc.save();
      }
      const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      if (onDisk !== original) await vscode.workspace.fs.writeFile(uri, bytes);
    }
    this.saved.clear();
  }
}

/** Restores a kubeGuardrails setting to the workspace value it had when remembered. */
export class SettingGuard {
  private readonly saved: { section: string; key: string; value: unknown }[] = [];

  remember(section: string, key: string): void {
    const value = vscode.workspace.getConfiguration(section).inspect(key)?.workspaceValue;
    this.saved.push({ section, key, value });
  }

  async restore(): Promise<void> {
    for (const { section, key, value } of this.saved.reverse()) {
      const cfg = vscode.workspace.getConfiguration(section);
      if (JSON.stringify(cfg.inspect(key)?.workspaceValue) !== JSON.stringify(value)) {
        await cfg.update(key, value, vscode.ConfigurationTarget.Workspace);
      }
    }
    this.saved.length = 0;
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
