import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT, runCli } from '../support/cli';
import { CONTAINER_WITH_REQUESTS, CONTAINER_WITHOUT_REQUESTS, hpaOf, resourceMetric, workload } from '../support/objects';

const BROKEN = 'test/fixtures/cli/broken-app.yaml';
const CLEAN = 'test/fixtures/cli/clean.yaml';
const temps: string[] = [];
after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-cli-'));
  temps.push(dir);
  mkdirSync(path.join(dir, '.git')); // the config lookup stops here
  return dir;
}

function json(stdout: string): { file: string; ruleId: string; severity: string; line: number }[] {
  return JSON.parse(stdout) as { file: string; ruleId: string; severity: string; line: number }[];
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  selector:
    matchLabels: { app: app }
  template:
    metadata:
      labels: { app: app }
    spec:
      containers:
        - name: app
          image: registry.example.com/app:1.0.0
          livenessProbe: { tcpSocket: { port: 8080 } }
          resources:
            requests: { cpu: 100m, memory: 64Mi }
            limits: { memory: 64Mi }
`;
const PDB = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: app\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: { app: app }\n';

describe('kube-guardrails CLI: exit codes', () => {
  it('0 when clean', async () => {
    const { code, stdout } = await runCli([CLEAN]);
    assert.equal(code, 0);
    assert.equal(stdout, '0 errors, 0 warnings, 0 infos in 1 files\n');
  });

  it('1 on error findings; 0 when only warnings remain; 1 on more warnings than --max-warnings', async () => {
    assert.equal((await runCli([BROKEN])).code, 1);
    const warned = await runCli(['--rule', 'container-limit-below-request=warning', BROKEN]);
    assert.equal(warned.code, 0);
    assert.match(warned.stdout, /25:20 {2}warning {2}The cpu limit 250m/);
    assert.equal((await runCli(['--rule', 'container-limit-below-request=warning', '--max-warnings', '1', BROKEN])).code, 0);
    assert.equal((await runCli(['--rule', 'container-limit-below-request=warning', '--max-warnings', '0', BROKEN])).code, 1);
  });

  it('--quiet reports errors only', async () => {
    const quiet = await runCli(['--quiet', '--format', 'json', '--rule', 'container-limit-below-request=warning', BROKEN]);
    assert.deepEqual(json(quiet.stdout), []);
    assert.equal(quiet.code, 0);
  });

  it('2 for usage errors, with what was wrong', async () => {
    const cases: [string[], RegExp][] = [
      [[], /no files or directories given/],
      [['--format', 'xml', 'examples'], /--format must be one of text, json, sarif, github; got "xml"/],
      [['--rule', 'not-a-rule=error', 'examples'], /--rule not-a-rule: Unknown rule "not-a-rule"/],
      [['--rule', 'yaml-syntax'], /--rule takes <rule-id>=/],
      [['--max-warnings', 'many', 'examples'], /--max-warnings takes a whole number/],
      [['--kubernetes-version', '2', 'examples'], /--kubernetes-version takes a version like 1.36/],
      [['--bogus', 'examples'], /Unknown option --bogus/],
      [['--fix', '--fix-dry-run', 'examples'], /cannot be used together/],
      [['--fix', '-'], /--fix cannot write back to stdin/],
      [['--config'], /--config needs a value/],
      [['--quiet=false', 'examples'], /--quiet is a switch and takes no value; got "--quiet=false"/],
      [['--fix=anything', 'examples'], /--fix is a switch and takes no value/],
      [['--config', '--quiet', 'examples'], /--config needs a value/],
      [['-x', 'examples'], /Unknown option -x/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await runCli(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
    }
  });

  it('2 for I/O errors, naming the path; other files are still reported', async () => {
    const { code, stderr, stdout } = await runCli(['--format', 'json', 'no/such/dir', BROKEN]);
    assert.equal(code, 2);
    assert.match(stderr, /no\/such\/dir: no such file or directory/);
    assert.equal(json(stdout).length, 1);
    const glob = await runCli(['test/fixtures/cli/*.nothing.yaml']);
    assert.equal(glob.code, 2);
    assert.match(glob.stderr, /\*\.nothing\.yaml: no files match this pattern/);
  });

  it('2 for a config file error, as path:line:col: message', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.kube-guardrails.yaml'), 'rules:\n  container-cpu-limit-mising: off\n  yaml-syntax: loud\n');
    writeFileSync(path.join(dir, 'app.yaml'), DEPLOYMENT);
    const { code, stderr, stdout } = await runCli(['app.yaml'], { cwd: dir });
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(
      stderr,
      'kube-guardrails: .kube-guardrails.yaml:2:3: Unknown rule "container-cpu-limit-mising". Did you mean "container-cpu-limit-missing"?\n' +
        'kube-guardrails: .kube-guardrails.yaml:3:16: "yaml-syntax" must be a severity (error, warning, info, hint, off) or [severity, options]; got "loud".\n',
    );
    const explicit = await runCli(['--config', 'missing.yaml', 'app.yaml'], { cwd: dir });
    assert.equal(explicit.code, 2);
    assert.match(explicit.stderr, /missing\.yaml:1:1: No such file\./);
  });
});

describe('kube-guardrails CLI: inputs', () => {
  it('recurses into directories for *.yaml and *.yml, and expands globs itself', async () => {
    const dir = await runCli(['--format', 'json', 'test/fixtures/cli/golden-input']);
    const star = await runCli(['--format', 'json', 'test/fixtures/cli/golden-input/*.yaml']);
    const doubleStar = await runCli(['--format', 'json', 'test/fixtures/cli/**/app.y?ml']);
    assert.deepEqual(star.stdout, dir.stdout);
    assert.ok(json(doubleStar.stdout).every((f) => f.file === 'test/fixtures/cli/golden-input/app.yaml'));
    assert.ok(json(doubleStar.stdout).length > 0);
  });

  it('reads stdin for -, reported under --stdin-filename', async () => {
    const text = readFileSync(path.join(ROOT, BROKEN), 'utf8');
    const { code, stdout } = await runCli(['--format', 'json', '-', '--stdin-filename', 'k8s/app.yaml'], { readStdin: async () => text });
    assert.equal(code, 1);
    assert.deepEqual(json(stdout).map((f) => [f.file, f.ruleId, f.line]), [['k8s/app.yaml', 'container-limit-below-request', 25]]);
    const storage = readFileSync(path.join(ROOT, 'test/fixtures/cli/fix-tree/storage.yaml'), 'utf8');
    const dryRun = await runCli(['--fix-dry-run', '-'], { readStdin: async () => storage });
    assert.match(dryRun.stdout, /^--- a\/<stdin>\n\+\+\+ b\/<stdin>\n/);
  });

  it('shows progress on stderr for many files only when stderr is a terminal', async () => {
    const dir = tempDir();
    for (let i = 0; i < 60; i++) writeFileSync(path.join(dir, `pod-${i}.yaml`), readFileSync(path.join(ROOT, CLEAN), 'utf8'));
    const tty = await runCli(['.'], { cwd: dir, stderrIsTTY: true });
    assert.match(tty.stderr, /\rLinting 50\/60 files…/);
    assert.equal(tty.stdout, '0 errors, 0 warnings, 0 infos in 60 files\n');
    assert.equal((await runCli(['.'], { cwd: dir })).stderr, '');
  });

  it('finds the mistakes planted in examples/, across the rule families', async () => {
    const { stdout } = await runCli(['--format', 'json', 'examples']);
    const ids = new Set(json(stdout).map((f) => f.ruleId));
    for (const id of ['container-limit-below-request', 'container-heap-exceeds-memory-limit', 'invalid-quantity', 'container-memory-limit-missing', 'hpa-min-replicas-one', 'probe-port-not-exposed', 'storage-class-immediate-binding', 'image-tag-latest', 'api-version-removed', 'schema-validation']) {
      assert.ok(ids.has(id), `examples/ should show ${id}`);
    }
    // The Kustomize patch is a partial object: no "missing" findings there, but its values are checked.
    const patch = json(stdout).filter((f) => f.file.endsWith('resources-patch.yaml')).map((f) => f.ruleId);
    assert.ok(patch.includes('container-limit-below-request'));
    assert.ok(!patch.includes('container-requests-missing') && !patch.includes('container-cpu-limit-missing'));
  });
});

describe('kube-guardrails CLI: --fix', () => {
  it('applies safe fixes in place, keeps comments, and the result re-lints clean for the fixed rules', async () => {
    const dir = tempDir();
    cpSync(path.join(ROOT, 'test/fixtures/cli/fix-tree'), dir, { recursive: true });
    const before = new Map(['apps/web.yaml', 'storage.yaml'].map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
    const first = await runCli(['--format', 'json', '.'], { cwd: dir });
    // Not here: container-cpu-limit-missing (without a configured defaults.cpuLimit its fix is only a suggestion) and
    // storage-class-immediate-binding (volumeBindingMode is immutable, so its fix is only a suggestion).
    const fixable = new Set(json(first.stdout).map((f) => f.ruleId).filter((id) => ['container-memory-limit-missing', 'container-requests-missing', 'storage-class-no-expansion'].includes(id)));
    assert.ok(fixable.size >= 3, [...fixable].join());

    const fixed = await runCli(['--fix', '--format', 'json', '.'], { cwd: dir });
    assert.match(fixed.stderr, /fixed \d+ findings in 2 files/);
    const remaining = json(fixed.stdout);
    assert.deepEqual(remaining.filter((f) => fixable.has(f.ruleId)), []);
    assert.ok(remaining.some((f) => f.ruleId === 'storage-class-immediate-binding'), '--fix never applies a suggestion (an immutable field)');
    assert.deepEqual(json((await runCli(['--format', 'json', '.'], { cwd: dir })).stdout), remaining, 'a re-lint agrees with the report');

    for (const [file, text] of before) {
      const after = readFileSync(path.join(dir, file), 'utf8');
      assert.notEqual(after, text);
      for (const line of text.split('\n').filter((l) => l.includes('#'))) assert.ok(after.includes(line), `${file} keeps "${line.trim()}"`);
    }
    // The config's defaults went into the fix; no temporary files were left behind.
    assert.match(readFileSync(path.join(dir, 'apps/web.yaml'), 'utf8'), /memory: 256Mi/);
    assert.deepEqual(readdirSync(path.join(dir, 'apps')).sort(), ['web.yaml']);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
    // A guessed CPU limit is never written unasked.
    assert.ok(remaining.some((f) => f.ruleId === 'container-cpu-limit-missing'), 'the CPU limit finding stays');
    assert.doesNotMatch(readFileSync(path.join(dir, 'apps/web.yaml'), 'utf8'), /cpu: "1"/);
    // A second --fix has nothing left to do.
    assert.match((await runCli(['--fix', '.'], { cwd: dir })).stderr, /fixed 0 findings in 0 files/);
  });

  it('never inserts a request above an existing limit, so --fix does not create a container-limit-below-request error', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'small.yaml');
    writeFileSync(file, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: small\nspec:\n  selector:\n    matchLabels:\n      app: small\n  template:\n    metadata:\n      labels:\n        app: small\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.4.2\n          resources:\n            limits:\n              memory: 64Mi # measured\n');
    const fixed = await runCli(['--fix', '--format', 'json', 'small.yaml'], { cwd: dir });
    assert.deepEqual(json(fixed.stdout).filter((f) => f.ruleId === 'container-limit-below-request'), []);
    assert.equal(fixed.code, 0, fixed.stdout);
    assert.match(readFileSync(file, 'utf8'), /requests:\n {14}cpu: 100m\n {14}memory: 64Mi\n/);
  });

  it('reports a failed write with exit code 2 and leaves the file as it was', async () => {
    const dir = tempDir();
    cpSync(path.join(ROOT, 'test/fixtures/cli/fix-tree'), dir, { recursive: true });
    const before = readFileSync(path.join(dir, 'storage.yaml'), 'utf8');
    const { code, stderr } = await runCli(['--fix', 'storage.yaml'], { cwd: dir, writeFile: async () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })) });
    assert.equal(code, 2);
    assert.match(stderr, /storage\.yaml: could not write the fixes: permission denied/);
    assert.equal(readFileSync(path.join(dir, 'storage.yaml'), 'utf8'), before);
  });
});

describe('kube-guardrails CLI: config file discovery and precedence', () => {
  function tree(): string {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'team'));
    mkdirSync(path.join(dir, 'legacy'));
    mkdirSync(path.join(dir, 'vendor'));
    writeFileSync(
      path.join(dir, '.kube-guardrails.yaml'),
      [
        'kubernetesVersion: "1.20"',
        'rules:',
        '  container-cpu-limit-missing: error',
        'ignore:',
        '  - vendor/',
        'overrides:',
        '  - files: ["**/legacy/**"]',
        '    rules:',
        '      container-cpu-limit-missing: "off"',
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(dir, 'app.yaml'), DEPLOYMENT + '---\n' + PDB);
    writeFileSync(path.join(dir, 'legacy/app.yaml'), DEPLOYMENT);
    writeFileSync(path.join(dir, 'vendor/app.yaml'), DEPLOYMENT);
    // A nearer config wins for its folder (no merging with the one above).
    writeFileSync(path.join(dir, 'team/.kube-guardrails.json'), '{ "rules": { "container-cpu-limit-missing": "warning" } }\n');
    writeFileSync(path.join(dir, 'team/app.yaml'), DEPLOYMENT);
    return dir;
  }
  const cpu = (findings: ReturnType<typeof json>) => Object.fromEntries(findings.filter((f) => f.ruleId === 'container-cpu-limit-missing').map((f) => [f.file, f.severity]));

  it('walks up to the nearest config; overrides by glob; ignore skips directory inputs', async () => {
    const dir = tree();
    const findings = json((await runCli(['--format', 'json', '.'], { cwd: dir })).stdout);
    assert.deepEqual(cpu(findings), { 'app.yaml': 'error', 'team/app.yaml': 'warning' });
    assert.ok(!findings.some((f) => f.file.startsWith('vendor/')));
    // kubernetesVersion "1.20" from the config: policy/v1beta1 is still served then.
    assert.ok(!findings.some((f) => f.ruleId === 'api-version-removed'));
    // A file named explicitly is linted even when ignored.
    assert.ok(json((await runCli(['--format', 'json', 'vendor/app.yaml'], { cwd: dir })).stdout).length > 0);
  });

  it('rule defaults < config file < CLI flags', async () => {
    const dir = tree();
    const flags = json((await runCli(['--format', 'json', '--rule', 'container-cpu-limit-missing=hint', '--kubernetes-version', '1.36', '.'], { cwd: dir })).stdout);
    assert.deepEqual(cpu(flags), { 'app.yaml': 'hint', 'team/app.yaml': 'hint', 'legacy/app.yaml': 'hint' });
    assert.ok(flags.some((f) => f.ruleId === 'api-version-removed' && f.file === 'app.yaml'));
    // Without any config file: the rule's default severity.
    const bare = tempDir();
    writeFileSync(path.join(bare, 'app.yaml'), DEPLOYMENT);
    assert.deepEqual(cpu(json((await runCli(['--format', 'json', '.'], { cwd: bare })).stdout)), { 'app.yaml': 'info' });
  });

  it('--config replaces discovery for every file', async () => {
    const dir = tree();
    writeFileSync(path.join(dir, 'strict.yml'), 'rules:\n  container-cpu-limit-missing: [error, {}]\n');
    const findings = json((await runCli(['--format', 'json', '--config', 'strict.yml', '.'], { cwd: dir })).stdout);
    assert.deepEqual(cpu(findings), { 'app.yaml': 'error', 'team/app.yaml': 'error', 'legacy/app.yaml': 'error', 'vendor/app.yaml': 'error' });
  });
});

describe('kube-guardrails CLI: each object is judged as itself', () => {
  it('two identical hpa.yaml files in a/ and b/ are each judged against their own folder\'s Deployment', async () => {
    const dir = tempDir();
    for (const [folder, containers] of [['a', CONTAINER_WITH_REQUESTS], ['b', CONTAINER_WITHOUT_REQUESTS]] as const) {
      mkdirSync(path.join(dir, folder));
      writeFileSync(path.join(dir, folder, 'deploy.yaml'), workload({ containers }));
      writeFileSync(path.join(dir, folder, 'hpa.yaml'), hpaOf({ extra: resourceMetric('cpu') }));
    }
    const { stdout } = await runCli(['--format', 'json', '--rule', 'hpa-target-missing-requests=error', dir]);
    const files = json(stdout).filter((f) => f.ruleId === 'hpa-target-missing-requests').map((f) => path.basename(path.dirname(f.file)) + '/' + path.basename(f.file));
    assert.deepEqual(files, ['b/hpa.yaml']);
  });
});

describe('kube-guardrails CLI: a Kustomize patch is a patch however it is named', () => {
  const PATCH = 'examples/kustomize/overlays/production/resources-patch.yaml';
  const ruleIds = (stdout: string) => json(stdout).map((f) => f.ruleId);

  it('by name, through --stdin-filename and in a directory run, the patch gets no "missing field" findings', async () => {
    const byName = await runCli(['--format', 'json', PATCH]);
    const viaStdin = await runCli(['--format', 'json', '-', '--stdin-filename', PATCH], { readStdin: async () => readFileSync(path.join(ROOT, PATCH), 'utf8') });
    const inDirectory = await runCli(['--format', 'json', 'examples/kustomize']);
    const fromDirectory = json(inDirectory.stdout).filter((f) => f.file === PATCH).map((f) => f.ruleId);
    assert.deepEqual(fromDirectory, ['container-limit-below-request']);
    assert.deepEqual(ruleIds(byName.stdout), fromDirectory);
    assert.deepEqual(ruleIds(viaStdin.stdout), fromDirectory);
  });

  it('finds the kustomization in an ancestor folder that lists a patch in a subfolder', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'overlay', 'patches'), { recursive: true });
    writeFileSync(path.join(dir, 'overlay', 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\npatches:\n  - path: patches/replicas.yaml\n');
    const patch = path.join(dir, 'overlay', 'patches', 'replicas.yaml');
    writeFileSync(patch, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: 3\n');
    const { stdout } = await runCli(['--format', 'json', patch]);
    assert.deepEqual(json(stdout).filter((f) => f.ruleId === 'schema-validation'), []);
  });
});
