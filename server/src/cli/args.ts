/** Parses the command line into options; problems are returned as a message, never thrown. */
import type { SeveritySetting } from '../core/finding';

export type OutputFormat = 'text' | 'json';
export const FORMATS: readonly OutputFormat[] = ['text', 'json'];

export interface CliOptions {
  paths: string[];
  format: OutputFormat;
  rules: Record<string, SeveritySetting>;
  kubernetesVersion?: string;
  quiet: boolean;
  maxWarnings?: number;
  help: boolean;
  version: boolean;
}

export const USAGE = `Usage: kube-guardrails [options] <file|directory>...

Lints Kubernetes manifests (*.yaml, *.yml; directories are searched recursively).

Options:
  --format <text|json>          Output format (default: text)
  --rule <rule-id>=<severity>   Set a rule's severity: error, warning, info, hint or off (repeatable)
  --kubernetes-version <x.y>    Kubernetes version to judge API versions against (default: 1.36)
  --max-warnings <n>            Exit with 1 when there are more than n warnings
  --quiet                       Report errors only
  -h, --help                    Show this help
  -v, --version                 Show the version

Exit codes: 0 no error-level findings, 1 error-level findings (or too many warnings), 2 usage or I/O error.`;

export function parseArgs(argv: readonly string[]): { options: CliOptions } | { error: string } {
  const options: CliOptions = { paths: [], format: 'text', rules: {}, quiet: false, help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '-v':
      case '--version':
        options.version = true;
        break;
      case '--quiet':
        options.quiet = true;
        break;
      case '--format': {
        const format = value();
        if (!FORMATS.includes(format as OutputFormat)) return { error: `--format must be one of ${FORMATS.join(', ')}; got ${JSON.stringify(format ?? '')}.` };
        options.format = format as OutputFormat;
        break;
      }
      case '--rule': {
        const setting = value() ?? '';
        const match = /^([a-z0-9-]+)=(error|warning|info|hint|off)$/.exec(setting);
        if (!match) return { error: `--rule takes <rule-id>=<error|warning|info|hint|off>; got ${JSON.stringify(setting)}.` };
        options.rules[match[1]!] = match[2] as SeveritySetting;
        break;
      }
      case '--kubernetes-version': {
        const version = value() ?? '';
        if (!/^v?1\.\d{1,2}$/.test(version)) return { error: `--kubernetes-version takes a version like 1.36; got ${JSON.stringify(version)}.` };
        options.kubernetesVersion = version.replace(/^v/, '');
        break;
      }
      case '--max-warnings': {
        const count = Number(value());
        if (!Number.isInteger(count) || count < 0) return { error: '--max-warnings takes a whole number of 0 or more.' };
        options.maxWarnings = count;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') return { error: `Unknown option ${arg}. Run kube-guardrails --help for the list.` };
        options.paths.push(arg);
    }
  }
  return { options };
}
