/** Types shared by the client and the server. The client imports this file for types only. */

export const CONFIGURATION_SECTION = 'kubeGuardrails';
export const DIAGNOSTIC_SOURCE = 'kube-guardrails';
export const FIX_ALL_KIND = 'source.fixAll.kube-guardrails';

/** The `kubeGuardrails.*` settings as VS Code (or a config file) hands them over. */
export interface KubeGuardrailsSettings {
  rules?: Record<string, unknown>;
  defaults?: Record<string, unknown>;
  kubernetesVersion?: unknown;
  /** Files larger than this many bytes are not analysed (a message says so). */
  maxFileSize?: unknown;
  /** Globs of workspace paths the index does not read. */
  exclude?: unknown;
}

/** Options the client (or a test) passes in `initializationOptions`. */
export interface InitializationOptions {
  /** Delay between the last keystroke and linting; small, because linting one document is fast. */
  debounceMs?: number;
}

/** What we attach to each diagnostic, so code actions find their finding without matching text. */
export interface DiagnosticData {
  ruleId: string;
  /** The document version the diagnostic was computed for. */
  version: number;
}
