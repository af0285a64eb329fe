/**
 * Turns a config file into settings for one linted file, and layers settings. Precedence, lowest
 * first: rule defaults < config file (its `rules`, then each matching `overrides` entry in order)
 * < VS Code settings (editor) or CLI flags (CLI).
 */
import * as path from 'node:path';
import type { Settings } from '../core/config';
import { configGlobMatcher, configIgnoreMatcher } from './glob';
import type { LoadedConfig } from './types';

/** The file's path relative to the config's folder, with `/`; undefined when outside it. */
export function relativeToConfig(config: LoadedConfig, file: string): string | undefined {
  const relative = path.relative(config.dir, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

export function isIgnoredBy(config: LoadedConfig | undefined, file: string): boolean {
  if (!config?.data || config.data.ignore.length === 0) return false;
  const relative = relativeToConfig(config, file);
  return relative !== undefined && configIgnoreMatcher(config.data.ignore)(relative);
}

/** The settings a config file gives one file: its rules, then every override whose globs match. */
export function settingsFromConfig(config: LoadedConfig | undefined, file: string): Settings {
  const data = config?.data;
  if (!config || !data) return {};
  const relative = relativeToConfig(config, file);
  let rules: Record<string, unknown> = { ...data.rules };
  for (const override of data.overrides) {
    if (relative !== undefined && configGlobMatcher(override.files)(relative)) rules = { ...rules, ...override.rules };
  }
  return {
    rules,
    defaults: { ...data.defaults },
    ...(data.kubernetesVersion !== undefined ? { kubernetesVersion: data.kubernetesVersion } : {}),
  };
}

/** `top` wins key by key (rules and defaults merge; kubernetesVersion replaces when set). */
export function layerSettings(base: Settings, top: Settings): Settings {
  const version = top.kubernetesVersion !== undefined && top.kubernetesVersion !== null && top.kubernetesVersion !== '' ? top.kubernetesVersion : base.kubernetesVersion;
  return {
    rules: { ...base.rules, ...top.rules },
    defaults: { ...base.defaults, ...top.defaults },
    ...(version !== undefined ? { kubernetesVersion: version } : {}),
  };
}
