/**
 * Synchronous hostile-input work that the tests run in a worker (in-worker.ts), so a hang fails
 * the test by the runner's timeout instead of freezing the run. No clock: each task only does the
 * work and names its steps.
 */
import { configGlobMatcher, compileGlob } from '../../server/src/config-file/glob';
import { lintText } from '../../server/src/core/engine';
import { compileLinearRegExp } from '../../server/src/schema/linear-regexp';
import { RULES } from '../../server/src/rules/index';
import { isTemplateText } from '../../server/src/yaml/template';
import { DEFAULT_CONFIG } from './corpus';
import { testSchemas } from './rule-tester';
import type { WorkerTask } from './in-worker';

/** Long strings built from the pattern's own characters and from YAML-ish pieces, ending in a mismatch. */
function attacks(regex: RegExp): string[] {
  // Long enough that exponential backtracking cannot finish.
  const n = 5_000;
  const chars = [...new Set(regex.source.replace(/\\[dswDSWbB]/g, '').replace(/[\\^$()|?*+{}[\]]/g, ''))];
  const pieces = ['a', ' ', '\t', '0', '1.', '-', ':', ': ', '{{', '}}', '{{ ', '.Values', 'e', 'E', 'Mi', 'm', '/', '"', "'", '#', ' #', '--', '---', '\\', '=', 'x-', 'a1', 'aA', ...chars];
  const out: string[] = [];
  for (const piece of pieces) for (const tail of ['', '!', '\n', '\u0000']) out.push(piece.repeat(Math.ceil(n / piece.length)) + tail);
  out.push(`${'a '.repeat(n / 2)}!`, `${'-Xmx'.repeat(n / 4)}!`, `${'{{-'.repeat(n / 3)}`, `${'  - '.repeat(n / 4)}x:`, `${'1'.repeat(n)}e${'1'.repeat(n)}x`);
  return out;
}

/** Matches (test and replace-all) every regular expression against its attack strings; returns how many runs. */
export const matchAdversarial: WorkerTask<{ where: string; source: string; flags: string }[], number> = (regexes, step) => {
  let runs = 0;
  for (const { where, source, flags } of regexes) {
    step(where);
    const regex = new RegExp(source, flags);
    for (const input of attacks(regex)) {
      regex.test(input);
      input.replace(new RegExp(source, `${flags}g`), '');
      runs++;
    }
  }
  return runs;
};

export const recogniseTemplates: WorkerTask<string[], boolean[]> = (texts, step) =>
  texts.map((text, i) => {
    step(`text #${i + 1}: ${JSON.stringify(text.slice(0, 20))}…`);
    return isTemplateText(text);
  });

/** The internal errors of linting each text with every rule. */
export const lintAll: WorkerTask<string[], string[][]> = (texts, step) =>
  texts.map((text, i) => {
    step(`text #${i + 1}: ${JSON.stringify(text.slice(0, 60))}…`);
    return lintText(text, { uri: 'file:///w/hostile.yaml', config: DEFAULT_CONFIG, rules: RULES, schemas: testSchemas }).internalErrors;
  });

/** `[compileGlob(glob).test(path), configGlobMatcher([glob])(`dir/${path}`)]`. */
export const matchGlob: WorkerTask<{ glob: string; path: string }, [boolean, boolean]> = ({ glob, path }, step) => {
  step(`${glob} on ${path.length} characters`);
  return [compileGlob(glob).test(path), configGlobMatcher([glob])(`dir/${path}`)];
};

/** For each pattern: undefined when the linear engine declines it, else its answer on each input. */
export const linearRegExpAnswers: WorkerTask<{ patterns: string[]; inputs: string[] }, (boolean[] | null)[]> = ({ patterns, inputs }, step) =>
  patterns.map((pattern) => {
    step(pattern);
    const linear = compileLinearRegExp(pattern);
    return linear ? inputs.map((input) => linear.test(input)) : null;
  });
