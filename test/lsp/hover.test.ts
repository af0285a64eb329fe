import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { deployment } from '../support/manifests';
import { startHarness, type Harness } from '../support/lsp-harness';

describe('hover over JSON-RPC', () => {
  let lsp: Harness;
  const uri = 'file:///w/hover.yaml';
  const manifest = deployment(`
    - name: app
      resources:
        requests:
          cpu: 250m
          memory: 512Mi
        limits:
          memory: 512Mi
  `);
  const lines = manifest.split('\n');
  const at = (needle: string, delta = 0) => {
    const line = lines.findIndex((l) => l.includes(needle));
    return { line, character: lines[line]!.indexOf(needle) + delta };
  };
  const hover = async (position: { line: number; character: number }) =>
    ((await lsp.client.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null);

  before(async () => {
    lsp = await startHarness();
    await lsp.open(uri, manifest);
  });
  after(async () => lsp.close());

  it('explains a CPU request with cores and the QoS class', async () => {
    const result = await hover(at('250m', 1));
    const text = (result?.contents as MarkupContent).value;
    assert.match(text, /CPU request/);
    assert.match(text, /0\.25 CPU core/);
    assert.match(text, /Pod QoS class: \*\*Burstable\*\*/);
  });

  it('explains a memory amount in bytes', async () => {
    const text = ((await hover(at('memory: 512Mi', 10)))?.contents as MarkupContent).value;
    assert.match(text, /536,870,912 bytes/);
  });

  it('explains a finding: why it matters, how to fix, and a link', async () => {
    const text = ((await hover(at('name: app', 7)))?.contents as MarkupContent).value;
    assert.match(text, /has no CPU limit/);
    assert.match(text, /How to fix:/);
    assert.match(text, /docs\/rules\/container-cpu-limit-missing\.md/);
  });

  it('returns nothing where there is nothing to say', async () => {
    assert.equal(await hover({ line: 0, character: 2 }), null);
  });
});
