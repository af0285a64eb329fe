import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { compileLinearRegExp } from '../../server/src/schema/linear-regexp';
import { CORPUS, CORPUS_MISSING } from '../support/corpus';
import { runInWorker } from '../support/in-worker';

/**
 * The matcher behind every schema `pattern` (re2js) against what Go's regexp answers, since the API
 * server runs `regexp.MatchString(pattern, value)`. Two sources of known verdicts: a table where Go
 * and JavaScript differ (each verdict as Go's regexp/syntax documents it), and JavaScript's RegExp
 * wherever the two agree: patterns in the syntax both read, on inputs without the characters they
 * class differently (`\v`, `\r`, NBSP and the other Unicode spaces and line separators).
 */

/** [pattern, input, Go's verdict]: where Go's reading differs from JavaScript's, or JavaScript has none. */
const GO_VERDICTS: [string, string, boolean][] = [
  ['^\\s$', '\v', false], // Go's \s is [\t\n\f\r ]
  ['^\\s$', '\u00a0', false],
  ['^\\s+$', '\t\n\f\r ', true],
  ['^\\S$', '\u2003', true],
  ['^.$', '\r', true], // Go's . excludes only \n
  ['^.$', '\u2028', true],
  ['^.$', '\n', false],
  ['(?s)^.$', '\n', true],
  ['^.$', '😀', true], // one code point
  ['^\\w$', 'é', false], // ASCII classes
  ['^\\d$', '٣', false],
  ['a$', 'a\n', false], // $ is the end of the text without (?m)
  ['(?m)a$', 'a\nb', true],
  ['(?i)^(Debug|Info)?$', 'DEBUG', true], // flags, as Calico's CRDs write them
  ['^((?i)sun|mon)day$', 'SUNday', true],
  ['^((?i)sun|mon)day$', 'SUNDAY', false],
  ['^\\pL+$', 'éa', true], // Unicode classes
  ['^\\p{Greek}+$', 'αβ', true],
  ['^\\PL$', '1', true],
  ['^[[:alpha:]]+$', 'ab', true], // POSIX classes
  ['^[[:digit:]]+$', 'ab', false],
  ['\\bfoo\\b', 'a foo b', true], // ASCII word boundaries
  ['\\bfoo\\b', 'afoob', false],
  ['^\\Qa.b\\E$', 'a.b', true], // quoted literal text
  ['^\\Qa.b\\E$', 'axb', false],
  ['^\\x{1F600}$', '😀', true],
  ['^\\x41$', 'A', true],
  ['^\\101$', 'A', true], // octal
  ['^a{2$', 'a{2', true], // an unfinished count is literal text
  ['^(?P<n>a)(?<m>b)$', 'ab', true], // named groups, both spellings
  ['^\\-$', '-', true], // escaped punctuation stands for itself
];

/** Patterns Go's regexp rejects, so the check is skipped (the API server refuses such a CRD). */
const GO_REJECTS = ['(a)\\1', 'a(?=b)', 'a(?!b)', '(?<=a)b', '\\u00e9', '\\Z', '[\\b]', 'a{1001}', 'a**', '\\e', '[', '(', 'a\\'];

/** Patterns as CRDs write them, each with values that match. */
const PATTERNS: [string, string[]][] = [
  ['^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', ['a', 'web-1', 'x9']],
  ['^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$', ['a.b', 'example.com', 'x-1.y-2.z']],
  ['^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', ['', 'ok']],
  ['^(http|https|socks5)://.+$', ['http://x', 'socks5://proxy:1080']],
  ['^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$', ['1s', '1.5h30m', '100ms']],
  ['^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$', ['0', '1y2w', '3h4m5s']],
  ["^[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$", ['Content-Type', 'x`y']],
  ['^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$', ['500m', '1Gi', '1e3', '.5']],
  ['^[!-~]+([\\t ]?[!-~]+)*$', ['a b', 'x\ty']],
  ['^([0-9]{1,5}(h|m|s|ms)){1,4}$', ['1h', '10m20s', '1h2m3s4ms']],
  ['^.{2,}|[^./]$', ['ab', 'c']],
  ['^\\S+$', ['abc']],
  ['^\\d{3}-\\d{4}$', ['555-1234']],
  ['[^\\s]', [' x ']],
  ['^\\w+@\\w+\\.com$', ['me@site.com']],
  ['colou?r', ['my color', 'colour!']],
  ['^a{2,3}b?$', ['aa', 'aaab']],
  ['^(?:ab|cd)+$', ['abcd', 'cdab']],
  ['^[é😀]+$', ['é', '😀é']],
  ['^.$', ['x', '😀']],
  ['^[a-]+$', ['a-a']],
  ['^[\\]\\\\]+$', [']\\']],
  ['a*?b', ['aab']],
  ['^$', ['']],
  ['x|', ['anything']],
];

function prng(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) >>> 8) % n;
}

function mutations(value: string, random: (n: number) => number, alphabet: string): string[] {
  const chars = Array.from(alphabet);
  const out: string[] = [value];
  for (let k = 0; k < 12; k++) {
    const at = random(value.length + 1);
    const char = chars[random(chars.length)]!;
    const kind = random(3);
    out.push(kind === 0 ? value.slice(0, at) + char + value.slice(at) : kind === 1 ? value.slice(0, at) + value.slice(at + 1) : value.slice(0, at) + char + value.slice(at + 1));
  }
  return out;
}

/** Characters that Go's `.` or `\s` class otherwise than JavaScript's (see GO_VERDICTS). */
const CLASSED_OTHERWISE = /[\v\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/u;

/** The matcher against JavaScript's RegExp, which answers as Go does on these inputs. */
function agree(pattern: string, inputs: readonly string[]): number {
  const linear = compileLinearRegExp(pattern);
  assert.ok(linear, `supported: ${pattern}`);
  const reference = new RegExp(pattern, 'u');
  let matches = 0;
  for (const input of inputs) {
    if (CLASSED_OTHERWISE.test(input)) continue;
    const expected = reference.test(input);
    if (expected) matches++;
    assert.equal(linear.test(input), expected, `/${pattern}/u on ${JSON.stringify(input)}`);
  }
  return matches;
}

/** Every `pattern:` in the YAML files under `dir` (a line-based read is enough for a test's inputs). */
function corpusPatterns(dir: string): string[] {
  const found = new Set<string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const file = path.join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.ya?ml$/.test(name)) {
        for (const match of readFileSync(file, 'utf8').matchAll(/^\s*pattern: (.+)$/gm)) {
          let text = match[1]!.trim();
          if (/^'.*'$/.test(text)) text = text.slice(1, -1).replace(/''/g, "'");
          else if (/^".*"$/.test(text)) {
            try {
              text = JSON.parse(text) as string;
            } catch {
              continue;
            }
          }
          try {
            new RegExp(text, 'u');
            found.add(text);
          } catch {
            // not a JavaScript pattern: the schema code drops it
          }
        }
      }
    }
  };
  walk(dir);
  return [...found];
}

describe('schema pattern matcher (re2js, Go semantics)', () => {
  it("gives Go's verdicts where Go's syntax or classes differ from JavaScript's", () => {
    for (const [pattern, input, expected] of GO_VERDICTS) {
      const compiled = compileLinearRegExp(pattern);
      assert.ok(compiled, `Go reads ${pattern}`);
      assert.equal(compiled.test(input), expected, `${pattern} on ${JSON.stringify(input)}`);
    }
  });

  it('agrees with RegExp (Go answers the same here) on schema-style patterns, their values and near misses', () => {
    const random = prng(5);
    let matched = 0;
    let total = 0;
    for (const [pattern, values] of PATTERNS) {
      const inputs = values.flatMap((value) => mutations(value, random, `${pattern}aZ09-./ :`));
      total += inputs.length;
      matched += agree(pattern, inputs);
    }
    assert.ok(matched > total / 4 && matched < total, `both outcomes are exercised (${matched} of ${total} match)`);
  });

  it('agrees with RegExp on every pattern of the shared corpus', { skip: CORPUS_MISSING ?? false }, () => {
    const patterns = corpusPatterns(CORPUS);
    assert.ok(patterns.length > 50, `patterns found: ${patterns.length}`);
    const random = prng(9);
    for (const pattern of patterns) {
      const alphabet = `${pattern.replace(/[\\^$()[\]{}|*+?]/g, '')}aZ09-./ :`;
      const seeds = ['', 'a', 'abc', 'a.b', '1s', 'http://x', 'a-b.c-d', '10Gi'];
      agree(pattern, seeds.flatMap((seed) => mutations(seed, random, alphabet)));
    }
  });

  // A hang detector in a worker: the runner's timeout cannot stop synchronous code on this thread.
  it('runs hostile patterns in linear time (backtracking takes longer than the age of the universe here)', { timeout: 60_000 }, async (t) => {
    const patterns = ['^(a+)+$', '^(a|a)*$', '^(a|aa)+$', '^(\\w*)*$', '^(.*a){12}$', '^a*a*a*a*a*a*b$'];
    const answers = await runInWorker(path.resolve(__dirname, '../support/hostile-work.ts'), 'linearRegExpAnswers', { patterns, inputs: [`${'a'.repeat(20_000)}!`, 'a'.repeat(30)] }, t.signal);
    assert.deepEqual(answers, patterns.map((pattern) => [false, !pattern.endsWith('b$')]));
  });

  it("declines what Go's regexp rejects: syntax without a linear-time reading, JavaScript-only escapes, bad syntax", () => {
    for (const pattern of GO_REJECTS) assert.equal(compileLinearRegExp(pattern), undefined, pattern);
  });
});
