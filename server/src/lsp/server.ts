/**
 * Wires the engine to a language-server connection. It owns the document states (debounced,
 * versioned linting) and registers the handlers; every handler catches its own failures so that one
 * bad request never takes the server down.
 */
import {
  CodeActionKind,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Hover,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText, type LintResult } from '../core/engine';
import type { Finding } from '../core/finding';
import { hoverAt } from '../hover/hover';
import { RULES, RULES_BY_ID } from '../rules/index';
import { createParseCache } from '../yaml/parse';
import { FIX_ALL_KIND, type InitializationOptions } from '../shared/protocol';
import { codeActionsFor } from './code-actions';
import { toDiagnostic, toRange } from './convert';
import { SettingsCache, type DocumentSettings } from './settings';

const DEFAULT_DEBOUNCE_MS = 25;

interface DocumentState {
  version: number;
  result: LintResult;
  settings: DocumentSettings;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocumentState>();
  const caches = new Map<string, ReturnType<typeof createParseCache>>();
  const timers = new Map<string, NodeJS.Timeout>();
  let canPullConfiguration = false;
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  const settings = new SettingsCache(connection, () => canPullConfiguration);

  const guard = <A extends unknown[], R>(name: string, fallback: R, handler: (...args: A) => R | Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await handler(...args);
      } catch (error) {
        connection.console.error(`kube-guardrails: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };

  function lintDocument(document: TextDocument, documentSettings: DocumentSettings): LintResult {
    let cache = caches.get(document.uri);
    if (!cache) caches.set(document.uri, (cache = createParseCache()));
    const result = lintText(document.getText(), { config: documentSettings.config, rules: RULES, cache });
    cache.retainOnly(result.documents.map((d) => d.parsed.text));
    for (const line of result.internalErrors) connection.console.error(`kube-guardrails internal error in ${document.uri}: ${line}`);
    return result;
  }

  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const documentSettings = await settings.get(uri);
    // Newer text arrived while settings were fetched: its own run will publish.
    if (documents.get(uri)?.version !== version) return;
    const text = document.getText();
    if (text.length > documentSettings.maxFileSize) {
      states.delete(uri);
      const megabytes = (n: number) => (n / 1024 / 1024).toFixed(1);
      void connection.sendDiagnostics({
        uri,
        version,
        diagnostics: [{
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 3,
          source: 'kube-guardrails',
          message: `Not analysed: the file is ${megabytes(text.length)} MB, above the ${megabytes(documentSettings.maxFileSize)} MB set in kubeGuardrails.maxFileSize.`,
        }],
      });
      return;
    }
    const result = lintDocument(document, documentSettings);
    states.set(uri, { version, result, settings: documentSettings });
    await connection.sendDiagnostics({ uri, version, diagnostics: result.findings.map((finding) => toDiagnostic(document, finding)) });
  }

  function schedule(uri: string, delay = debounceMs): void {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      void guard('validate', undefined, validate)(uri);
    }, delay));
  }

  /** The lint result for the document's current text, computed now if the debounced run is pending. */
  async function currentState(uri: string): Promise<DocumentState | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const state = states.get(uri);
    if (state && state.version === document.version) return state;
    const documentSettings = await settings.get(uri);
    const fresh = { version: document.version, result: lintDocument(document, documentSettings), settings: documentSettings };
    states.set(uri, fresh);
    return fresh;
  }

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) debounceMs = options.debounceMs;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      },
      serverInfo: { name: 'kube-guardrails' },
    };
  });

  connection.onDidChangeConfiguration(guard('didChangeConfiguration', undefined, (params) => {
    settings.reset(params.settings);
    for (const document of documents.all()) schedule(document.uri, 0);
  }));

  documents.onDidOpen((event) => schedule(event.document.uri, 0));
  documents.onDidChangeContent((event) => schedule(event.document.uri));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    states.delete(uri);
    caches.delete(uri);
    settings.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onCodeAction(guard('codeAction', [], async (params) => {
    const document = documents.get(params.textDocument.uri);
    const state = await currentState(params.textDocument.uri);
    if (!document || !state) return [];
    const lint = (text: string): readonly Finding[] => lintText(text, { config: state.settings.config, rules: RULES }).findings;
    return codeActionsFor(document, params, state.result.findings, lint);
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
    const hover = hoverAt({ document: placed.parsed, offset: offset - placed.offset, object, findings, rules: RULES_BY_ID });
    if (!hover) return null;
    const range = hover.range && toRange(document, { start: hover.range.start + placed.offset, end: hover.range.end + placed.offset });
    return { contents: { kind: 'markdown', value: hover.markdown }, ...(range ? { range } : {}) };
  }));

  documents.listen(connection);
  connection.listen();
}
