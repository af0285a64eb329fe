/**
 * The `kube-guardrails` command. `main` takes the arguments and an I/O object and returns the exit
 * code, so tests run it in-process; only the last lines, run when this file is the program, touch
 * the real process. The work happens in cli/ (run.ts lints, the format-*.ts files print).
 */
import { parseArgs, USAGE } from './cli/args';
import { nodeIo, type CliIo } from './cli/io';
import { formatRuleList } from './cli/list-rules';
import { run, VERSION } from './cli/run';
import { RULES } from './rules/index';

export { nodeIo, VERSION, type CliIo };

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if ('error' in parsed) {
    io.stderr(`kube-guardrails: ${parsed.error}\n`);
    return 2;
  }
  const { options } = parsed;
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (options.listRules) {
    io.stdout(formatRuleList(RULES, options.format === 'json'));
    return 0;
  }
  if (options.paths.length === 0) {
    io.stderr(`kube-guardrails: no files or directories given.\n\n${USAGE}\n`);
    return 2;
  }
  return run(options, io);
}

if (require.main === module) {
  main(process.argv.slice(2), nodeIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`kube-guardrails: unexpected failure: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
