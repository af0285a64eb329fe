/**
 * Resolves user settings (VS Code settings or a config file) into the configuration the engine runs
 * with. Invalid entries are reported as problems and ignored, never thrown.
 */
import { parseQuantity } from '../k8s/quantity';
import { SEVERITIES, type SeveritySetting } from './finding';

export interface FixDefaults {
  cpuRequest: string;
  memoryRequest: string;
  memoryLimit: string;
  /** Empty: "Add resource limits" adds no CPU limit (CPU limits throttle; many teams avoid them). */
  cpuLimit: string;
}

export interface Settings {
  rules?: Record<string, unknown>;
  defaults?: Partial<Record<keyof FixDefaults, unknown>>;
  kubernetesVersion?: unknown;
}

export interface ResolvedConfig {
  /** Severities the user set explicitly, per rule id; rules not listed run at their default level. */
  readonly severities: ReadonlyMap<string, SeveritySetting>;
  readonly defaults: FixDefaults;
  readonly kubernetesVersion: string;
}

export const DEFAULT_FIX_VALUES: FixDefaults = { cpuRequest: '100m', memoryRequest: '128Mi', memoryLimit: '128Mi', cpuLimit: '' };
export const DEFAULT_KUBERNETES_VERSION = '1.36';

export interface ConfigProblem {
  /** Dotted path of the offending setting, e.g. `rules.container-cpu-limit`. */
  path: string;
  message: string;
}

const SEVERITY_SETTINGS: readonly string[] = [...SEVERITIES, 'off'];

export function resolveConfig(
  settings: Settings | undefined,
  knownRules: ReadonlySet<string>,
): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const severities = new Map<string, SeveritySetting>();
  for (const [id, value] of Object.entries(settings?.rules ?? {})) {
    const severity = Array.isArray(value) ? value[0] : value;
    if (!knownRules.has(id)) {
      problems.push({ path: `rules.${id}`, message: `Unknown rule "${id}".` });
    } else if (typeof severity !== 'string' || !SEVERITY_SETTINGS.includes(severity)) {
      problems.push({ path: `rules.${id}`, message: `Severity must be one of ${SEVERITY_SETTINGS.join(', ')}; got ${JSON.stringify(severity)}.` });
    } else {
      severities.set(id, severity as SeveritySetting);
    }
  }
  const defaults: FixDefaults = { ...DEFAULT_FIX_VALUES };
  for (const [key, value] of Object.entries(settings?.defaults ?? {})) {
    if (!(key in defaults)) problems.push({ path: `defaults.${key}`, message: `Unknown default "${key}".` });
    else if (typeof value !== 'string' || (value !== '' && !parseQuantity(value).ok)) {
      problems.push({ path: `defaults.${key}`, message: `Must be a quantity string such as "250m" or "256Mi"; got ${JSON.stringify(value)}.` });
    }
    else defaults[key as keyof FixDefaults] = value;
  }
  let kubernetesVersion = DEFAULT_KUBERNETES_VERSION;
  const version = settings?.kubernetesVersion;
  if (version !== undefined && version !== null && version !== '') {
    const text = String(version).replace(/^v/, '');
    if (/^1\.\d{1,2}$/.test(text)) kubernetesVersion = text;
    else problems.push({ path: 'kubernetesVersion', message: `Must look like "1.36"; got ${JSON.stringify(version)}.` });
  }
  return { config: { severities, defaults, kubernetesVersion }, problems };
}
