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

describe('completion for custom resources from a workspace CustomResourceDefinition', () => {
  let lsp: Harness;
  const crdUri = 'file:///w/crds/gadget-crd.yaml';
  const gadgetUri = 'file:///w/app/gadget.yaml';
  // Line 5 is the empty first line under spec; line 6 holds `color: ` with the cursor after it.
  const gadget = 'apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g\nspec:\n  \n  color: \n';
  const complete = async (uri: string, line: number, character: number) =>
    ((await lsp.client.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as CompletionItem[]);
  const byOrder = (items: CompletionItem[]) => [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);

  before(async () => {
    lsp = await startHarness({}, { debounceMs: 0 }, { schemas: testSchemas });
  });
  after(() => lsp.close());

  it('offers nothing for a custom resource while no CRD defines it', async () => {
    await lsp.open(gadgetUri, gadget);
    assert.deepEqual(await complete(gadgetUri, 5, 2), []);
  });

  it('offers the keys of the CRD schema, required first, and its enum values', async () => {
    await lsp.open(crdUri, gadgetCrd(['red', 'green']));
    const keys = await complete(gadgetUri, 5, 2);
    assert.deepEqual(byOrder(keys), ['size', 'mode', 'replicas'], 'required first, present keys left out');
    assert.equal(keys.find((i) => i.label === 'size')!.detail, 'required · integer');
    assert.equal(keys.find((i) => i.label === 'mode')!.insertText, 'mode:');
    assert.deepEqual((await complete(gadgetUri, 6, '  color: '.length)).map((i) => i.label), ['red', 'green']);
    assert.deepEqual(byOrder(await complete(gadgetUri, 7, 0)), ['status'], 'at the root: the keys the resource lacks');
  });

  it('follows an edit of the CRD in another file', async () => {
    // change() resolves with the CRD's diagnostics for the new version: the index holds its text by then.
    await lsp.change(crdUri, gadgetCrd(['red', 'blue', 'white']));
    assert.deepEqual((await complete(gadgetUri, 6, '  color: '.length)).map((i) => i.label), ['red', 'blue', 'white']);
  });

  it('offers nothing for a version the CRD does not serve', async () => {
    const v2 = 'file:///w/app/gadget-v2.yaml';
    await lsp.open(v2, gadget.replace('example.com/v1', 'example.com/v2'));
    assert.deepEqual(await complete(v2, 5, 2), []);
  });
});

function gadgetCrd(colors: string[]): string {
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: gadgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: { plural: gadgets, singular: gadget, kind: Gadget }
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
              required: [size]
              properties:
                size: { type: integer }
                color: { type: string, enum: [${colors.join(', ')}] }
                replicas: { type: integer, minimum: 1 }
                mode:
                  type: object
                  properties:
                    name: { type: string }
            status:
              type: object
              x-kubernetes-preserve-unknown-fields: true
    - name: v2
      served: false
      storage: false
`;
}
