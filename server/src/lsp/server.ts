/**
 * Wires the engine to a language-server connection. It owns the document states (debounced,
 * versioned linting), the workspace index (open documents override the disk) and the handlers;
 * every handler catches its own failures so that one bad request never takes the server down.
 */
import {
  CodeActionKind,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type DidChangeWatchedFilesParams,
  type TextDocumentChangeEvent,
  type Hover,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText, type LintResult } from '../core/engine';
import { FindingsCache } from '../core/findings-cache';
import type { Finding } from '../core/finding';
import { hoverAt } from '../hover/hover';
import { WorkspaceIndex } from '../index/workspace-index';
import type { IndexedObject } from '../index/types';
import type { PlacedDocument } from '../yaml/parse';
import type { SchemaValidator } from '../schema/types';
import { RULES, RULES_BY_ID } from '../rules/index';
import { FIX_ALL_KIND, type InitializationOptions } from '../shared/protocol';
import { codeActionsFor } from './code-actions';
import { completionItems } from './completion';
import { toDiagnostic, toRange } from './convert';
import { SettingsCache, type DocumentSettings } from './settings';
import { readUri, scanFolder } from './workspace-sync';
import { configDiagnostics, isConfigUri } from './config-diagnostics';
import { configFilesIn } from '../config-file/loader';

const DEFAULT_DEBOUNCE_MS = 25;

/** The test-only request of ServerDependencies.idleRequest; never registered for a real editor. */
export const IDLE_REQUEST = 'kubeGuardrails/test/idle';

/** A document's size as kubeGuardrails.maxFileSize counts it: in bytes, as files on disk are measured (a string's length counts UTF-16 units). */
function byteSize(document: TextDocument): number {
  return Buffer.byteLength(document.getText(), 'utf8');
}

/** The index entry of a document of `uri` (by its offset, as the engine finds it), if the index holds this text. */
function selfAt(index: WorkspaceIndex, uri: string, placed: PlacedDocument): IndexedObject | undefined {
  const entry = index.entryAt(uri, placed.offset);
  return entry?.text === placed.parsed.text ? entry : undefined;
}

interface DocumentState {
  version: number;
  result: LintResult;
  settings: DocumentSettings;
  /** Index keys the lint looked up; a change to any of them means this document must be linted again. */
  dependencies: ReadonlySet<string>;
}

export interface ServerDependencies {
  /** Returns the bundled schema validator, building it on first use. */
  schemas?: () => SchemaValidator | undefined;
  /** Told of each open document that a change elsewhere makes the server lint again; tests count them. */
  onRefresh?: (uri: string) => void;
  /**
   * Tests only: answer IDLE_REQUEST once no lint is scheduled or running and no scan or file event
   * is being handled, so a test waits for the server's work instead of for a quiet period.
   */
  idleRequest?: boolean;
}

export function startServer(connection: Connection, dependencies: ServerDependencies = {}): void {
  const { schemas } = dependencies;
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocumentState>();
  const caches = new Map<string, FindingsCache>();
  const timers = new Map<string, NodeJS.Timeout>();
  const index = new WorkspaceIndex();
  let canPullConfiguration = false;
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let folders: string[] = [];
  const openText = (file: string) => documents.get(pathToFileURL(file).toString())?.getText();
  const settings = new SettingsCache(connection, () => canPullConfiguration, {
    roots: () => folders.flatMap((folder) => (folder.startsWith('file:') ? [fileURLToPath(folder)] : [])),
    openText,
  });

  // Work under way, for the test-only idle request: running validations, the scan and file events;
  // scheduled lints are the timers.
  let running = 0;
  const idleWaiters: (() => void)[] = [];
  const notifyIfIdle = () => {
    if (running === 0 && timers.size === 0) for (const resolve of idleWaiters.splice(0)) resolve();
  };
  const track = <R>(work: Promise<R>): Promise<R> => {
    running++;
    return work.finally(() => {
      running--;
      notifyIfIdle();
    });
  };
  if (dependencies.idleRequest) {
    connection.onRequest(IDLE_REQUEST, () => new Promise<null>((resolve) => {
      idleWaiters.push(() => resolve(null));
      notifyIfIdle();
    }));
  }

  const guard = <A extends unknown[], R>(name: string, fallback: R, handler: (...args: A) => R | Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await handler(...args);
      } catch (error) {
        connection.console.error(`kube-guardrails: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };

  /**
   * Re-lints the open documents that recorded a key in `changed` (the keys whose versions the index
   * moved), except `source` itself: the recorded keys are the one record of what a lint read.
   */
  function refreshDependents(changed: Set<string>, source?: string): void {
    if (changed.size === 0) return;
    for (const [uri, state] of states) {
      if (uri !== source && [...changed].some((key) => state.dependencies.has(key))) {
        dependencies.onRefresh?.(uri);
        schedule(uri, 0);
      }
    }
  }

  function lintDocument(document: TextDocument, documentSettings: DocumentSettings): DocumentState {
    const text = document.getText();
    refreshDependents(index.update(document.uri, text), document.uri);
    let cache = caches.get(document.uri);
    if (!cache) caches.set(document.uri, (cache = new FindingsCache()));
    // The index parsed this text a moment ago; its parse cache serves the linter too.
    const result = lintText(text, { uri: document.uri, config: documentSettings.config, rules: RULES, cache: index.parseCacheFor(document.uri), findingsCache: cache, index, schemas });
    for (const line of result.internalErrors) connection.console.error(`kube-guardrails internal error in ${document.uri}: ${line}`);
    return { version: document.version, result, settings: documentSettings, dependencies: result.dependencies };
  }

  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    // A .kube-guardrails.yaml is not a manifest: it gets its own problems, and the others re-lint with it.
    if (isConfigUri(uri)) {
      settings.reset();
      // Manifests only: two open config files re-validating each other would never stop.
      for (const other of documents.all()) if (!isConfigUri(other.uri)) schedule(other.uri, 0);
      const together = uri.startsWith('file:') ? await configFilesIn(path.dirname(fileURLToPath(uri)), openText) : [];
      if (documents.get(uri)?.version !== version) return;
      await connection.sendDiagnostics({ uri, version, diagnostics: configDiagnostics(document, together) });
      return;
    }
    const documentSettings = await settings.get(uri);
    // Newer text arrived while settings were fetched: its own run will publish.
    if (documents.get(uri)?.version !== version) return;
    const size = byteSize(document);
    if (size > documentSettings.maxFileSize) {
      states.delete(uri);
      const megabytes = (n: number) => (n / 1024 / 1024).toFixed(1);
      void connection.sendDiagnostics({
        uri,
        version,
        diagnostics: [{
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 3,
          source: 'kube-guardrails',
          message: `Not analysed: the file is ${megabytes(size)} MB, above the ${megabytes(documentSettings.maxFileSize)} MB set in kubeGuardrails.maxFileSize.`,
        }],
      });
      return;
    }
    if (documentSettings.ignored) {
      states.delete(uri);
      await connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const state = lintDocument(document, documentSettings);
    states.set(uri, state);
    await connection.sendDiagnostics({ uri, version, diagnostics: state.result.findings.map((finding) => toDiagnostic(document, finding)) });
  }

  function schedule(uri: string, delay = debounceMs): void {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      void track(guard('validate', undefined, validate)(uri));
    }, delay));
  }

  /** The lint result for the document's current text, computed now if the debounced run is pending. */
  async function currentState(uri: string): Promise<DocumentState | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const state = states.get(uri);
    if (state && state.version === document.version) return state;
    const documentSettings = await settings.get(uri);
    // A file above the size limit is declined (validate says so); a hover or code action must not lint it either.
    if (byteSize(document) > documentSettings.maxFileSize) return undefined;
    const fresh = lintDocument(document, documentSettings);
    states.set(uri, fresh);
    return fresh;
  }

  async function scanWorkspace(): Promise<void> {
    const { maxFileSize, exclude } = await settings.workspaceScanOptions(folders[0]);
    const changed = new Set<string>();
    for (const folder of folders) {
      for await (const file of scanFolder(folder, { maxFileSize, exclude })) {
        if (documents.get(file.uri)) continue; // open documents override the disk
        for (const key of index.update(file.uri, file.text)) changed.add(key);
      }
    }
    connection.console.info(`kube-guardrails: indexed ${index.fileCount} YAML files`);
    refreshDependents(changed);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) debounceMs = options.debounceMs;
    folders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: {},
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      },
      serverInfo: { name: 'kube-guardrails' },
    };
  });

  connection.onInitialized(() => void track(guard('workspace scan', undefined, scanWorkspace)()));

  connection.onDidChangeConfiguration(guard('didChangeConfiguration', undefined, (params) => {
    settings.reset(params.settings);
    for (const document of documents.all()) schedule(document.uri, 0);
  }));

  const onWatchedFiles = guard('didChangeWatchedFiles', undefined, async (params: DidChangeWatchedFilesParams) => {
    const changed = new Set<string>();
    if (params.changes.some((change) => isConfigUri(change.uri))) {
      settings.reset();
      for (const document of documents.all()) schedule(document.uri, 0);
    }
    for (const change of params.changes) {
      if (documents.get(change.uri)) continue; // the editor's text wins while the file is open
      const text = change.type === FileChangeType.Deleted ? undefined : await readUri(change.uri, (await settings.get(change.uri)).maxFileSize);
      const keys = text === undefined ? index.remove(change.uri) : index.update(change.uri, text);
      for (const key of keys) changed.add(key);
    }
    refreshDependents(changed);
  });
  connection.onDidChangeWatchedFiles((params) => track(onWatchedFiles(params)));

  documents.onDidOpen((event) => schedule(event.document.uri, 0));
  documents.onDidChangeContent((event) => schedule(event.document.uri));
  const onClose = guard('didClose', undefined, async (event: TextDocumentChangeEvent<TextDocument>) => {
    const uri = event.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    states.delete(uri);
    caches.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    // Back to what the disk says (nothing, for an unsaved buffer).
    const text = await readUri(uri, (await settings.get(uri)).maxFileSize);
    settings.forget(uri);
    refreshDependents(text === undefined ? index.remove(uri) : index.update(uri, text));
  });
  documents.onDidClose((event) => void track(onClose(event)));

  connection.onCodeAction(guard('codeAction', [], async (params) => {
    const document = documents.get(params.textDocument.uri);
    const state = await currentState(params.textDocument.uri);
    if (!document || !state) return [];
    const lint = (text: string): readonly Finding[] =>
      lintText(text, { uri: document.uri, config: state.settings.config, rules: RULES, index, schemas }).findings;
    const textOf = (uri: string) => documents.get(uri)?.getText() ?? index.textOf(uri);
    return codeActionsFor(document, params, state.result.findings, lint, { locate: (ref) => index.locate(ref), textOf });
  }));

  connection.onHover(guard('hover', null, async (params): Promise<Hover | null> => {
    const document = documents.get(params.textDocument.uri);
    const state = await currentState(params.textDocument.uri);
    if (!document || !state) return null;
    const offset = document.offsetAt(params.position);
    const placed = [...state.result.documents].reverse().find((d) => d.offset <= offset);
    if (!placed) return null;
    const object = state.result.objects.find((o) => o.offset === placed.offset)?.object;
    const findings = state.result.findings
      .filter((f) => f.range.start <= offset && offset <= f.range.end)
      .map((f) => ({ ...f, range: { start: f.range.start - placed.offset, end: f.range.end - placed.offset } }));
    const hover = hoverAt({ document: placed.parsed, offset: offset - placed.offset, object, findings, rules: RULES_BY_ID, index, schemas: schemas?.(), self: selfAt(index, params.textDocument.uri, placed) });
    if (!hover) return null;
    const range = hover.range && toRange(document, { start: hover.range.start + placed.offset, end: hover.range.end + placed.offset });
    return { contents: { kind: 'markdown', value: hover.markdown }, ...(range ? { range } : {}) };
  }));

  connection.onCompletion(guard('completion', [], async (params) => {
    const document = documents.get(params.textDocument.uri);
    const state = await currentState(params.textDocument.uri);
    if (!document || !state) return [];
    return completionItems(document, state.result.documents, params.position, schemas?.(), index);
  }));

  documents.listen(connection);
  connection.listen();
}
