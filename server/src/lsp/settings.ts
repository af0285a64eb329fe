/** Fetches and caches `kubeGuardrails` settings per document, vscode-eslint style. */
import type { Connection } from 'vscode-languageserver';
import { resolveConfig, type ConfigProblem, type ResolvedConfig } from '../core/config';
import { RULE_IDS } from '../rules/index';
import { CONFIGURATION_SECTION, type KubeGuardrailsSettings } from '../shared/protocol';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export interface DocumentSettings {
  config: ResolvedConfig;
  maxFileSize: number;
  /** Globs of workspace paths the index skips. */
  exclude: string[];
  problems: ConfigProblem[];
}

export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**'];

export class SettingsCache {
  private readonly cache = new Map<string, Promise<DocumentSettings>>();
  /** Settings pushed with didChangeConfiguration, for clients that cannot answer workspace/configuration. */
  private pushed: KubeGuardrailsSettings | undefined;

  constructor(private readonly connection: Connection, private readonly canPull: () => boolean) {}

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
    const { config, problems } = resolveConfig(raw ?? {}, RULE_IDS);
    for (const problem of problems) this.connection.console.warn(`Setting kubeGuardrails.${problem.path}: ${problem.message}`);
    const size = Number(raw?.maxFileSize);
    const exclude = Array.isArray(raw?.exclude) ? raw.exclude.filter((glob): glob is string => typeof glob === 'string') : DEFAULT_EXCLUDE;
    return { config, problems, exclude, maxFileSize: Number.isFinite(size) && size > 0 ? size : DEFAULT_MAX_FILE_SIZE };
  }

  /** Scan settings for the workspace as a whole (the first folder's, or the defaults). */
  async workspaceScanOptions(folderUri: string | undefined): Promise<{ maxFileSize: number; exclude: string[] }> {
    const { maxFileSize, exclude } = await this.get(folderUri ?? 'file:///');
    return { maxFileSize, exclude };
  }
}
