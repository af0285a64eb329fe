/**
 * User input never makes the built CLI or server print a process warning or log an error-level
 * line. YAML complex keys (`? {app: x}`, `[x]: y`) used to: the yaml package warns on stderr when it
 * converts such a key to a JavaScript object key, unless its logLevel is 'error' (issue 12, CI seed
 * 121146267; issue 20). Both bundles are run as processes, because a warning is a process's output.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { ServerProcess, SERVER_BUNDLE, toUri } from '../robustness/server-process';
import { REPO } from '../support/corpus';

const CLI_BUNDLE = path.join(REPO, 'dist', 'cli.js');

const COMPLEX_KEYS: Record<string, string> = {
  // The fuzzer's case: an explicit key whose value is a mapping, in an object that gets a migration fix.
  'explicit-map-key.yaml': 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n?    app: x\n',
  'flow-seq-key.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n[x]: y\ndata:\n  ? [a, b]\n  : c\n',
  'nested-key.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {app: d}\n  template:\n    metadata:\n      labels: {app: d}\n    spec:\n      containers:\n        - name: d\n          image: d:1\n          ? {a: b}\n          : c\n',
  'config-like.yaml': 'apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n? - x\n: y\nspec:\n  maxReplicas: 2\n',
};

describe('no process warnings on hostile keys', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-warnings-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(COMPLEX_KEYS)) writeFileSync(path.join(dir, name), text);

  it('the CLI prints nothing on stderr, with and without --fix-dry-run', () => {
    assert.ok(existsSync(CLI_BUNDLE), `${CLI_BUNDLE} is missing: npm test builds it (npm run build:server)`);
    for (const args of [[], ['--fix-dry-run'], ['--format', 'json']]) {
      for (const name of Object.keys(COMPLEX_KEYS)) {
        const run = spawnSync(process.execPath, [CLI_BUNDLE, ...args, path.join(dir, name)], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        assert.ok(run.status === 0 || run.status === 1, `${name} ${args.join(' ')}: exit ${run.status}: ${run.stderr}`);
        // --fix-dry-run's summary goes to stderr; nothing else may.
        const rest = run.stderr.replace(/^kube-guardrails: would fix \d+ findings? in \d+ files?\n$/, '');
        assert.equal(rest, '', `${name} ${args.join(' ')}`);
      }
    }
  });

  it('the server logs no error and prints nothing on stderr through open, hover and code actions', async () => {
    assert.ok(existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: npm test builds it (npm run build:server)`);
    const server = new ServerProcess({ workspaceFolders: [dir] });
    try {
      await server.initialize(30_000);
      for (const [name, text] of Object.entries(COMPLEX_KEYS)) {
        const uri = toUri(path.join(dir, name));
        const diagnostics = await server.open(uri, text, 10_000);
        await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } }, 10_000);
        await server.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, context: { diagnostics } }, 10_000);
        await server.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } }, 10_000);
      }
      // A request after the last notification: every earlier message has been handled when it answers.
      await server.request('textDocument/hover', { textDocument: { uri: toUri(path.join(dir, 'flow-seq-key.yaml')) }, position: { line: 0, character: 0 } }, 10_000);
      assert.deepEqual(server.errors, []);
    } finally {
      await server.stop();
    }
  });
});
