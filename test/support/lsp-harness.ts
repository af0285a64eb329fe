/**
 * Runs the real language server in-process over a pair of streams and talks JSON-RPC to it, as an
 * editor would: no VS Code, no timers to guess, diagnostics awaited by document version.
 */
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node';
import { createConnection } from 'vscode-languageserver/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { IDLE_REQUEST, startServer, type ServerDependencies } from '../../server/src/lsp/server';

export interface Harness {
  client: MessageConnection;
  /** Settings the fake editor answers `workspace/configuration` with. */
  settings: Record<string, unknown>;
  open(uri: string, text: string): Promise<Diagnostic[]>;
  change(uri: string, text: string): Promise<Diagnostic[]>;
  /** Resolves with the next diagnostics published for `uri` at `version` (any version when omitted). */
  diagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  versionOf(uri: string): number;
  /** Every diagnostics notification received, in order. */
  published: PublishDiagnosticsParams[];
  close(): Promise<void>;
  /** Every window/logMessage text received, in order. */
  logs: string[];
  /** Resolves with the first log message (received or to come) that matches `pattern`. */
  log(pattern: RegExp): Promise<string>;
  /**
   * Resolves once the server has handled everything sent so far and has no lint scheduled or
   * running (the re-lints a config change starts, the workspace scan, file events): a wait on the
   * server's own work, never on a quiet period.
   */
  idle(): Promise<void>;
  /** What the server answered to `initialize` (its capabilities). */
  initializeResult?: unknown;
}

/** `dependencies` reach startServer as they are, e.g. `{ schemas: testSchemas }` for schema features. */
/** `workspaceFolders` (file: URIs) are sent in `initialize`, so the server scans them into its index. */
export async function startHarness(settings: Record<string, unknown> = {}, initializationOptions: Record<string, unknown> = { debounceMs: 0 }, dependencies: ServerDependencies = {}, workspaceFolders: readonly string[] = []): Promise<Harness> {
  const up = new PassThrough();
  const down = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
  startServer(serverConnection, { idleRequest: true, ...dependencies });
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const versions = new Map<string, number>();
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; version?: number; resolve: (d: Diagnostic[]) => void }[] = [];
  const logs: string[] = [];
  const logWaiters: { pattern: RegExp; resolve: (message: string) => void }[] = [];
  const harness: Harness = {
    client,
    settings,
    published,
    logs,
    log(pattern) {
      const seen = logs.find((message) => pattern.test(message));
      return seen !== undefined ? Promise.resolve(seen) : new Promise((resolve) => logWaiters.push({ pattern, resolve }));
    },
    async open(uri, text) {
      versions.set(uri, 1);
      const pending = harness.diagnostics(uri, 1);
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      return pending;
    },
    async change(uri, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      const pending = harness.diagnostics(uri, version);
      await client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      return pending;
    },
    diagnostics(uri, version) {
      return new Promise((resolve) => waiters.push({ uri, version, resolve }));
    },
    versionOf: (uri) => versions.get(uri) ?? 0,
    // A request is handled after every message sent before it, so the work they started is counted.
    idle: async () => void (await client.sendRequest(IDLE_REQUEST)),
    async close() {
      client.dispose();
      serverConnection.dispose();
      up.end();
      down.end();
    },
  };
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i]!;
      if (waiter.uri === params.uri && (waiter.version === undefined || waiter.version === params.version)) {
        waiters.splice(i, 1);
        waiter.resolve(params.diagnostics);
      }
    }
  });
  client.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => harness.settings));
  client.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
    for (let i = logWaiters.length - 1; i >= 0; i--) {
      if (logWaiters[i]!.pattern.test(params.message)) logWaiters.splice(i, 1)[0]!.resolve(params.message);
    }
  });
  client.listen();
  const folders = workspaceFolders.length > 0 ? workspaceFolders.map((uri) => ({ uri, name: uri.slice(uri.lastIndexOf('/') + 1) })) : null;
  harness.initializeResult = await client.sendRequest('initialize', { processId: null, rootUri: workspaceFolders[0] ?? null, workspaceFolders: folders, capabilities: { workspace: { configuration: true } }, initializationOptions });
  await client.sendNotification('initialized', {});
  return harness;
}
