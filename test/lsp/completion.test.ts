import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, Hover, InitializeResult, MarkupContent } from 'vscode-languageserver';
import { startHarness, type Harness } from '../support/lsp-harness';
import { testSchemas } from '../support/rule-tester';

describe('completion and schema diagnostics over JSON-RPC', () => {
  let lsp: Harness;
  const uri = 'file:///w/completion.yaml';
  const text = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsume\n\n';
  const complete = async (line: number, character: number) =>
    (await lsp.client.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as CompletionItem[];

  before(async () => {
    lsp = await startHarness({}, { debounceMs: 0 }, { schemas: testSchemas });
  });
  after(() => lsp.close());

  it('announces completion, and reports the schema finding of the open document', async () => {
    assert.deepEqual((lsp.initializeResult as InitializeResult).capabilities.completionProvider, {});
    const diagnostics = await lsp.open(uri, text);
    const schema = diagnostics.filter((d) => d.code === 'schema-validation');
    assert.equal(schema.length, 1);
    assert.deepEqual(schema[0]!.range, { start: { line: 5, character: 19 }, end: { line: 5, character: 38 } });
  });

  it('completes the keys the StorageClass lacks on the empty last line, with markdown documentation', async () => {
    const items = await complete(6, 0);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('reclaimPolicy') && labels.includes('allowVolumeExpansion'));
    assert.ok(!labels.includes('provisioner') && !labels.includes('volumeBindingMode'));
    const reclaim = items.find((i) => i.label === 'reclaimPolicy')!;
    assert.equal(reclaim.insertText, 'reclaimPolicy: ');
    assert.match((reclaim.documentation as MarkupContent).value, /Allowed: Delete, Retain\. Default: Delete\./);
  });

  it('completes enum values after a colon', async () => {
    const items = await complete(5, 'volumeBindingMode: Wait'.length);
    assert.deepEqual(items.map((i) => i.label), ['Immediate', 'WaitForFirstConsumer']);
  });

  it('falls back to the schema on hover', async () => {
    const hover = (await lsp.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 2 } })) as Hover;
    assert.match((hover.contents as MarkupContent).value, /^\*\*`provisioner`\*\*: string \(required\)/);
  });
});
