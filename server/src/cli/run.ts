/** One lint run of the CLI: configs, inputs, optional fixing, linting and the report. */
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { hasGlobMagic } from '../config-file/glob';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { applySafeFixes } from '../core/apply-fixes';
import { resolveConfig, type ResolvedConfig } from '../core/config';
import { lintText } from '../core/engine';
import { ConfigLoader } from '../config-file/loader';
import { formatConfigProblem } from '../config-file/types';
import { WorkspaceIndex } from '../index/workspace-index';
import { lazyEmbeddedSchemas } from '../node/embedded-schemas';
import { RULES, RULE_IDS } from '../rules/index';
import type { CliOptions } from './args';
import { CliConfigs, displayPath } from './configs';
import { unifiedDiff } from './diff';
import { collectFiles, describe } from './files';
import { kustomizationsAbove } from './kustomizations';
import { formatGithub } from './format-github';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import type { CliIo } from './io';
import { countBySeverity, formatJson, type FileFindings, type OtherFile } from './report';

export const VERSION = '0.1.0';
/** Runs over at least this many files show progress on stderr (when stderr is a terminal). */
export const PROGRESS_MIN_FILES = 50;

interface Input {
  file: string;
  uri: string;
  display: string;
  text: string;
  config: ResolvedConfig;
  fromStdin: boolean;
}

export async function run(options: CliOptions, io: CliIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`kube-guardrails: ${message}\n`);
    return 2;
  };
  const flags = { rules: options.rules, ...(options.kubernetesVersion ? { kubernetesVersion: options.kubernetesVersion } : {}) };
  const flagProblems = resolveConfig(flags, RULE_IDS).problems;
  if (flagProblems.length > 0) return fail(flagProblems.map((p) => `${p.path.replace(/^rules\./, '--rule ')}: ${p.message}`).join('\n'));

  // The config lookup stops at the current directory (or at an input's own folder, for inputs
  // outside it): a config above the linted tree, such as a home folder's, never applies unseen.
  const loader = new ConfigLoader({ knownRules: RULE_IDS, roots: await inputRoots(options.paths, io.cwd) });
  const explicit = options.config === undefined ? undefined : await loader.load(path.resolve(io.cwd, options.config));
  if (explicit && explicit.problems.length > 0) {
    for (const problem of explicit.problems) io.stderr(`kube-guardrails: ${formatConfigProblem(displayPath(io.cwd, explicit.file), problem)}\n`);
    return 2;
  }
  const configs = new CliConfigs(loader, flags, RULE_IDS, explicit);
  const { files, errors, empty } = await collectFiles(options.paths, io.cwd, (file) => configs.isIgnored(file));

  // Read every input first: cross-object rules (an HPA and its Deployment) see the whole set.
  const inputs: Input[] = [];
  const index = new WorkspaceIndex();
  const add = async (file: string, text: string, fromStdin: boolean) => {
    const uri = pathToFileURL(file).toString();
    index.update(uri, text);
    inputs.push({ file, uri, display: fromStdin ? (options.stdinFilename ?? '<stdin>') : displayPath(io.cwd, file), text, config: await configs.resolvedFor(file), fromStdin });
  };
  if (options.paths.includes('-')) {
    try {
      await add(path.resolve(io.cwd, options.stdinFilename ?? '<stdin>'), await io.readStdin(), true);
    } catch (error) {
      errors.push(`-: could not read stdin: ${describe(error)}`);
    }
  }
  for (const file of files) {
    try {
      await add(file, await io.readFile(file), false);
    } catch (error) {
      errors.push(`${displayPath(io.cwd, file)}: ${describe(error)}`);
    }
  }
  // A file is a Kustomize patch when a kustomization lists it, however it was named: index the
  // kustomizations above each input that the run did not read already.
  for (const input of [...inputs]) {
    for (const found of await kustomizationsAbove(input.file, io.cwd, io.readFile)) {
      const uri = pathToFileURL(found.file).toString();
      if (!index.has(uri)) index.update(uri, found.text);
    }
  }
  if (configs.broken.size > 0) {
    for (const line of configs.problemLines(io.cwd)) io.stderr(`kube-guardrails: ${line}\n`);
    return 2;
  }
  for (const error of errors) io.stderr(`kube-guardrails: ${error}\n`);
  if (inputs.length === 0 && errors.length === 0) {
    const reasons = await Promise.all(empty.map((entry) => whyEmpty(entry, configs, io.cwd)));
    return fail(reasons.length > 0 ? reasons.join('\n') : 'no files or directories given.');
  }
  if (options.format === 'text') {
    // Say which config files applied (stderr, so the report on stdout stays as it is).
    const used = new Map<string, number>();
    for (const input of inputs) {
      const config = await configs.configFor(input.file);
      if (config) used.set(config.file, (used.get(config.file) ?? 0) + 1);
    }
    for (const [file, count] of used) io.stderr(`kube-guardrails: config ${displayPath(io.cwd, file)} applied to ${count} ${count === 1 ? 'file' : 'files'}\n`);
  }

  const schemas = lazyEmbeddedSchemas((message) => io.stderr(`kube-guardrails: ${message}\n`));
  // The index parsed every file already; its parse cache serves the linter, so each document is parsed once.
  const lint = (input: Input, text: string) => lintText(text, { uri: input.uri, config: input.config, rules: RULES, index, schemas, cache: index.parseCacheFor(input.uri) });

  if (options.fix || options.fixDryRun) {
    let fixedFiles = 0;
    let fixedCount = 0;
    for (const input of inputs) {
      const { text, fixed } = applySafeFixes(input.text, (current) => lint(input, current).findings);
      if (text === input.text) continue;
      fixedFiles++;
      fixedCount += fixed;
      if (options.fixDryRun) {
        io.stdout(unifiedDiff(input.text, text, `a/${input.display}`, `b/${input.display}`));
      } else {
        try {
          await io.writeFile(input.file, text);
        } catch (error) {
          errors.push(`${input.display}: could not write the fixes: ${describe(error)}`);
          io.stderr(`kube-guardrails: ${errors.at(-1)}\n`);
          continue;
        }
      }
      input.text = text;
      index.update(input.uri, text);
    }
    io.stderr(`kube-guardrails: ${options.fixDryRun ? 'would fix' : 'fixed'} ${fixedCount} findings in ${fixedFiles} files\n`);
  }

  const progress = io.stderrIsTTY && inputs.length >= PROGRESS_MIN_FILES;
  const results: FileFindings[] = [];
  inputs.forEach((input, i) => {
    if (progress && i % 10 === 0) io.stderr(`\rLinting ${i}/${inputs.length} files…`);
    const result = lint(input, input.text);
    for (const line of result.internalErrors) io.stderr(`kube-guardrails: internal error in ${input.display}: ${line}\n`);
    const findings = options.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
    results.push({ file: input.display, uri: input.uri, text: input.text, findings });
  });
  if (progress) io.stderr('\r\u001b[K');

  if (!options.fixDryRun) io.stdout(format(options, io, results, inputs.length, otherFileLookup(inputs, index, io.cwd)));
  if (errors.length > 0) return 2;
  const counts = countBySeverity(results);
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) return 1;
  return 0;
}

/** "all 12 files under vendor/ are ignored by .kube-guardrails.yaml", or "no YAML files under empty/". */
async function whyEmpty(entry: { input: string; ignored: string[] }, configs: CliConfigs, cwd: string): Promise<string> {
  const where = hasGlobMagic(entry.input) ? `matched by ${entry.input}` : `under ${entry.input.replace(/\/?$/, '/')}`;
  if (entry.ignored.length === 0) return `no YAML files ${where}.`;
  const by = new Set<string>();
  for (const file of entry.ignored) {
    const config = await configs.configFor(file);
    if (config) by.add(displayPath(cwd, config.file));
  }
  const count = entry.ignored.length;
  return `${count === 1 ? 'the only YAML file' : `all ${count} YAML files`} ${where} ${count === 1 ? 'is' : 'are'} ignored by ${[...by].join(', ') || 'the config'}.`;
}

/**
 * The folders the config lookup never goes above: the current directory, and for an input outside
 * it, the input's own folder (its glob base, or the folder of a file).
 */
async function inputRoots(paths: readonly string[], cwd: string): Promise<string[]> {
  const roots = new Set([path.resolve(cwd)]);
  for (const input of paths) {
    if (input === '-') continue;
    const normalized = input.split(path.sep).join('/');
    const segments = normalized.split('/');
    const magic = segments.findIndex(hasGlobMagic);
    const base = path.resolve(cwd, magic === -1 ? input : segments.slice(0, magic).join('/') || (normalized.startsWith('/') ? '/' : '.'));
    const relative = path.relative(cwd, base);
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) continue;
    const isDirectory = await stat(base).then((s) => s.isDirectory(), () => false);
    roots.add(isDirectory ? base : path.dirname(base));
  }
  return [...roots];
}

function format(options: CliOptions, io: CliIo, results: FileFindings[], fileCount: number, otherFile: OtherFile): string {
  switch (options.format) {
    case 'json':
      return formatJson(results, otherFile);
    case 'sarif':
      return formatSarif(results, RULES, VERSION, otherFile);
    case 'github':
      return formatGithub(results);
    default: {
      const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
      return formatText(results, { color: io.isTTY && !noColor, fileCount });
    }
  }
}

/** Cross-file fixes edit other inputs, or files the index knows, at where the index says their objects are. */
function otherFileLookup(inputs: readonly Input[], index: WorkspaceIndex, cwd: string): OtherFile {
  const byUri = new Map(inputs.map((input) => [input.uri, { file: input.display, text: input.text }]));
  return {
    fileOf: (uri) => {
      const known = byUri.get(uri);
      if (known) return known;
      const text = index.textOf(uri);
      return text === undefined ? undefined : { file: displayPath(cwd, fileURLToPath(uri)), text };
    },
    locate: (ref) => index.locate(ref),
  };
}
