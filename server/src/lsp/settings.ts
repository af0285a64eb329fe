/**
 * Fetches and caches `kubeGuardrails` settings per document, vscode-eslint style, merged over the
 * nearest `.kube-guardrails.yaml` in the workspace: rule defaults < config file < VS Code settings.
 */
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { ConfigLoader } from '../config-file/loader';
import { isIgnoredBy, layerSettings, settingsFromConfig } from '../config-file/merge';
import { DEFAULT_KUBERNETES_VERSION, resolveConfig, type ConfigProblem, type ResolvedConfig, type Settings } from '../core/config';
import { RULE_IDS } from '../rules/index';
import { CONFIGURATION_SECTION, type KubeGuardrailsSettings } from '../shared/protocol';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export interface DocumentSettings {
  config: ResolvedConfig;
  maxFileSize: number;
  /** Globs of workspace paths the index skips. */
  exclude: string[];
  problems: ConfigProblem[];
  /** The config file's `ignore` globs match this document: it gets no diagnostics. */
  ignored?: boolean;
}

export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**'];

export class SettingsCache {
  private readonly cache = new Map<string, Promise<DocumentSettings>>();
  /** Settings pushed with didChangeConfiguration, for clients that cannot answer workspace/configuration. */
  private pushed: KubeGuardrailsSettings | undefined;

  private configs: ConfigLoader;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    /** Workspace folder paths (config lookup never goes above them) and open config files' text. */
    private readonly workspace: { roots: () => string[]; openText: (file: string) => string | undefined } = { roots: () => [], openText: () => undefined },
  ) {
    this.configs = this.newLoader();
  }

  private newLoader(): ConfigLoader {
    return new ConfigLoader({ knownRules: RULE_IDS, roots: this.workspace.roots(), openText: this.workspace.openText });
  }

  get(uri: string): Promise<DocumentSettings> {
    let entry = this.cache.get(uri);
    if (!entry) {
      entry = this.fetch(uri);
      this.cache.set(uri, entry);
    }
    return entry;
  }

  /** Drops everything cached; the next lint of each document fetches fresh settings. */
  reset(pushed?: unknown): void {
    this.cache.clear();
    this.configs = this.newLoader();
    const section = (pushed as Record<string, unknown> | undefined)?.[CONFIGURATION_SECTION];
    if (section && typeof section === 'object') this.pushed = section as KubeGuardrailsSettings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async fetch(uri: string): Promise<DocumentSettings> {
    let raw: KubeGuardrailsSettings | undefined = this.pushed;
    if (this.canPull()) {
      try {
        raw = ((await this.connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIGURATION_SECTION })) ?? undefined) as KubeGuardrailsSettings | undefined;
      } catch (error) {
        this.connection.console.warn(`Could not read settings for ${uri}; using defaults. ${String(error)}`);
      }
    }
    const file = filePathOf(uri);
    // A config file with problems is ignored as a whole; its own diagnostics say why.
    const loaded = file === undefined ? undefined : await this.configs.forFile(file).catch(() => undefined);
    const usable = loaded && loaded.problems.length === 0 ? loaded : undefined;
    // VS Code always hands over kubernetesVersion (its default, 1.36): only a different value is a choice.
    const editor: Settings = { rules: raw?.rules, defaults: raw?.defaults, kubernetesVersion: raw?.kubernetesVersion === DEFAULT_KUBERNETES_VERSION ? undefined : raw?.kubernetesVersion };
    const merged = file === undefined ? editor : layerSettings(settingsFromConfig(usable, file), editor);
    const { config, problems } = resolveConfig(merged, RULE_IDS);
    for (const problem of problems) this.connection.console.warn(`Setting kubeGuardrails.${problem.path}: ${problem.message}`);
    const size = Number(raw?.maxFileSize);
    const exclude = Array.isArray(raw?.exclude) ? raw.exclude.filter((glob): glob is string => typeof glob === 'string') : DEFAULT_EXCLUDE;
    const ignored = file !== undefined && isIgnoredBy(usable, file);
    return { config, problems, exclude, ignored, maxFileSize: Number.isFinite(size) && size > 0 ? size : DEFAULT_MAX_FILE_SIZE };
  }

  /** Scan settings for the workspace as a whole (the first folder's, or the defaults). */
  async workspaceScanOptions(folderUri: string | undefined): Promise<{ maxFileSize: number; exclude: string[] }> {
    const { maxFileSize, exclude } = await this.get(folderUri ?? 'file:///');
    return { maxFileSize, exclude };
  }
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
