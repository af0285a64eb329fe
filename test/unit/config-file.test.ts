import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { configGlobMatcher, globProblem, compileGlob } from '../../server/src/config-file/glob';
import { isIgnoredBy, layerSettings, settingsFromConfig } from '../../server/src/config-file/merge';
import type { LoadedConfig } from '../../server/src/config-file/types';
import { parseConfigText } from '../../server/src/config-file/validate';
import { resolveConfig } from '../../server/src/core/config';
import { RULE_IDS } from '../../server/src/rules/index';
import { runInWorker } from '../support/in-worker';

const HOSTILE_WORK = path.resolve(__dirname, '../support/hostile-work.ts');

const parse = (text: string) => parseConfigText(text, RULE_IDS);
const at = (text: string) => parse(text).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe('config file: parsing and validation', () => {
  it('accepts every key, in YAML and JSON', () => {
    const yaml = parse('kubernetesVersion: "v1.30"\nrules:\n  yaml-syntax: warning\n  container-cpu-limit-missing: [error, {}]\ndefaults:\n  memoryLimit: 256Mi\nignore: ["vendor/"]\noverrides:\n  - files: ["dev/**"]\n    rules: { hpa-min-replicas-one: "off" }\n');
    assert.deepEqual(yaml.problems, []);
    assert.deepEqual(yaml.data, {
      kubernetesVersion: '1.30',
      rules: { 'yaml-syntax': 'warning', 'container-cpu-limit-missing': ['error', {}] },
      defaults: { memoryLimit: '256Mi' },
      ignore: ['vendor/'],
      overrides: [{ files: ['dev/**'], rules: { 'hpa-min-replicas-one': 'off' } }],
    });
    assert.deepEqual(parse('{ "rules": { "yaml-syntax": "off" } }').problems, []);
    assert.deepEqual(parse('# only a comment\n').data, { rules: {}, defaults: {}, ignore: [], overrides: [] });
  });

  it('reports each problem at its line and column, with a suggestion where one fits', () => {
    assert.deepEqual(at('rulez: {}\n'), ['1:1 Unknown key "rulez". Did you mean "rules"?']);
    assert.deepEqual(at('rules:\n  container-cpu-limit-mising: "off"\n'), ['2:3 Unknown rule "container-cpu-limit-mising". Did you mean "container-cpu-limit-missing"?']);
    assert.deepEqual(at('rules:\n  yaml-syntax: loud\n'), ['2:16 "yaml-syntax" must be a severity (error, warning, info, hint, off) or [severity, options]; got "loud".']);
    assert.deepEqual(at('rules:\n  yaml-syntax: [error, 3]\n'), ['2:16 Rule options for "yaml-syntax" must be a mapping; got 3.']);
    assert.match(at('kubernetesVersion: 1.30\n')[0]!, /^1:20 kubernetesVersion must be a string; got 1.3. Quote it/);
    assert.deepEqual(at('kubernetesVersion: "2.0"\n'), ['1:20 kubernetesVersion must look like "1.36"; got "2.0".']);
    assert.deepEqual(at('defaults:\n  cpuRequest: 100mb\n'), ['2:15 defaults.cpuRequest must be a quantity such as "250m" or "256Mi"; got "100mb".']);
    assert.deepEqual(at('overrides:\n  - rules: {}\n'), ['2:5 overrides[0] needs "files".']);
    assert.deepEqual(at('ignore: ["../outside/**"]\n'), ['1:10 "../outside/**" uses ".."; globs only match files below the config file\'s folder.']);
    assert.deepEqual(at('- a\n'), ['1:1 The config must be a mapping; got ["a"].']);
    assert.match(at('rules: [\n')[0]!, /^2:1 /);
    assert.match(at('rules: {}\nrules: {}\n')[0]!, /^2:1 Map keys must be unique/);
  });

  it('rule options: no rule takes any, so each option is an error on its key; an empty mapping is fine', () => {
    assert.deepEqual(at('rules:\n  probes-identical: [warning, {foo: 1}]\n'), ['2:32 rules.probes-identical[1].foo: unknown option "foo" (this rule takes no options).']);
    assert.deepEqual(at('overrides:\n  - files: [a/**]\n    rules:\n      probes-identical:\n        - warning\n        - foo: 1\n          bar: 2\n'), [
      '6:11 overrides[0].rules.probes-identical[1].foo: unknown option "foo" (this rule takes no options).',
      '7:11 overrides[0].rules.probes-identical[1].bar: unknown option "bar" (this rule takes no options).',
    ]);
    assert.deepEqual(at('{ "rules": { "probes-identical": ["warning", { "foo": 1 }] } }'), ['1:48 rules.probes-identical[1].foo: unknown option "foo" (this rule takes no options).']);
    assert.deepEqual(at('rules:\n  probes-identical: [warning, {}]\n  yaml-syntax: [error]\n'), []);
  });

  it('never runs code or follows references: custom tags are plain errors, aliases are bounded', () => {
    // An unknown tag leaves a plain string, which is then not a mapping.
    assert.deepEqual(at('rules: !!js/function "function () {}"\n'), ['1:22 rules must be a mapping; got "function () {}".']);
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`).join('\n')}\n`;
    assert.ok(parse(bomb).problems.length > 0);
  });

  it('absurd nesting is one clear error at its place (the manifests\' guard), not a stack overflow', () => {
    const tooDeep = /^The YAML is nested too deeply \(over 500 levels\)/;
    for (const text of [`rules: ${'['.repeat(100_000)}`, `rules: ${'{a: '.repeat(100_000)}`, `rules: ${'['.repeat(100_000)}${']'.repeat(100_000)}`]) {
      const { data, problems } = parse(text);
      assert.equal(data, undefined);
      assert.equal(problems.length, 1, JSON.stringify(problems.slice(0, 3)));
      assert.match(problems[0]!.message, tooDeep);
      assert.equal(problems[0]!.line, 1);
    }
    // Block nesting: 600 levels parse, and the depth check after the parse reports them.
    const block = Array.from({ length: 600 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    const deep = parse(`rules:\n${block.replace(/^/gm, ' ')} x\n`).problems;
    assert.equal(deep.length, 1, JSON.stringify(deep.slice(0, 3)));
    assert.match(deep[0]!.message, tooDeep);
  });
});

describe('config file: globs, overrides and precedence', () => {
  it('globs: * and ? stay within a folder, ** spans folders', () => {
    assert.ok(compileGlob('a/*.yaml').test('a/b.yaml'));
    assert.ok(!compileGlob('a/*.yaml').test('a/b/c.yaml'));
    assert.ok(compileGlob('**/c.y?ml').test('a/b/c.yaml'));
    assert.ok(!compileGlob('**/c.y?ml').test('a/b/c.yml'));
    assert.ok(compileGlob('**/c.yaml').test('c.yaml'));
    const match = configGlobMatcher(['vendor/', '*.generated.yaml', '/top.yaml']);
    assert.ok(match('vendor/x/y.yaml'));
    assert.ok(match('deep/a.generated.yaml'));
    assert.ok(match('top.yaml'));
    assert.ok(!match('sub/top.yaml'));
    assert.ok(!match('app.yaml'));
    assert.equal(globProblem('C:\\x'), '"C:\\x" is an absolute path; globs are relative to the config file\'s folder.');
  });

  it('globs agree with their regular-expression reading on seeded random globs and paths', () => {
    // The reference: the plain regular expression a glob means (fine for short inputs).
    const reference = (glob: string) =>
      new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/|\*\*|\*|\?/g, (t) => ({ '**/': '(?:[^/]*/)*', '**': '.*', '*': '[^/]*', '?': '[^/]' })[t]!)}$`);
    let state = 11;
    const random = (n: number) => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) >>> 16) % n;
    const pick = (parts: readonly string[], length: number) => Array.from({ length }, () => parts[random(parts.length)]).join('');
    let matched = 0;
    for (let i = 0; i < 3000; i++) {
      const glob = pick(['a', 'b', '/', '*', '**', '**/', '?', '.'], 1 + random(6));
      // Half the paths are the glob filled in, so that plenty of cases match; then one character may change.
      const filled = glob.replace(/\*\*\/|\*\*|\*|\?/g, (t) => (t === '?' ? pick(['a', 'b'], 1) : t === '*' ? pick(['a', 'b', '.'], random(3)) : pick(['a', '/', 'b'], random(4)) + (t === '**/' ? '/' : '')));
      const path = random(2) === 0 ? pick(['a', 'b', '/', '.'], random(8)) : random(3) === 0 ? filled.slice(0, -1) + pick(['a', '/'], 1) : filled;
      const expected = reference(glob).test(path);
      if (expected) matched++;
      assert.equal(compileGlob(glob).test(path), expected, `glob ${JSON.stringify(glob)} on ${JSON.stringify(path)}`);
    }
    assert.ok(matched > 300, `enough cases match (${matched})`);
  });

  // A hang detector in a worker: the runner's timeout cannot stop synchronous code on this thread.
  it('a hostile glob is matched in linear time (a backtracking matcher takes minutes here)', { timeout: 30_000 }, async (t) => {
    const answers = await runInWorker(HOSTILE_WORK, 'matchGlob', { glob: `${'**a'.repeat(30)}c`, path: 'a'.repeat(80) }, t.signal);
    assert.deepEqual(answers, [false, false]);
  });

  const config = (text: string): LoadedConfig => ({ file: '/repo/.kube-guardrails.yaml', dir: '/repo', ...parse(text) });

  it('overrides apply in order by path; ignore matches relative to the config folder', () => {
    const loaded = config('rules:\n  yaml-syntax: warning\n  container-cpu-limit-missing: error\noverrides:\n  - files: ["dev/**"]\n    rules: { container-cpu-limit-missing: info }\n  - files: ["dev/legacy/**"]\n    rules: { container-cpu-limit-missing: "off" }\nignore: [vendor/]\n');
    assert.deepEqual(settingsFromConfig(loaded, '/repo/app.yaml').rules, { 'yaml-syntax': 'warning', 'container-cpu-limit-missing': 'error' });
    assert.deepEqual(settingsFromConfig(loaded, '/repo/dev/app.yaml').rules, { 'yaml-syntax': 'warning', 'container-cpu-limit-missing': 'info' });
    assert.deepEqual(settingsFromConfig(loaded, '/repo/dev/legacy/app.yaml').rules, { 'yaml-syntax': 'warning', 'container-cpu-limit-missing': 'off' });
    assert.equal(isIgnoredBy(loaded, '/repo/vendor/app.yaml'), true);
    assert.equal(isIgnoredBy(loaded, '/elsewhere/vendor/app.yaml'), false);
  });

  it('ignore: a later "!glob" re-includes what an earlier glob ignored, at any depth; the last match decides', () => {
    const loaded = config('ignore:\n  - vendor/\n  - "!vendor/ours/"\n  - vendor/ours/generated/\n  - "*.generated.yaml"\n  - "!keep.generated.yaml"\n');
    assert.deepEqual(loaded.problems, []);
    const ignored = (file: string) => isIgnoredBy(loaded, `/repo/${file}`);
    assert.equal(ignored('vendor/theirs/app.yaml'), true);
    assert.equal(ignored('vendor/ours/app.yaml'), false, 're-included folder');
    assert.equal(ignored('vendor/ours/deep/er/app.yaml'), false, 'nested below the re-included folder');
    assert.equal(ignored('vendor/ours/generated/app.yaml'), true, 'ignored again by a later glob');
    assert.equal(ignored('apps/a.generated.yaml'), true);
    assert.equal(ignored('apps/keep.generated.yaml'), false, 'a "!" glob without "/" matches at any depth too');
    assert.equal(ignored('apps/app.yaml'), false);
    // Order matters: a "!" before the glob it would undo re-includes nothing.
    const early = config('ignore: ["!vendor/ours/", "vendor/"]\n');
    assert.equal(isIgnoredBy(early, '/repo/vendor/ours/app.yaml'), true);
    // A file can be re-included from an ignored folder (git cannot do this).
    assert.equal(isIgnoredBy(config('ignore: ["vendor/", "!vendor/x/keep.yaml"]\n'), '/repo/vendor/x/keep.yaml'), false);
    assert.equal(isIgnoredBy(config('ignore: ["vendor/", "!vendor/x/keep.yaml"]\n'), '/repo/vendor/x/other.yaml'), true);
  });

  it('"!" is checked like any glob, and is refused where it has no meaning (override files)', () => {
    assert.deepEqual(at('ignore: ["!../x"]\n'), ['1:10 "../x" uses ".."; globs only match files below the config file\'s folder.']);
    assert.deepEqual(at('ignore: ["!"]\n'), ['1:10 "!" re-includes nothing; write a glob after it, such as "!vendor/ours.yaml".']);
    assert.deepEqual(at('overrides:\n  - files: ["!dev/**"]\n    rules: {}\n'), ['2:13 "!dev/**": a leading "!" (re-include) works in ignore only; list the files this override applies to.']);
  });

  it('rule defaults < config file < VS Code settings or CLI flags', () => {
    const loaded = config('kubernetesVersion: "1.30"\nrules: { container-cpu-limit-missing: error, yaml-syntax: warning }\ndefaults: { memoryLimit: 256Mi, cpuRequest: 200m }\n');
    const top = { rules: { 'container-cpu-limit-missing': 'hint' }, defaults: { cpuRequest: '300m' } };
    const { config: resolved, problems } = resolveConfig(layerSettings(settingsFromConfig(loaded, '/repo/a.yaml'), top), RULE_IDS);
    assert.deepEqual(problems, []);
    assert.equal(resolved.severities.get('container-cpu-limit-missing'), 'hint');
    assert.equal(resolved.severities.get('yaml-syntax'), 'warning');
    assert.equal(resolved.severities.has('container-requests-missing'), false, 'rules not set anywhere keep their default');
    assert.equal(resolved.kubernetesVersion, '1.30');
    assert.deepEqual({ ...resolved.defaults }, { cpuRequest: '300m', memoryRequest: '128Mi', memoryLimit: '256Mi', cpuLimit: '' });
    assert.equal(resolveConfig(layerSettings(settingsFromConfig(loaded, '/repo/a.yaml'), { kubernetesVersion: '1.33' }), RULE_IDS).config.kubernetesVersion, '1.33');
  });
});
