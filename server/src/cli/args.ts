/** Parses the command line into options; problems are returned as a message, never thrown. */
import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';
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

/** The flags, for node:util's strict parser: unknown flags, values on switches and missing values are errors. */
const FLAGS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  quiet: { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'list-rules': { type: 'boolean' },
  format: { type: 'string' },
  config: { type: 'string' },
  'stdin-filename': { type: 'string' },
  rule: { type: 'string', multiple: true },
  'kubernetes-version': { type: 'string' },
  'max-warnings': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export function parseArgs(argv: readonly string[]): Parsed {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseNodeArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: true }));
  } catch (error) {
    return { error: describeParseError(error, argv) };
  }
  const options: CliOptions = {
    paths: positionals,
    format: 'text',
    rules: {},
    quiet: values.quiet === true,
    fix: values.fix === true,
    fixDryRun: values['fix-dry-run'] === true,
    listRules: values['list-rules'] === true,
    help: values.help === true,
    version: values.version === true,
  };
  const error = applyValues(options, values);
  if (error) return { error };
  if (options.fix && options.fixDryRun) return { error: '--fix and --fix-dry-run cannot be used together.' };
  if (options.paths.filter((p) => p === '-').length > 1) return { error: '- (stdin) can be given only once.' };
  if (options.fix && options.paths.includes('-')) return { error: '--fix cannot write back to stdin; use --fix-dry-run to see the diff.' };
  if (options.stdinFilename !== undefined && !options.paths.includes('-')) return { error: '--stdin-filename needs - among the inputs.' };
  return { options };
}

type Values = ReturnType<typeof parseNodeArgs<{ options: typeof FLAGS; strict: true; allowPositionals: true }>>['values'];

function applyValues(options: CliOptions, values: Values): string | undefined {
  if (values.format !== undefined) {
    if (!FORMATS.includes(values.format as OutputFormat)) return `--format must be one of ${FORMATS.join(', ')}; got ${JSON.stringify(values.format)}.`;
    options.format = values.format as OutputFormat;
  }
  for (const name of ['config', 'stdin-filename'] as const) {
    if (values[name] === '') return `--${name} needs a value.`;
  }
  if (values.config !== undefined) options.config = values.config;
  if (values['stdin-filename'] !== undefined) options.stdinFilename = values['stdin-filename'];
  for (const setting of values.rule ?? []) {
    const match = /^([a-z0-9-]+)=(error|warning|info|hint|off)$/.exec(setting);
    if (!match) return `--rule takes <rule-id>=<error|warning|info|hint|off>; got ${JSON.stringify(setting)}.`;
    options.rules[match[1]!] = match[2] as SeveritySetting;
  }
  const version = values['kubernetes-version'];
  if (version !== undefined) {
    if (!/^v?1\.\d{1,2}$/.test(version)) return `--kubernetes-version takes a version like 1.36; got ${JSON.stringify(version)}.`;
    options.kubernetesVersion = version.replace(/^v/, '');
  }
  const text = values['max-warnings'];
  if (text !== undefined) {
    const count = Number(text);
    if (text.trim() === '' || !Number.isInteger(count) || count < 0) return `--max-warnings takes a whole number of 0 or more; got ${JSON.stringify(text)}.`;
    options.maxWarnings = count;
  }
  return undefined;
}

/** Node's parser errors, reworded to name the flag as the user typed it. */
function describeParseError(error: unknown, argv: readonly string[]): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /Option '(-[^' ]*)/.exec(message)?.[1] ?? /Unknown option '([^']*)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unknown option ${flag}. Run kube-guardrails --help for the list.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (message.includes('does not take an argument')) {
      const given = argv.find((arg) => arg.startsWith(`${flag}=`)) ?? flag;
      return `${flag} is a switch and takes no value; got ${JSON.stringify(given.slice(0, 80))}.`;
    }
    if (message.includes('ambiguous')) return `${flag} needs a value (to give one that starts with -, write ${flag}=<value>).`;
    return `${flag} needs a value.`;
  }
  return `${message.split('\n')[0]} Run kube-guardrails --help for the list.`;
}
