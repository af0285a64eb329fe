/**
 * The `kube-guardrails` command. `main` takes the arguments and an I/O object and returns the exit
 * code, so tests run it in-process; only the last lines, run when this file is the program, touch
 * the real process.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, USAGE } from './cli/args';
import { collectFiles, describe } from './cli/files';
import { countBySeverity, formatJson, formatText, type FileFindings } from './cli/report';
import { resolveConfig } from './core/config';
import { lintText } from './core/engine';
import { WorkspaceIndex } from './index/workspace-index';
import { lazySchemas } from './node/schema-files';
import { RULES, RULE_IDS } from './rules/index';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(file: string): Promise<string>;
  /** The folder holding the bundled schemas (schemas/ beside dist/). */
  schemasDir: string;
}

export const VERSION = '0.1.0';

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
  if (options.paths.length === 0) {
    io.stderr(`kube-guardrails: no files or directories given.\n\n${USAGE}\n`);
    return 2;
  }
  const { config, problems } = resolveConfig({ rules: options.rules, kubernetesVersion: options.kubernetesVersion }, RULE_IDS);
  if (problems.length > 0) {
    for (const problem of problems) io.stderr(`kube-guardrails: ${problem.path}: ${problem.message}\n`);
    return 2;
  }
  const { files, errors } = await collectFiles(options.paths, io.cwd);
  for (const error of errors) io.stderr(`kube-guardrails: ${error}\n`);
  // Read every file first: cross-object rules (an HPA and its Deployment) see the whole set.
  const texts = new Map<string, string>();
  const index = new WorkspaceIndex();
  for (const file of files) {
    try {
      const text = await io.readFile(file);
      texts.set(file, text);
      index.update(pathToFileURL(file).toString(), text);
    } catch (error) {
      errors.push(file);
      io.stderr(`kube-guardrails: ${path.relative(io.cwd, file)}: ${describe(error)}\n`);
    }
  }
  const schemas = lazySchemas(io.schemasDir, (message) => io.stderr(`kube-guardrails: ${message}\n`));
  const results: FileFindings[] = [];
  for (const [file, text] of texts) {
    const result = lintText(text, { uri: pathToFileURL(file).toString(), config, rules: RULES, index, schemas });
    for (const line of result.internalErrors) io.stderr(`kube-guardrails: internal error in ${file}: ${line}\n`);
    const findings = options.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
    results.push({ file: path.relative(io.cwd, file) || file, text, findings });
  }
  io.stdout(options.format === 'json' ? formatJson(results) : formatText(results));
  if (errors.length > 0) return 2;
  const counts = countBySeverity(results);
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) return 1;
  return 0;
}

export function nodeIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (file) => fs.readFile(file, 'utf8'),
    schemasDir: path.resolve(__dirname, '..', 'schemas'),
  };
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
