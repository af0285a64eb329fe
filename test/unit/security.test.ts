/**
 * Security: the real server (dist/server.js when built, else the sources through tsx), with every
 * networking and process-spawning function instrumented to record and throw, goes through a full
 * session on a temporary workspace (scan, open, edit, hover, code actions, file events). No call is
 * allowed, and no file outside the workspace and the extension's own files is read: not the paths
 * a kustomization.yaml names (`../../etc/passwd`, absolute paths), not the targets of symbolic links.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { ServerProcess, SERVER_BUNDLE, toUri, withTimeout } from '../robustness/server-process';
import { REPO } from '../support/corpus';

const DEPLOYMENT = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 3
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: ${name}
          image: nginx:latest
`;

interface Entry {
  kind: 'forbidden' | 'read' | 'ready';
  detail: string;
}

// `npm test` builds the server bundle first, so it exists and is current; never skip silently.
describe('security', () => {
  it('runs against the built server', () => assert.ok(existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: npm test builds it (npm run build:server)`));
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'kg-security-')));
  after(() => rmSync(root, { recursive: true, force: true }));
  const workspace = path.join(root, 'workspace');
  const outside = path.join(root, 'outside');
  const logFile = path.join(root, 'instrument.log');
  mkdirSync(path.join(workspace, 'overlay'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.yaml'), DEPLOYMENT('outside-secret'));
  writeFileSync(path.join(workspace, 'app.yaml'), DEPLOYMENT('app'));
  writeFileSync(
    path.join(workspace, 'overlay', 'kustomization.yaml'),
    `resources:\n  - ../app.yaml\npatchesStrategicMerge:\n  - ../../outside/secret.yaml\n  - /etc/passwd\npatches:\n  - path: ../../../../etc/shadow\n  - path: ${path.join(outside, 'secret.yaml')}\n`,
  );
  symlinkSync(path.join(outside, 'secret.yaml'), path.join(workspace, 'linked.yaml'));
  symlinkSync(outside, path.join(workspace, 'linked-dir'));

  it('makes no network or process calls and reads nothing outside the workspace in a full session', async () => {
    const server = new ServerProcess({
      nodeArgs: ['--require', path.join(REPO, 'test/robustness/instrument.cjs')],
      workspaceFolders: [workspace],
      env: { ...process.env, KG_INSTRUMENT_LOG: logFile },
    });
    try {
      await server.initialize(30_000);
      // Waits for the scan's own log line; the limit only turns a hang into a failure.
      const scanned = await withTimeout(server.log(/indexed \d+ YAML files/), 30_000, 'workspace scan');
      assert.match(scanned, /indexed 2 YAML files/, 'the scan indexes app.yaml and the kustomization, never the symbolic links');

      const uri = toUri(path.join(workspace, 'app.yaml'));
      const diagnostics = await server.open(uri, DEPLOYMENT('app'), 10_000);
      assert.ok(diagnostics.length > 0);
      const version = await server.change(uri, DEPLOYMENT('app').replace('replicas: 3', 'replicas: 2'));
      const changed = await withTimeout(server.diagnostics(uri, version), 10_000, `diagnostics for ${uri} v${version}`);
      await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 4 } }, 10_000);
      await server.request('textDocument/codeAction', { textDocument: { uri }, range: changed[0]!.range, context: { diagnostics: changed } }, 10_000);
      await server.request('textDocument/codeAction', { textDocument: { uri }, range: changed[0]!.range, context: { diagnostics: [], only: ['source.fixAll.kube-guardrails'] } }, 10_000);
      const kustomization = toUri(path.join(workspace, 'overlay', 'kustomization.yaml'));
      await server.open(kustomization, readFileSync(path.join(workspace, 'overlay', 'kustomization.yaml'), 'utf8'), 10_000);
      await server.close(kustomization);
      // File events for a symbolic link, a path outside and a non-file URI read nothing outside either.
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: toUri(path.join(workspace, 'linked.yaml')), type: 2 },
          { uri: toUri(path.join(workspace, 'linked-dir', 'secret.yaml')), type: 1 },
          { uri: 'https://example.com/x.yaml', type: 1 },
        ],
      });
      await server.close(uri);
      await server.request('textDocument/hover', { textDocument: { uri: kustomization }, position: { line: 0, character: 0 } }, 10_000);
      assert.deepEqual(server.errors, []);
    } finally {
      await server.stop();
    }

    const entries = readFileSync(logFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Entry);
    assert.ok(entries.some((e) => e.kind === 'ready'), 'the instrumentation was loaded');
    assert.deepEqual(entries.filter((e) => e.kind === 'forbidden').map((e) => e.detail), [], 'network or process calls');
    const allowed = [workspace, path.join(REPO, 'schemas'), path.join(REPO, 'dist')];
    const outsideReads = entries
      .filter((e) => e.kind === 'read')
      .map((e) => e.detail)
      .filter((file) => {
        const real = existsSync(file) ? realpathSync(file) : path.resolve(file);
        return !allowed.some((dir) => real === dir || real.startsWith(dir + path.sep));
      });
    assert.deepEqual(outsideReads, [], 'files read outside the workspace and the extension');
  });

  it('declares untrusted-workspace support, with nothing in a workspace that can run code', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
      capabilities?: { untrustedWorkspaces?: { supported?: unknown } };
      contributes?: { configuration?: { properties?: Record<string, unknown> } };
    };
    // Limited: some settings are ignored in Restricted Mode (test/meta/workspace-trust.test.ts).
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, 'limited');
    // Supporting untrusted folders is only right while no setting names a program, a script or a path to load.
    const settings = Object.keys(manifest.contributes?.configuration?.properties ?? {});
    assert.deepEqual(settings.filter((key) => /path|command|executable|script|plugin|require/i.test(key)), []);
  });
});
