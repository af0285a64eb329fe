import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deployment } from '../support/manifests';
import { startHarness, type Harness } from '../support/lsp-harness';

describe('diagnostics over JSON-RPC', () => {
  let lsp: Harness;
  before(async () => {
    lsp = await startHarness();
  });
  after(async () => lsp.close());

  const manifest = deployment(`
    - name: app # keep
      image: nginx:1.27.0
  `);

  it('publishes findings with our source, code, docs link, severity and exact range', async () => {
    const diagnostics = await lsp.open('file:///w/app.yaml', manifest);
    const memory = diagnostics.find((d) => d.code === 'container-memory-limit-missing');
    assert.ok(memory, 'memory limit finding');
    assert.equal(memory.source, 'kube-guardrails');
    assert.equal(memory.severity, 2);
    assert.deepEqual(memory.range, { start: { line: 14, character: 16 }, end: { line: 14, character: 19 } });
    assert.match(memory.codeDescription?.href ?? '', /docs\/rules\/container-memory-limit-missing\.md$/);
    assert.equal(diagnostics.find((d) => d.code === 'container-cpu-limit-missing')?.severity, 3);
  });

  it('re-lints on change, publishing for the new version only', async () => {
    const fixed = manifest.replace('image: nginx:1.27.0', 'image: nginx:1.27.0\n          resources:\n            requests: {cpu: 1, memory: 1Gi}\n            limits: {cpu: 1, memory: 1Gi}');
    const diagnostics = await lsp.change('file:///w/app.yaml', fixed);
    assert.deepEqual(diagnostics.filter((d) => String(d.code).startsWith('container-')), []);
    const last = lsp.published.filter((p) => p.uri === 'file:///w/app.yaml').at(-1);
    assert.equal(last?.version, lsp.versionOf('file:///w/app.yaml'));
  });

  it('says nothing about YAML that is not Kubernetes', async () => {
    const diagnostics = await lsp.open('file:///w/.github/workflows/ci.yaml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n');
    assert.deepEqual(diagnostics, []);
  });

  it('never publishes an outdated version when edits arrive quickly', async () => {
    const uri = 'file:///w/fast.yaml';
    await lsp.open(uri, manifest);
    const before = lsp.published.length;
    const versions: number[] = [];
    let pending: Promise<unknown> = Promise.resolve();
    for (let i = 0; i < 5; i++) {
      pending = lsp.change(uri, manifest.replace('nginx:1.27.0', `nginx:1.27.${i}`));
      versions.push(lsp.versionOf(uri));
    }
    await pending;
    const published = lsp.published.slice(before).filter((p) => p.uri === uri);
    assert.ok(published.length >= 1);
    // Versions only ever increase, and the last one published is the latest text.
    for (let i = 1; i < published.length; i++) assert.ok((published[i]!.version ?? 0) > (published[i - 1]!.version ?? 0));
    assert.equal(published.at(-1)?.version, versions.at(-1));
  });
});
