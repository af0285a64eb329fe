/** The shapes of a `.kube-guardrails.yaml` file once parsed and validated. */

export const CONFIG_FILE_NAMES = ['.kube-guardrails.yaml', '.kube-guardrails.yml', '.kube-guardrails.json'] as const;

export interface ConfigOverride {
  /** Globs relative to the config file's folder. */
  files: string[];
  rules: Record<string, unknown>;
}

export interface ConfigData {
  kubernetesVersion?: string;
  /** Rule id → severity, or [severity, options]. */
  rules: Record<string, unknown>;
  /** Values the fixes insert (cpuRequest, memoryRequest, memoryLimit, cpuLimit). */
  defaults: Record<string, unknown>;
  ignore: string[];
  overrides: ConfigOverride[];
}

/** A problem in a config file, with its place in the file (1-based line and column). */
export interface ConfigFileProblem {
  message: string;
  /** Offsets into the config text, for editor diagnostics. */
  start: number;
  end: number;
  line: number;
  column: number;
}

/** A config file found on disk: its data when valid, its problems otherwise. */
export interface LoadedConfig {
  /** Absolute path of the config file. */
  file: string;
  /** The folder the globs are relative to. */
  dir: string;
  data: ConfigData | undefined;
  problems: ConfigFileProblem[];
}

/** `path:line:col: message`, the way compilers report. */
export function formatConfigProblem(displayPath: string, problem: ConfigFileProblem): string {
  return `${displayPath}:${problem.line}:${problem.column}: ${problem.message}`;
}

export function isConfigFileName(fileName: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(fileName);
}
