/** Drives a language server as an editor would and measures it: initialize, didOpen, a series of edits. */
import { pathToFileURL } from 'node:url';
import { applyEdit, contentChange, planEdit } from './edits';
import { LspProcess } from './lsp';
import { nowMicros, nowMs, sleep } from './stats';

export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  /** The answer to one `workspace/configuration` item. */
  configuration(section: string | undefined): unknown;
  /** Settings sent with `workspace/didChangeConfiguration` after `initialized`. */
  settings: unknown;
  /** Publishes carry the document version (match on it); otherwise the first publish after an edit counts. */
  versioned: boolean;
  /** Wait for the server to pull this configuration section before opening the document. */
  awaitConfigurationSection?: string;
}

export interface SessionOptions {
  file: string;
  text: string;
  edits: number;
  timeoutMs: number;
  /** Pause after each edit's diagnostics before the next edit. */
  gapMs: number;
  /** Stop the edit series early (after at least 5 edits) once it has taken this long, to bound the run. */
  editBudgetMs: number;
}

export interface SessionResult {
  startToInitializeMs: number;
  coldOpenMs: number;
  openDiagnostics: number;
  editMs: number[];
  lastDiagnostics: number;
  peakRssKiB: number | undefined;
  /** Monotonic microseconds around the edit loop (to cut a CPU profile to it). */
  editWindow: { start: number; end: number };
}

const CLIENT_CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
  },
  window: { workDoneProgress: false },
};

interface PublishParams { uri: string; version?: number; diagnostics: unknown[] }

export async function runSession(spec: ServerSpec, options: SessionOptions, log: (line: string) => void): Promise<SessionResult> {
  const uri = pathToFileURL(options.file).href;
  const onRequest = (method: string, params: unknown): unknown => {
    if (method === 'workspace/configuration') {
      const items = ((params as { items?: { section?: string }[] })?.items ?? []);
      return items.map((item) => spec.configuration(item.section));
    }
    return null; // client/registerCapability, window/workDoneProgress/create, …
  };
  const t0 = nowMs();
  const server = new LspProcess(spec.name, spec.command, spec.args, spec.cwd, onRequest);
  const publishFor = (label: string, version: number | undefined) =>
    server.waitFor(label, (method, params) => {
      if (method !== 'textDocument/publishDiagnostics') return false;
      const p = params as PublishParams;
      return p.uri === uri && (!spec.versioned || version === undefined || p.version === version);
    }, options.timeoutMs) as Promise<PublishParams>;
  try {
    await server.request('initialize', { processId: process.pid, clientInfo: { name: 'kube-guardrails-bench' }, rootUri: null, workspaceFolders: null, capabilities: CLIENT_CAPABILITIES }, options.timeoutMs);
    const startToInitializeMs = nowMs() - t0;
    const configured = spec.awaitConfigurationSection === undefined ? Promise.resolve() : server.waitFor(`workspace/configuration of ${spec.awaitConfigurationSection}`, (method, params) =>
      method === 'request:workspace/configuration' && ((params as { items?: { section?: string }[] }).items ?? []).some((i) => i.section === spec.awaitConfigurationSection), options.timeoutMs);
    server.notify('initialized', {});
    server.notify('workspace/didChangeConfiguration', { settings: spec.settings });
    await configured;
    await sleep(300); // let the server apply its settings; not measured

    const lines = options.text.split('\n');
    let version = 1;
    const opened = publishFor('diagnostics after didOpen', version);
    const openedAt = nowMs();
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text: options.text } });
    const first = await opened;
    const coldOpenMs = nowMs() - openedAt;
    log(`  ${spec.name}: start→initialize ${startToInitializeMs.toFixed(0)} ms, open→diagnostics ${coldOpenMs.toFixed(0)} ms (${first.diagnostics.length} diagnostics)`);
    await sleep(300);

    const editMs: number[] = [];
    let last = first;
    const window = { start: nowMicros(), end: 0 };
    const loopStarted = nowMs();
    for (let i = 0; i < options.edits; i++) {
      if (i >= 5 && nowMs() - loopStarted > options.editBudgetMs) {
        log(`  ${spec.name}: stopping after ${i} edits (edit budget of ${options.editBudgetMs / 1000} s spent)`);
        break;
      }
      const edit = planEdit(lines, i, options.edits);
      applyEdit(lines, edit);
      version++;
      const published = publishFor(`diagnostics for edit ${i + 1} (version ${version})`, version);
      const sentAt = nowMs();
      server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [contentChange(edit)] });
      last = await published;
      editMs.push(nowMs() - sentAt);
      if (options.gapMs > 0) await sleep(options.gapMs);
    }
    window.end = nowMicros();
    const peakRssKiB = server.peakRssKiB();
    return { startToInitializeMs, coldOpenMs, openDiagnostics: first.diagnostics.length, editMs, lastDiagnostics: last.diagnostics.length, peakRssKiB, editWindow: window };
  } finally {
    await server.stop();
  }
}
