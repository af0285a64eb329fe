/**
 * The configuration of each linted file in a CLI run: the nearest config file (or `--config`),
 * its matching overrides, then the command-line flags on top (rule defaults < config < flags).
 */
import * as path from 'node:path';
import { resolveConfig, type ResolvedConfig, type Settings } from '../core/config';
import type { ConfigLoader } from '../config-file/loader';
import { isIgnoredBy, layerSettings, settingsFromConfig } from '../config-file/merge';
import { formatConfigProblem, type LoadedConfig } from '../config-file/types';

export class CliConfigs {
  private readonly resolved = new Map<string, ResolvedConfig>();
  /** Config files with problems, met while resolving; the run stops with exit code 2 when any. */
  readonly broken = new Map<string, LoadedConfig>();

  constructor(
    private readonly loader: ConfigLoader,
    private readonly flags: Settings,
    private readonly knownRules: ReadonlySet<string>,
    private readonly explicit: LoadedConfig | undefined,
  ) {}

  async configFor(file: string): Promise<LoadedConfig | undefined> {
    const config = this.explicit ?? (await this.loader.forFile(file));
    if (config && config.problems.length > 0) this.broken.set(config.file, config);
    return config;
  }

  async isIgnored(file: string): Promise<boolean> {
    return isIgnoredBy(await this.configFor(file), file);
  }

  async resolvedFor(file: string): Promise<ResolvedConfig> {
    const settings = layerSettings(settingsFromConfig(await this.configFor(file), file), this.flags);
    const key = JSON.stringify(settings);
    let config = this.resolved.get(key);
    if (!config) {
      // Config files and flags were validated already, so problems cannot arise here.
      config = resolveConfig(settings, this.knownRules).config;
      this.resolved.set(key, config);
    }
    return config;
  }

  /** `path:line:col: message` for every problem of every broken config file. */
  problemLines(cwd: string): string[] {
    return [...this.broken.values()].flatMap((config) => config.problems.map((problem) => formatConfigProblem(displayPath(cwd, config.file), problem)));
  }
}

export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return (relative === '' ? file : relative).split(path.sep).join('/');
}
