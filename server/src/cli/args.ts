/** Parses the command line into options; problems are returned as a message, never thrown. */
import type { SeveritySetting } from '../core/finding';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';
export const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github'];

export interface CliOptions {
  /** Files, directories, globs, or `-` for stdin. */
  paths: string[];
  format: OutputFormat;
  rules: Record<string, SeveritySetting>;
  kubernetesVersion?: string;
  config?: string;
  stdinFilename?: string;
  quiet: boolean;
  maxWarnings?: number;
  fix: boolean;
  fixDryRun: boolean;
  listRules: boolean;
  help: boolean;
  version: boolean;
}

export const USAGE = `Usage: kube-guardrails [options] <file|directory|glob|->...

Lints Kubernetes manifests. Directories are searched recursively for *.yaml and *.yml, skipping the
config file's ignore globs; globs (*, **, ?) are expanded by kube-guardrails itself; - reads stdin.

Options:
  --format <text|json|sarif|github>  Output format (default: text)
  --config <file>               Use this config file instead of looking for .kube-guardrails.yaml
  --rule <rule-id>=<severity>   Set a rule's severity: error, warning, info, hint or off (repeatable)
  --kubernetes-version <x.y>    Kubernetes version to judge API versions against (default: 1.36)
  --max-warnings <n>            Exit with 1 when there are more than n warnings
  --quiet                       Report errors only
  --fix                         Apply safe fixes in place, then report what remains
  --fix-dry-run                 Print the safe fixes as a unified diff; write nothing
  --stdin-filename <name>       The name to report (and match config globs) for -
  --list-rules                  List the rules (a table, or JSON with --format json)
  -h, --help                    Show this help
  -v, --version                 Show the version

Exit codes: 0 no error-level findings (and warnings within --max-warnings), 1 error-level findings
or too many warnings, 2 usage, config or I/O error.`;

type Parsed = { options: CliOptions } | { error: string };

export function parseArgs(argv: readonly string[]): Parsed {
  const options: CliOptions = { paths: [], format: 'text', rules: {}, quiet: false, fix: false, fixDryRun: false, listRules: false, help: false, version: false };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      options.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    const error = applyFlag(options, flag, value);
    if (error) return { error };
  }
  if (options.fix && options.fixDryRun) return { error: '--fix and --fix-dry-run cannot be used together.' };
  if (options.paths.filter((p) => p === '-').length > 1) return { error: '- (stdin) can be given only once.' };
  if (options.fix && options.paths.includes('-')) return { error: '--fix cannot write back to stdin; use --fix-dry-run to see the diff.' };
  if (options.stdinFilename !== undefined && !options.paths.includes('-')) return { error: '--stdin-filename needs - among the inputs.' };
  return { options };
}

function applyFlag(options: CliOptions, flag: string, value: () => string | undefined): string | undefined {
  const required = (name: string): string | { error: string } => {
    const v = value();
    return v === undefined || v === '' ? { error: `${name} needs a value.` } : v;
  };
  switch (flag) {
    case '-h':
    case '--help':
      options.help = true;
      return undefined;
    case '-v':
    case '--version':
      options.version = true;
      return undefined;
    case '--quiet':
      options.quiet = true;
      return undefined;
    case '--fix':
      options.fix = true;
      return undefined;
    case '--fix-dry-run':
      options.fixDryRun = true;
      return undefined;
    case '--list-rules':
      options.listRules = true;
      return undefined;
    case '--format': {
      const format = value();
      if (!FORMATS.includes(format as OutputFormat)) return `--format must be one of ${FORMATS.join(', ')}; got ${JSON.stringify(format ?? '')}.`;
      options.format = format as OutputFormat;
      return undefined;
    }
    case '--config':
    case '--stdin-filename': {
      const v = required(flag);
      if (typeof v !== 'string') return v.error;
      if (flag === '--config') options.config = v;
      else options.stdinFilename = v;
      return undefined;
    }
    case '--rule': {
      const setting = value() ?? '';
      const match = /^([a-z0-9-]+)=(error|warning|info|hint|off)$/.exec(setting);
      if (!match) return `--rule takes <rule-id>=<error|warning|info|hint|off>; got ${JSON.stringify(setting)}.`;
      options.rules[match[1]!] = match[2] as SeveritySetting;
      return undefined;
    }
    case '--kubernetes-version': {
      const version = value() ?? '';
      if (!/^v?1\.\d{1,2}$/.test(version)) return `--kubernetes-version takes a version like 1.36; got ${JSON.stringify(version)}.`;
      options.kubernetesVersion = version.replace(/^v/, '');
      return undefined;
    }
    case '--max-warnings': {
      const text = value() ?? '';
      const count = Number(text);
      if (text.trim() === '' || !Number.isInteger(count) || count < 0) return `--max-warnings takes a whole number of 0 or more; got ${JSON.stringify(text)}.`;
      options.maxWarnings = count;
      return undefined;
    }
    default:
      return `Unknown option ${flag}. Run kube-guardrails --help for the list.`;
  }
}
