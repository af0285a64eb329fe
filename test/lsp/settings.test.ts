import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deployment } from '../support/manifests';
import { startHarness, type Harness } from '../support/lsp-harness';

describe('settings over JSON-RPC', () => {
  let lsp: Harness;
  before(async () => {
    lsp = await startHarness({});
  });
  after(async () => lsp.close());

  it('applies rule severities and "off" as soon as the configuration changes', async () => {
    const uri = 'file:///w/settings.yaml';
    const initial = await lsp.open(uri, deployment('- name: app\n  image: nginx:1.27.0\n'));
    assert.ok(initial.some((d) => d.code === 'container-cpu-limit-missing'));
    lsp.settings = { rules: { 'container-cpu-limit-missing': 'off', 'container-memory-limit-missing': 'error' } };
    const next = lsp.diagnostics(uri);
    await lsp.client.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const diagnostics = await next;
    assert.equal(diagnostics.some((d) => d.code === 'container-cpu-limit-missing'), false);
    assert.equal(diagnostics.find((d) => d.code === 'container-memory-limit-missing')?.severity, 1);
  });

  it('ignores invalid settings instead of failing, and keeps linting', async () => {
    lsp.settings = { rules: { 'no-such-rule': 'error', 'container-cpu-limit-missing': 'loud' }, defaults: { memoryLimit: 12 } };
    const uri = 'file:///w/invalid-settings.yaml';
    const diagnostics = await lsp.open(uri, deployment('- name: app\n'));
    assert.ok(diagnostics.some((d) => d.code === 'container-cpu-limit-missing'));
  });

  it('declines files above the size limit with a visible message', async () => {
    lsp.settings = { maxFileSize: 100 };
    await lsp.client.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const diagnostics = await lsp.open('file:///w/huge.yaml', deployment('- name: app\n'));
    assert.equal(diagnostics.length, 1);
    assert.match(String(diagnostics[0]!.message), /Not analysed: the file is .* MB, above the .* MB set in kubeGuardrails\.maxFileSize/);
  });
});
