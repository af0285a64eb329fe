/**
 * `tsx scripts/measure-re2js.ts [<shared folder>]`: the schema `pattern` matcher
 * (server/src/schema/linear-regexp.ts, re2js with Go's semantics) against JavaScript's RegExp, on
 * the patterns of the Kubernetes OpenAPI document and of the CRDs in the shared corpus, and on
 * hostile patterns. Prints, for each engine, how many patterns it compiles, compile and match time,
 * where the two disagree (with examples), the time on hostile inputs (the matcher only: RegExp
 * would not finish), and what re2js and linear-regexp.ts add to dist/server.js and dist/cli.js.
 *
 * linear-regexp.ts was a hand-written Thompson NFA until re2js replaced it; this script at commit
 * cc64eb7 compares the two (its figures are in linear-regexp.ts's comment).
 *
 * The shared folder is the argument, else KG_SHARED, else ../shared beside the repository; it must
 * hold kubernetes/openapi-v2-1.36.json and corpus/. Nothing is written.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { compileLinearRegExp } from '../server/src/schema/linear-regexp';
import { parseFile } from '../server/src/yaml/parse';

const ROOT = path.resolve(__dirname, '..');

interface Engine {
  readonly name: string;
  /** False for a backtracking engine, which the hostile patterns would hang. */
  readonly linear: boolean;
  /** A tester, or undefined when the engine declines the pattern. */
  compile(pattern: string): ((input: string) => boolean) | undefined;
}

const ENGINES: readonly Engine[] = [
  { name: 'linear-regexp.ts (re2js)', linear: true, compile: (pattern) => compileLinearRegExp(pattern)?.test },
  {
    name: 'RegExp (u flag)',
    linear: false,
    compile: (pattern) => {
      try {
        const compiled = new RegExp(pattern, 'u');
        return (input) => compiled.test(input);
      } catch {
        return undefined;
      }
    },
  },
];

const HOSTILE = ['^(a+)+$', '^(a|a)*$', '^(a|aa)+$', '^(\\w*)*$', '^(.*a){12}$', '^a*a*a*a*a*a*b$'];

function main(): number {
  const shared = path.resolve(process.argv[2] ?? process.env.KG_SHARED ?? path.join(ROOT, '..', 'shared'));
  const openapi = path.join(shared, 'kubernetes', 'openapi-v2-1.36.json');
  const corpus = path.join(shared, 'corpus');
  if (!existsSync(openapi) || !existsSync(corpus)) {
    process.stderr.write(`measure-re2js: no shared data at ${shared} (need kubernetes/openapi-v2-1.36.json and corpus/); pass the folder as the argument or set KG_SHARED.\n`);
    return 2;
  }
  const fromOpenApi = new Set<string>();
  collectPatterns(JSON.parse(readFileSync(openapi, 'utf8')), fromOpenApi);
  const fromCrds = crdPatterns(corpus);
  const patterns = [...new Set([...fromOpenApi, ...fromCrds])].sort();
  print(`patterns: ${fromOpenApi.size} in the OpenAPI document, ${fromCrds.size} in corpus CRDs, ${patterns.length} distinct`);
  compareOn(patterns);
  hostile();
  return 0;
}

function compareOn(patterns: readonly string[]): void {
  const inputs = new Map(patterns.map((pattern, i) => [pattern, inputsFor(pattern, i + 1)]));
  const inputCount = [...inputs.values()].reduce((n, list) => n + list.length, 0);
  const compiled = new Map<string, Map<string, (input: string) => boolean>>();
  for (const engine of ENGINES) {
    const testers = new Map<string, (input: string) => boolean>();
    const declined: string[] = [];
    let start = performance.now();
    for (const pattern of patterns) {
      const tester = engine.compile(pattern);
      if (tester) testers.set(pattern, tester);
      else declined.push(pattern);
    }
    const compileMs = performance.now() - start;
    // Compiling again shows the cost without module loading and JIT warm-up (linear-regexp.ts
    // caches by pattern, so its second pass is what a CRD edit costs).
    start = performance.now();
    for (const pattern of patterns) engine.compile(pattern);
    const recompileMs = performance.now() - start;
    // Warm-up pass, then the timed one: the JIT should not decide the comparison.
    for (let pass = 0; pass < 2; pass++) {
      start = performance.now();
      for (const [pattern, tester] of testers) for (const input of inputs.get(pattern)!) tester(input);
    }
    const matchMs = performance.now() - start;
    compiled.set(engine.name, testers);
    print(`${engine.name}: compiles ${testers.size}/${patterns.length} (${compileMs.toFixed(1)} ms, again ${recompileMs.toFixed(1)} ms), ${inputCount} inputs matched in ${matchMs.toFixed(1)} ms`);
    for (const pattern of declined.slice(0, 5)) print(`  declines ${JSON.stringify(pattern)}`);
    if (declined.length > 5) print(`  … and ${declined.length - 5} more`);
  }
  const [a, b] = ENGINES.map((engine) => compiled.get(engine.name)!);
  let differing = 0;
  const examples: string[] = [];
  for (const pattern of patterns) {
    const first = a!.get(pattern);
    const second = b!.get(pattern);
    if (!first || !second) continue;
    for (const input of inputs.get(pattern)!) {
      if (first(input) === second(input)) continue;
      differing++;
      if (examples.length < 8) examples.push(`  ${JSON.stringify(pattern)} on ${JSON.stringify(input)}: ${ENGINES[0]!.name} ${first(input)}, ${ENGINES[1]!.name} ${second(input)}`);
    }
  }
  print(`verdicts that differ (patterns both compile): ${differing}`);
  for (const line of examples) print(line);
}

/** Time on hostile patterns at two lengths: linear time grows ~10× from the first to the second. */
function hostile(): void {
  for (const length of [20_000, 200_000]) {
    const long = `${'a'.repeat(length)}!`;
    for (const engine of ENGINES.filter((e) => e.linear)) {
      const times = HOSTILE.map((pattern) => {
        const tester = engine.compile(pattern);
        const start = performance.now();
        const verdict = tester?.(long);
        return `${JSON.stringify(pattern)} ${tester ? `${(performance.now() - start).toFixed(1)} ms (${verdict})` : 'declined'}`;
      });
      print(`hostile, ${length + 1} characters, ${engine.name}: ${times.join('; ')}`);
    }
  }
}

/** Bytes each module contributes to the bundles, as `npm run build:server` (and build:prod) bundle them. */
async function bundleSizes(): Promise<void> {
  for (const minify of [false, true]) {
    const result = await build({
      entryPoints: { server: path.join(ROOT, 'server/src/main.ts'), cli: path.join(ROOT, 'server/src/cli.ts') },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outdir: path.join(ROOT, 'dist'),
      write: false,
      metafile: true,
      minify,
      logLevel: 'silent',
    });
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      const bytesOf = (test: (input: string) => boolean) => Object.entries(output.inputs).filter(([input]) => test(input)).reduce((n, [, info]) => n + info.bytesInOutput, 0);
      const re2js = bytesOf((input) => input.includes('node_modules/re2js/'));
      const linear = bytesOf((input) => input.endsWith('schema/linear-regexp.ts'));
      print(`${path.relative(ROOT, file)}${minify ? ' (minified)' : ''}: ${output.bytes} bytes; re2js ${re2js}, linear-regexp.ts ${linear}`);
    }
  }
  // What re2js adds when it is bundled at all, whichever module imports it.
  const alone = await build({ stdin: { contents: "export { RE2JS } from 're2js';", resolveDir: ROOT }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, minify: true, logLevel: 'silent' });
  print(`re2js bundled alone, minified: ${alone.outputFiles[0]!.contents.length} bytes`);
}

/** Every string `pattern` in a JSON value. */
function collectPatterns(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) collectPatterns(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'pattern' && typeof item === 'string') into.add(item);
      else collectPatterns(item, into);
    }
  }
}

/** The patterns of every CustomResourceDefinition in the YAML files under `dir`. */
function crdPatterns(dir: string): Set<string> {
  const found = new Set<string>();
  const walk = (entry: string) => {
    if (statSync(entry).isDirectory()) {
      for (const name of readdirSync(entry).sort()) walk(path.join(entry, name));
      return;
    }
    if (!/\.ya?ml$/i.test(entry)) return;
    const text = readFileSync(entry, 'utf8');
    if (!text.includes('CustomResourceDefinition')) return;
    for (const placed of parseFile(text)) {
      const root = placed.parsed.doc.contents;
      if (!root || placed.parsed.doc.errors.length > 0) continue;
      let value: unknown;
      try {
        value = placed.parsed.doc.toJS({ maxAliasCount: 1000 });
      } catch {
        continue;
      }
      if ((value as { kind?: unknown } | null)?.kind === 'CustomResourceDefinition') collectPatterns((value as { spec?: unknown }).spec, found);
    }
  };
  walk(dir);
  return found;
}

/** Deterministic inputs for a pattern: seeds, and edits of them drawn from the pattern's own characters. */
function inputsFor(pattern: string, seed: number): string[] {
  let state = seed >>> 0;
  const random = (n: number) => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) >>> 8) % n;
  const alphabet = Array.from(`${pattern.replace(/[\\^$()[\]{}|*+?]/g, '')}aZ09-./ :_\t\r\n\u00e9`);
  // Short: RegExp backtracks exponentially on some corpus patterns (Gateway API's header value
  // pattern ^[!-~]+([\t ]?[!-~]+)*$ takes seconds on 26 characters and one mismatch).
  const seeds = ['', 'a', 'abc', 'a.b', '1s', '10Gi', 'http://x', 'a-b.c-d', 'example.com/name', 'x'.repeat(16)];
  const out: string[] = [];
  for (const value of seeds) {
    out.push(value);
    for (let k = 0; k < 20; k++) {
      const at = random(value.length + 1);
      const char = alphabet[random(alphabet.length)]!;
      const kind = random(3);
      out.push(kind === 0 ? value.slice(0, at) + char + value.slice(at) : kind === 1 ? value.slice(0, at) + value.slice(at + 1) : value.slice(0, at) + char + value.slice(at + 1));
    }
  }
  return out;
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

const code = main();
if (code === 0) {
  bundleSizes().then(
    () => (process.exitCode = 0),
    (error: unknown) => {
      process.stderr.write(`measure-re2js: bundle sizes failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
} else {
  process.exitCode = code;
}
