/**
 * Which config file applies in a CLI run, and what the CLI says about it: the lookup stays inside
 * the linted tree, symlinked config files leading out of it are refused without quoting them, and
 * a run with nothing to lint says why.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../support/cli';

const temps: string[] = [];
after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A temporary folder with no `.git`, so only the CLI's own boundary stops the lookup. */
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-lookup-'));
  temps.push(dir);
  return dir;
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: registry.example.com/c:1.0.0\n';

describe('CLI config lookup', () => {
  it('stops at the current directory: a parent folder\'s ignore: ["**"] does not hide the files', async () => {
    const parent = tempDir();
    writeFileSync(path.join(parent, '.kube-guardrails.yaml'), 'ignore: ["**"]\n');
    mkdirSync(path.join(parent, 'project'));
    writeFileSync(path.join(parent, 'project', 'pod.yaml'), POD);
    const { stdout, stderr } = await runCli(['--format', 'json', '.'], { cwd: path.join(parent, 'project') });
    assert.equal(stderr, '');
    assert.ok((JSON.parse(stdout) as { file: string }[]).every((f) => f.file === 'pod.yaml'));
    assert.notEqual(stdout, '[]\n');
  });

  it('says on stderr which config file applied, in the text format only', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.kube-guardrails.yaml'), 'rules:\n  image-tag-latest: off\n');
    writeFileSync(path.join(dir, 'pod.yaml'), POD);
    writeFileSync(path.join(dir, 'other.yaml'), POD);
    const text = await runCli(['.'], { cwd: dir });
    assert.equal(text.stderr, 'kube-guardrails: config .kube-guardrails.yaml applied to 3 files\n'); // pod.yaml, other.yaml and the config file itself
    const asJson = await runCli(['--format', 'json', '.'], { cwd: dir });
    assert.equal(asJson.stderr, '');
  });
});

describe('CLI: nothing to lint says why', () => {
  it('names the config that ignored every file of a directory', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.kube-guardrails.yaml'), 'ignore: ["vendor/"]\n');
    mkdirSync(path.join(dir, 'vendor'));
    for (let i = 0; i < 12; i++) writeFileSync(path.join(dir, 'vendor', `pod-${i}.yaml`), POD);
    const { code, stderr } = await runCli(['vendor'], { cwd: dir });
    assert.equal(code, 2);
    assert.equal(stderr, 'kube-guardrails: all 12 YAML files under vendor/ are ignored by .kube-guardrails.yaml.\n');
  });

  it('says a directory holds no YAML files', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'empty'));
    writeFileSync(path.join(dir, 'empty', 'README.md'), '# nothing\n');
    const { code, stderr } = await runCli(['empty'], { cwd: dir });
    assert.equal(code, 2);
    assert.equal(stderr, 'kube-guardrails: no YAML files under empty/.\n');
  });
});

describe('CLI: symlinked config files', () => {
  it('refuses a config file that links out of the linted tree, quoting nothing of the target', async () => {
    const outside = tempDir();
    writeFileSync(path.join(outside, 'secrets'), 'KG_PLANTED_SECRET=hunter2\nOTHER=x\n');
    const dir = tempDir();
    symlinkSync(path.join(outside, 'secrets'), path.join(dir, '.kube-guardrails.yaml'));
    writeFileSync(path.join(dir, 'pod.yaml'), POD);
    const { code, stderr } = await runCli(['.'], { cwd: dir });
    assert.equal(code, 2);
    assert.doesNotMatch(stderr, /hunter2|KG_PLANTED_SECRET/);
    assert.match(stderr, /\.kube-guardrails\.yaml:1:1: The config file is a symbolic link to a file outside the folders being linted; it is not read\./);
  });

  it('reads a config file linked inside the linted tree', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'shared'));
    writeFileSync(path.join(dir, 'shared', 'kg.yaml'), 'ignore: ["pod.yaml"]\n');
    symlinkSync(path.join(dir, 'shared', 'kg.yaml'), path.join(dir, '.kube-guardrails.yaml'));
    writeFileSync(path.join(dir, 'pod.yaml'), POD);
    writeFileSync(path.join(dir, 'other.yaml'), POD);
    const { stdout } = await runCli(['--format', 'json', '.'], { cwd: dir });
    assert.ok((JSON.parse(stdout) as { file: string }[]).every((f) => f.file === 'other.yaml'));
  });
});

describe('CLI: config error messages quote a short excerpt only', () => {
  it('a config file that is one long scalar (a passwd file) is quoted up to 40 characters', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'passwd'), `root:x:0:0:root:/root:/bin/bash\n${'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n'.repeat(20)}KG_PLANTED_SECRET=x\n`);
    writeFileSync(path.join(dir, 'pod.yaml'), POD);
    const { code, stderr } = await runCli(['--config', 'passwd', 'pod.yaml'], { cwd: dir });
    assert.equal(code, 2);
    assert.doesNotMatch(stderr, /KG_PLANTED_SECRET/);
    assert.equal(stderr, 'kube-guardrails: passwd:1:1: The config must be a mapping; got "root:x:0:0:root:/root:/bin/bash daemon….\n');
  });
});

describe('CLI: rule options', () => {
  it('an unknown rule option stops the run with its line and column (exit 2)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.kube-guardrails.yaml'), 'rules:\n  probes-identical: [warning, {foo: 1}]\n');
    writeFileSync(path.join(dir, 'pod.yaml'), POD);
    const { code, stderr } = await runCli(['.'], { cwd: dir });
    assert.equal(code, 2);
    assert.match(stderr, /^kube-guardrails: \.kube-guardrails\.yaml:2:32: rules\.probes-identical\[1\]\.foo: unknown option "foo" \(this rule takes no options\)\.$/m);
  });
});

describe('CLI: two config files in one folder', () => {
  it('is an error naming both (exit 2), whichever the lookup would have found first', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.kube-guardrails.yaml'), 'rules:\n  image-tag-latest: "off"\n');
    writeFileSync(path.join(dir, '.kube-guardrails.json'), '{ "rules": { "image-tag-latest": "error" } }\n');
    writeFileSync(path.join(dir, 'pod.yaml'), POD);
    const { code, stdout, stderr } = await runCli(['pod.yaml'], { cwd: dir });
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, 'kube-guardrails: .kube-guardrails.yaml:1:1: .kube-guardrails.yaml and .kube-guardrails.json are both in this folder; keep one of them (neither is used until then).\n');
    writeFileSync(path.join(dir, '.kube-guardrails.yml'), 'rules: {}\n');
    assert.match((await runCli(['pod.yaml'], { cwd: dir })).stderr, /\.kube-guardrails\.yaml and \.kube-guardrails\.yml and \.kube-guardrails\.json are both in this folder/);
  });

  it('a single config file per folder is fine, even with another one in a parent folder', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.kube-guardrails.json'), '{ "rules": { "image-tag-latest": "error" } }\n');
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', '.kube-guardrails.yaml'), 'rules: {}\n');
    writeFileSync(path.join(dir, 'sub', 'pod.yaml'), POD);
    assert.equal((await runCli(['--format', 'json', 'sub/pod.yaml'], { cwd: dir })).code, 0);
  });
});

describe('CLI: ignore with re-includes', () => {
  it('lints the re-included files of an ignored folder, nested folders included', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.kube-guardrails.yaml'), 'ignore:\n  - vendor/\n  - "!vendor/ours/"\n');
    for (const folder of ['vendor/theirs', 'vendor/ours/deep']) mkdirSync(path.join(dir, folder), { recursive: true });
    for (const file of ['vendor/theirs/pod.yaml', 'vendor/ours/pod.yaml', 'vendor/ours/deep/pod.yaml', 'pod.yaml']) writeFileSync(path.join(dir, file), POD.replace('name: p', `name: ${file.replace(/\W/g, '-')}`));
    const { stdout } = await runCli(['--format', 'json', '.'], { cwd: dir });
    const files = [...new Set((JSON.parse(stdout) as { file: string }[]).map((f) => f.file))].sort();
    assert.deepEqual(files, ['pod.yaml', 'vendor/ours/deep/pod.yaml', 'vendor/ours/pod.yaml']);
  });
});
