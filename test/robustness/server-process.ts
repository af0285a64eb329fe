/**
 * The real language server (`node dist/server.js --stdio`) as a child process, driven over JSON-RPC
 * the way an editor drives it. It records everything a robustness check needs: published
 * diagnostics by version, error log lines, stderr output, the exit, and memory from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node';
import type { Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist', 'server.js');

export class TimeoutError extends Error {}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface ServerOptions {
  /** Extra `node` arguments, e.g. `--require` of an instrumentation script. */
  nodeArgs?: string[];
  workspaceFolders?: string[];
  settings?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
}

interface Waiter {
  uri: string;
  version: number;
  resolve: (diagnostics: Diagnostic[]) => void;
}

export class ServerProcess {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  /** Error-level log and show-message lines, and stderr output. */
  readonly errors: string[] = [];
  /** Every log line, for tests that look for a message. */
  readonly logs: { type: number; message: string }[] = [];
  exited: string | undefined;
  private readonly documents = new Map<string, TextDocument>();
  private readonly lastPublished = new Map<string, number>();
  private readonly waiters: Waiter[] = [];
  private readonly logWaiters: { pattern: RegExp; resolve: (message: string) => void }[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  /** Diagnostics published for an older version after a newer one. */
  readonly staleVersions: string[] = [];

  constructor(private readonly options: ServerOptions = {}) {
    this.child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_BUNDLE, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => this.errors.push(`stderr: ${chunk}`));
    this.child.on('exit', (code, signal) => {
      this.exited = `server exited (code ${code}, signal ${signal})`;
      this.errors.push(this.exited);
    });
    this.child.stdin!.on('error', () => undefined); // a dead server shows up as `exited`
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => this.onPublish(params));
    this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      this.logs.push(params);
      for (let i = this.logWaiters.length - 1; i >= 0; i--) {
        if (this.logWaiters[i]!.pattern.test(params.message)) this.logWaiters.splice(i, 1)[0]!.resolve(params.message);
      }
      if (params.type === 1) this.errors.push(`logMessage(Error): ${params.message}`);
    });
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.logs.push(params);
      if (params.type === 1) this.errors.push(`showMessage(Error): ${params.message}`);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.options.settings ?? {}));
    this.connection.onRequest(() => null); // registerCapability, workDoneProgress/create …
    this.connection.onError(() => undefined);
    this.connection.onClose(() => undefined);
    this.connection.listen();
  }

  async initialize(timeoutMs = 10_000): Promise<void> {
    const folders = (this.options.workspaceFolders ?? []).map((folder) => ({ uri: toUri(folder), name: path.basename(folder) }));
    await withTimeout(
      this.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: folders[0]?.uri ?? null,
        workspaceFolders: folders.length > 0 ? folders : null,
        capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: false } } },
        initializationOptions: { debounceMs: 0 },
      }),
      timeoutMs,
      'initialize',
    );
    await this.connection.sendNotification('initialized', {});
  }

  textOf(uri: string): string | undefined {
    return this.documents.get(uri)?.getText();
  }

  versionOf(uri: string): number {
    return this.documents.get(uri)?.version ?? 0;
  }

  /** Opens a document; resolves with its diagnostics for version 1. */
  async open(uri: string, text: string, timeoutMs: number): Promise<Diagnostic[]> {
    const document = TextDocument.create(uri, 'yaml', 1, text);
    this.documents.set(uri, document);
    this.lastPublished.delete(uri);
    const pending = this.diagnostics(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return withTimeout(pending, timeoutMs, `diagnostics for ${uri} v1`);
  }

  /**
   * Sends the change from the current text to `text` as one incremental edit (or the full text), and
   * returns the new version. Does not wait.
   */
  async change(uri: string, text: string, full = false): Promise<number> {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`not open: ${uri}`);
    const before = document.getText();
    const version = document.version + 1;
    let changes: TextDocumentContentChangeEvent[] = [{ text }];
    if (!full) {
      const edit = rangeEdit(before, text);
      const range = { start: document.positionAt(edit.start), end: document.positionAt(edit.end) };
      changes = [{ range, text: edit.newText }];
    }
    const updated = TextDocument.update(TextDocument.create(uri, 'yaml', document.version, before), changes, version);
    if (updated.getText() !== text) changes = [{ text }]; // an edit the position mapping cannot express
    this.documents.set(uri, TextDocument.create(uri, 'yaml', version, text));
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves with the first log line (received or to come) that matches `pattern`: an event, not a poll. */
  log(pattern: RegExp): Promise<string> {
    const seen = this.logs.find((line) => pattern.test(line.message));
    if (seen) return Promise.resolve(seen.message);
    return new Promise((resolve) => this.logWaiters.push({ pattern, resolve }));
  }

  /** Resolves with the diagnostics published for `uri` at `version`. */
  diagnostics(uri: string, version: number): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  request<T>(method: string, params: unknown, timeoutMs: number): Promise<T> {
    return withTimeout(this.connection.sendRequest(method, params) as Promise<T>, timeoutMs, method);
  }

  /** VmRSS and VmHWM (peak) of the server process, in bytes. */
  memory(): { rss: number; peak: number } {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const read = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
      return { rss: read('VmRSS'), peak: read('VmHWM') };
    } catch {
      return { rss: 0, peak: 0 };
    }
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await withTimeout(this.connection.sendRequest('shutdown'), 2000, 'shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        // killed below
      }
    }
    this.connection.dispose();
    if (!this.exited) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill();
      await withTimeout(exited, 5000, 'server exit').catch(() => this.child.kill('SIGKILL'));
    }
  }

  private onPublish(params: PublishDiagnosticsParams): void {
    this.published.push(params);
    if (this.published.length > 1000) this.published.splice(0, 500);
    if (params.version !== undefined && params.version !== null) {
      const last = this.lastPublished.get(params.uri);
      if (last !== undefined && params.version < last) this.staleVersions.push(`${params.uri}: v${params.version} published after v${last}`);
      this.lastPublished.set(params.uri, Math.max(last ?? 0, params.version));
    }
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i]!;
      if (waiter.uri === params.uri && waiter.version === params.version) {
        this.waiters.splice(i, 1);
        waiter.resolve(params.diagnostics);
      }
    }
  }
}

export function toUri(file: string): string {
  return `file://${path.resolve(file).split(path.sep).map(encodeURIComponent).join('/')}`;
}

/**
 * The smallest edit from `before` to `after`, widened so it never splits a CRLF pair or a surrogate
 * pair (positions inside those do not survive the offset/position round trip).
 */
export function rangeEdit(before: string, after: string): { start: number; end: number; newText: string } {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const splits = (text: string, at: number) => at > 0 && at < text.length && ((text[at - 1] === '\r' && text[at] === '\n') || isHigh(text.charCodeAt(at - 1)));
  while (prefix > 0 && (splits(before, prefix) || splits(after, prefix))) prefix--;
  while (suffix > 0 && (splits(before, before.length - suffix) || splits(after, after.length - suffix))) suffix--;
  return { start: prefix, end: before.length - suffix, newText: after.slice(prefix, after.length - suffix) };
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** LSP line lengths (without line breaks); lines end at \r\n, \n or \r, as vscode-languageserver-textdocument counts them. */
export function lineLengths(text: string): number[] {
  const lengths: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\r' || char === '\n') {
      lengths.push(i - start);
      if (char === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  lengths.push(text.length - start);
  return lengths;
}

/** Why a range does not lie inside the document, or undefined when it does. */
export function rangeProblem(range: { start: { line: number; character: number }; end: { line: number; character: number } }, lengths: readonly number[]): string | undefined {
  for (const [name, position] of [['start', range.start], ['end', range.end]] as const) {
    if (!Number.isInteger(position.line) || !Number.isInteger(position.character) || position.line < 0 || position.character < 0) return `${name} ${JSON.stringify(position)} is not a valid position`;
    if (position.line >= lengths.length) return `${name} line ${position.line} is past the last line (${lengths.length - 1})`;
    if (position.character > lengths[position.line]!) return `${name} ${position.line}:${position.character} is past the end of its line (${lengths[position.line]} characters)`;
  }
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) return 'start is after end';
  return undefined;
}
