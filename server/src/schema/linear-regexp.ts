/**
 * The matcher for the `pattern` keywords of schemas: re2js, a port of Go's regexp package, so a
 * pattern means here what it means to the API server (which runs `regexp.MatchString`), in time
 * linear in the input. CRDs come from the workspace, and JavaScript's backtracking RegExp takes
 * exponential time on patterns such as `^(a+)+$`: one such pattern in one CRD, and a long enough
 * value in a custom resource, would freeze the language server.
 *
 * Go's syntax, not JavaScript's: `(?i)`, `\pL`, `\b`, `[[:alpha:]]` and `\Q…\E` work; `\s` is
 * `[\t\n\f\r ]` and `.` matches everything but `\n`. A pattern Go rejects (backreferences,
 * lookaround, `\uXXXX`, counts above 1000) is not supported and its check is skipped: the API
 * server refuses a CRD with such a pattern. As with `MatchString`, a match may start anywhere
 * unless the pattern anchors it.
 *
 * This replaced a hand-written Thompson NFA that read JavaScript's syntax. Measured with
 * `scripts/measure-re2js.ts` on the 62 distinct patterns of the shared corpus's CRDs (the
 * Kubernetes OpenAPI document has none): re2js compiles all 62 (the NFA 48: it declined the 14
 * with `(?i)`), and the two gave the same verdict on all 13,020 generated inputs; matching is ~4×
 * faster, ^(.*a){12}$ on 200,001 characters takes 4 ms instead of 1.1 s; compiling costs ~2 ms a
 * pattern instead of ~0.03 ms, hence the cache below. re2js adds ~150 kB to the minified bundles.
 */
import { RE2JS } from 're2js';

export interface LinearRegExp {
  test(input: string): boolean;
  toString(): string;
}

/** True for a pattern JavaScript reads with the `u` flag (as ajv compiles patterns). Compiling runs nothing. */
export function isJavaScriptPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * Compiled patterns by their text. A CRD's schema is planned again after every edit of the CRD,
 * and most of its patterns are the ones it had; bounded, since CRDs are workspace data.
 */
const CACHE_LIMIT = 2_000;
const cache = new Map<string, LinearRegExp | null>();

/** Compiles `pattern` with Go's syntax, or returns undefined when Go's regexp rejects it. */
export function compileLinearRegExp(pattern: string): LinearRegExp | undefined {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached ?? undefined;
  let compiled: LinearRegExp | null;
  try {
    const regexp = RE2JS.compile(pattern);
    // ajv keys compiled patterns by their toString(), as it would a RegExp's.
    compiled = { test: (input) => regexp.test(input), toString: () => `/${pattern}/u` };
  } catch {
    compiled = null; // a syntax error (RE2JSSyntaxException): Go would not compile it either
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(pattern, compiled);
  return compiled ?? undefined;
}

/**
 * The same matcher as an ajv regular-expression engine, so that ajv (the fallback and the
 * reference in tests) runs schema patterns in linear time too. An unsupported pattern accepts
 * every value: its check is skipped on both paths alike.
 */
export const linearRegExpEngine = Object.assign(
  (pattern: string): LinearRegExp => compileLinearRegExp(pattern) ?? { test: () => true, toString: () => `/${pattern}/u (not run)` },
  { code: 'linearRegExp' },
);
