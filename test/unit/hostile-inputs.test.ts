/**
 * Hostile inputs: alias bombs, alias cycles, absurd nesting, huge files, binary and UTF-16 files,
 * very long lines and adversarial strings for every regular expression in server/src. Each is
 * answered within a bound, with a clear finding or message, and never with a crash.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import ts from 'typescript';
import { parseDocument } from 'yaml';
import { hasUnusualShape } from '../../server/src/yaml/nodes';
import { locate } from '../../server/src/yaml/locate';
import { MAX_NESTING_DEPTH, parseChunk, parseStats } from '../../server/src/yaml/parse';
import { YamlFixer } from '../../server/src/yaml/fixer';
import { DEFAULT_CONFIG, REPO } from '../support/corpus';
import { lintText } from '../../server/src/core/engine';
import { RULES } from '../../server/src/rules/index';
import { testSchemas } from '../support/rule-tester';
import { startHarness } from '../support/lsp-harness';
import { runInWorker } from '../support/in-worker';
import { runCli } from '../support/cli';
import { readText } from '../../server/src/cli/read-text';
import { WorkspaceIndex } from '../../server/src/index/workspace-index';

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hostile\n';
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

function lint(text: string) {
  return lintText(text, { uri: 'file:///w/hostile.yaml', config: DEFAULT_CONFIG, rules: RULES, schemas: testSchemas });
}

/** Hang detectors run their synchronous work here, where the runner's timeout can stop it. */
const WORK = path.resolve(__dirname, '../support/hostile-work.ts');

function aliasBomb(levels: number, indent = ''): string {
  const lines = [`${indent}a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]`];
  for (let i = 1; i < levels; i++) lines.push(`${indent}a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

describe('alias bombs and cycles', () => {
  it('reports a billion-laughs document with a clear yaml-syntax finding, without expanding it', () => {
    lint(HEAD); // schemas loaded outside the measurement
    const heapBefore = process.memoryUsage().heapUsed;
    // The bound is on work, not time: expansion stops at the yaml package's maxAliasCount (parse.ts),
    // and the heap shows that nothing near 9^10 nodes was built.
    const result = lint(`${HEAD}data:\n${aliasBomb(10, '  ')}`);
    assert.deepEqual(result.internalErrors, []);
    assert.ok(process.memoryUsage().heapUsed - heapBefore < 200 * 1024 * 1024, 'memory grew by more than 200 MB');
    const syntax = result.findings.filter((f) => f.ruleId === 'yaml-syntax');
    assert.equal(syntax.length, 1);
    assert.match(syntax[0]!.message, /aliases expand to too many nodes/);
    assert.equal(result.objects.length, 0, 'an alias bomb is never analysed as an object');
  });

  it('places the bomb in labels, a pod spec or a root alias the same way', () => {
    for (const text of [
      `${HEAD}  labels: *a9\ndata:\n${aliasBomb(10, '  ')}`,
      `${aliasBomb(10)}${HEAD.replace('apiVersion', 'apiVersion')}spec: *a9\n`,
      `${DEPLOYMENT}x-bomb:\n${aliasBomb(10, '  ')}`,
    ]) {
      const result = lint(text);
      assert.deepEqual(result.internalErrors, []);
      assert.ok(result.findings.some((f) => f.ruleId === 'yaml-syntax' && /alias/.test(f.message)), text.slice(0, 80));
    }
  });

  it('reports an alias inside the node it refers to (a cycle) instead of looping', () => {
    const result = lint(`${DEPLOYMENT}      volumes: &v\n        - name: v\n          x: *v\n`);
    assert.deepEqual(result.internalErrors, []);
    assert.ok(result.findings.some((f) => f.ruleId === 'yaml-syntax' && /cycle/.test(f.message)));
  });

  it('prints no yaml warnings (collection keys) to stderr when rules convert a document', async () => {
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listen);
    try {
      const result = lint(`${DEPLOYMENT}      ? [a, b]\n      : collection key\n`);
      assert.deepEqual(result.internalErrors, []);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listen);
    }
    assert.deepEqual(warnings, []);
  });

  it('keeps ordinary anchors, aliases and merge keys working', () => {
    const text = `${DEPLOYMENT.replace('      containers:', '      x-defaults: &defaults\n        image: nginx:1.27\n      containers:')}        - name: sidecar\n          <<: *defaults\n`;
    const result = lint(text);
    assert.deepEqual(result.internalErrors, []);
    assert.equal(result.objects.length, 1);
    assert.ok(!result.findings.some((f) => f.ruleId === 'yaml-syntax'));
  });
});

describe('deep nesting', () => {
  const deep = (n: number) => [
    `${HEAD}data:\n  x: ${'['.repeat(n)}${']'.repeat(n)}\n`,
    `${HEAD}data:\n  x: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`,
    `${HEAD}data:\n  x: ${'[a,'.repeat(n)}\n`,
    `${HEAD}data:\n  x:\n${'- '.repeat(n)}x\n`,
  ];

  it('declines 10,000 levels with a clear finding, before parsing and without a stack overflow', () => {
    for (const text of deep(10_000)) {
      const result = lint(text);
      assert.deepEqual(result.internalErrors, []);
      const messages = result.findings.map((f) => f.message);
      assert.deepEqual(messages, [`The YAML is nested too deeply (over ${MAX_NESTING_DEPTH} levels) to be analysed.`]);
      // The bound is on work, not time: the finding sits on the bracket or dash one past the limit,
      // where the linear scan stopped, so the parser never ran on the rest.
      const openers = [...text.matchAll(/[[{]|^- |(?<=- )-/gm)].map((match) => match.index);
      assert.equal(result.findings[0]!.range.start, openers[MAX_NESTING_DEPTH], text.slice(0, 80));
    }
  });

  it('declines deep block nesting that the parser itself overflows on, once per document', () => {
    let text = `${HEAD}data:\n`;
    for (let i = 1; i < 2500; i++) text += `${' '.repeat(i + 1)}a${i}:\n`;
    const result = lint(text);
    assert.deepEqual(result.internalErrors, []);
    assert.equal(result.findings.filter((f) => /nested too deeply/.test(f.message)).length, 1);
  });

  it('analyses nesting just below the limit, and the recursive helpers cope with it', () => {
    const n = MAX_NESTING_DEPTH - 10;
    const text = `${HEAD}data:\n  x: ${'['.repeat(n)}1${']'.repeat(n)}\n`;
    const result = lint(text);
    assert.deepEqual(result.internalErrors, []);
    assert.equal(result.objects.length, 1);
    const parsed = parseChunk(text);
    assert.deepEqual(parsed.errors, []);
    assert.equal(hasUnusualShape(parsed.doc.contents), true);
    assert.ok(locate(parsed.doc, text.indexOf('1]'))!.path.length > n);
    let block = 'root:\n';
    for (let i = 1; i < 300; i++) block += `${' '.repeat(i * 2)}k${i}:\n`;
    const blockDoc = parseDocument(block);
    assert.equal(new YamlFixer(block, blockDoc.contents).indentUnit(), 2);
  });

  it('serves hover and code actions on deeply nested documents through the server', async () => {
    const harness = await startHarness();
    try {
      for (const [i, text] of deep(10_000).entries()) {
        const uri = `file:///w/deep-${i}.yaml`;
        const diagnostics = await harness.open(uri, text);
        assert.equal(diagnostics.length, 1);
        const hover = harness.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 200 } });
        const actions = harness.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } });
        await Promise.all([hover, actions]);
      }
    } finally {
      await harness.close();
    }
  });
});

describe('huge files and long lines', () => {
  it('declines a 20 MB file with a visible message and keeps serving other documents', async () => {
    const harness = await startHarness();
    try {
      const huge = `${DEPLOYMENT}---\n`.repeat(Math.ceil((20 * 1024 * 1024) / (DEPLOYMENT.length + 4)));
      const diagnostics = await harness.open('file:///w/huge.yaml', huge);
      assert.equal(diagnostics.length, 1);
      assert.match(String(diagnostics[0]!.message), /^Not analysed: the file is 20\.\d MB, above the 5\.0 MB set in kubeGuardrails\.maxFileSize\.$/);
      // Requests on the huge file are answered without linting it: counted in parses, not milliseconds.
      const parsedBefore = parseStats.documentsParsed;
      const hover = await harness.client.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///w/huge.yaml' }, position: { line: 3, character: 8 } });
      const actions = await harness.client.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///w/huge.yaml' }, range: diagnostics[0]!.range, context: { diagnostics } });
      assert.equal(hover, null);
      assert.deepEqual(actions, []);
      assert.equal(parseStats.documentsParsed, parsedBefore, 'requests on a declined file must not parse it');
      // Other documents are still served while it is open.
      const small = await harness.open('file:///w/small.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:latest\n');
      assert.ok(small.some((d) => d.code === 'image-tag-latest'));
    } finally {
      await harness.close();
    }
  });

  it('takes its limit from kubeGuardrails.maxFileSize', async () => {
    const harness = await startHarness({ maxFileSize: 1000 });
    try {
      const diagnostics = await harness.open('file:///w/limited.yaml', `${DEPLOYMENT}# ${'x'.repeat(2000)}\n`);
      assert.equal(diagnostics.length, 1);
      assert.match(String(diagnostics[0]!.message), /^Not analysed: /);
    } finally {
      await harness.close();
    }
  });

  // A hang detector, not a speed assertion (CI must not fail on a loaded machine): the lint runs in
  // a worker, so the runner's timeout can stop a lint that never ends (on the test's own thread it
  // could not: a synchronous test outlives its timeout); the fuzzer reports the slowest responses.
  it('lints very long lines without internal errors or a hang', { timeout: 120_000 }, async (t) => {
    const texts = ['a'.repeat(2_000_000), `"${'\\"'.repeat(500_000)}"`, `[${'a, '.repeat(100_000)}a]`, `${'- '.repeat(20)}${'x'.repeat(1_000_000)}`].map((line) => `${HEAD}data:\n  long: ${line}\n`);
    assert.deepEqual(await runInWorker(WORK, 'lintAll', texts, t.signal), texts.map(() => []));
  });
});

describe('binary and encodings through the CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-hostile-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, bytes: Buffer | string) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:latest\n';

  it('declines a binary file named .yaml with a clear message', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    const run = await runCli(['--format', 'json', write('binary.yaml', bytes)], { readFile: readText });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /binary\.yaml: not a text file \(it contains NUL bytes\)/);
  });

  it('declines UTF-16 files (either byte order) and says to save them as UTF-8', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(broken, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const [name, bytes] of [['utf16le.yaml', le], ['utf16be.yaml', be]] as const) {
      const run = await runCli([write(name, bytes)], { readFile: readText });
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, new RegExp(`${name}: the file is UTF-16 encoded; .*save it as UTF-8`));
    }
  });

  it('lints UTF-8 with a byte order mark exactly like UTF-8 without one', async () => {
    const plain = await runCli(['--format', 'json', write('plain.yaml', broken)], { readFile: readText });
    const bom = await runCli(['--format', 'json', write('bom.yaml', `\ufeff${broken}`)], { readFile: readText });
    const strip = (stdout: string) => (JSON.parse(stdout) as { ruleId: string; line: number; message: string }[]).map(({ ruleId, line, message }) => ({ ruleId, line, message }));
    assert.ok(strip(plain.stdout).length > 0);
    assert.deepEqual(strip(bom.stdout), strip(plain.stdout));
  });
});

describe('regular expressions under adversarial input', () => {
  /** Every regular-expression literal and `new RegExp('…')` with a literal pattern in server/src. */
  function serverRegExps(): { where: string; regex: RegExp }[] {
    const found: { where: string; regex: RegExp }[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith('.ts')) collect(full);
      }
    };
    const collect = (file: string) => {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      const visit = (node: ts.Node) => {
        let regex: RegExp | undefined;
        if (ts.isRegularExpressionLiteral(node)) {
          const text = node.text;
          const slash = text.lastIndexOf('/');
          regex = new RegExp(text.slice(1, slash), text.slice(slash + 1).replace(/[gy]/g, ''));
        } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp' && node.arguments?.[0] && ts.isStringLiteralLike(node.arguments[0])) {
          regex = new RegExp(node.arguments[0].text);
        }
        if (regex) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          found.push({ where: `${path.relative(REPO, file)}:${line + 1} ${regex}`, regex });
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    };
    walk(path.join(REPO, 'server/src'));
    return found;
  }

  // Hang detectors, not speed assertions: the work runs in a worker (support/hostile-work.ts), so
  // the runner's timeout stops super-linear work (quadratic on these lengths takes minutes) and
  // names the input or expression it was on. A loaded machine only makes them slower, never red.
  it('recognises templates without a hang, even in a file full of unclosed actions', { timeout: 60_000 }, async (t) => {
    const texts = ['{{'.repeat(500_000), `{{ ${'a '.repeat(500_000)}`, `x: {{ ${'('.repeat(500_000)}`];
    const answers = await runInWorker<boolean[]>(WORK, 'recogniseTemplates', texts, t.signal);
    assert.equal(answers.length, texts.length);
  });

  it('finds the regular expressions', () => {
    assert.ok(serverRegExps().length > 30);
  });

  it('matches every one against long adversarial strings without a hang (no catastrophic backtracking)', { timeout: 120_000 }, async (t) => {
    const regexes = serverRegExps().map(({ where, regex }) => ({ where, source: regex.source, flags: regex.flags }));
    const runs = await runInWorker<number>(WORK, 'matchAdversarial', regexes, t.signal);
    assert.ok(runs > regexes.length * 100, `${runs} runs`);
  });
});

describe('patterns from a workspace CRD', () => {
  const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: { kind: Widget, plural: widgets }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                code: { type: string, pattern: '^(a+)+$' }
`;
  const widget = (code: string) => `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  code: "${code}"\n`;

  it('a catastrophic pattern is matched in linear time, and its finding still comes', { timeout: 20_000 }, () => {
    // With JavaScript's RegExp, ^(a+)+$ on 40 a's and a "!" takes longer than any test run.
    const text = `${crd}---\n${widget(`${'a'.repeat(40)}!`)}`;
    const bad = lintText(text, { config: DEFAULT_CONFIG, rules: RULES, schemas: testSchemas, index: indexOf(text) });
    assert.equal(bad.findings.filter((f) => f.ruleId === 'schema-validation').length, 1, 'the value does not match the pattern');
    const good = `${crd}---\n${widget('a'.repeat(40))}`;
    assert.deepEqual(lintText(good, { config: DEFAULT_CONFIG, rules: RULES, schemas: testSchemas, index: indexOf(good) }).findings.filter((f) => f.ruleId === 'schema-validation'), []);
  });
});

function indexOf(text: string): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.update('file:///w/widgets.yaml', text);
  return index;
}

describe('duplicate keys in linear time', () => {
  /** The 1 MB ConfigMap of the issue: 44,440 keys in one mapping, with `repeatAt` written again at the end. */
  const bigConfigMap = (repeatAt: number) =>
    `${HEAD}data:\n${Array.from({ length: 44_440 }, (_, i) => `  key-${i}: value-${i}\n`).join('')}  key-${repeatAt}: again\n`;

  it('leaves the quadratic check of the yaml package off and reports the repeat of a 44,440-key ConfigMap', () => {
    const text = bigConfigMap(7);
    const parsed = parseChunk(text);
    // The package compares every key with all earlier ones when uniqueKeys is on.
    assert.equal(parsed.doc.options.uniqueKeys, false);
    assert.deepEqual(parsed.errors, [{ start: text.lastIndexOf('key-7:'), end: text.lastIndexOf('key-7:') + 1, message: 'Map keys must be unique' }]);
  });

  it('reports each repeated key, in block and flow mappings at any depth and inside sequences, on the repeat', () => {
    const text = `${HEAD}data: {p: 1, b: 2, p: 3, p: 4}\nlist:\n  - {x: 1, x: 2}\n  - y: 1\n    z: {q: 1}\n    y: 2\nmetadata: {}\n`;
    const at = (needle: string, nth: number) => {
      let i = -1;
      for (let n = 0; n < nth; n++) i = text.indexOf(needle, i + 1);
      return i;
    };
    assert.deepEqual(parseChunk(text).errors.map((e) => e.start), [at('p:', 2), at('p:', 3), at('x:', 2), at('y:', 2), at('metadata:', 2)]);
    assert.ok(parseChunk(text).errors.every((e) => e.message === 'Map keys must be unique'));
  });

  it('keeps keys of different types apart, and never compares collection keys', () => {
    assert.deepEqual(parseChunk("a: {1: x, '1': y, true: z, 'true': w}\n").errors, []);
    assert.deepEqual(parseChunk('? [a]\n: 1\n? [a]\n: 2\n').errors, []);
  });
});
