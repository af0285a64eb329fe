/** Completion from the bundled schemas: keys not yet present (required first) and allowed values. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeAt } from '../../server/src/completion/complete';
import { parseChunk } from '../../server/src/yaml/parse';
import { testSchemas } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

/** Completes at the `|` in `source`. */
function complete(source: string) {
  const offset = source.indexOf('|');
  assert.ok(offset >= 0, 'mark the cursor with |');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return completeAt({ text, doc: parseChunk(text).doc, offset, schemas: testSchemas() });
}
const labels = (source: string) => complete(source).map((item) => item.label);

const POD = (containerLines: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n${containerLines}`;

describe('key completion', () => {
  it('offers the keys a container lacks, on an empty line inside it, with our explanation', () => {
    const items = complete(POD('      image: nginx:1.27\n      |\n'));
    const names = items.map((i) => i.label);
    assert.ok(names.includes('livenessProbe') && names.includes('resources'));
    assert.ok(!names.includes('name') && !names.includes('image'), 'present keys are left out');
    const probe = items.find((i) => i.label === 'livenessProbe')!;
    assert.equal(probe.insertText, 'livenessProbe:');
    assert.equal(probe.detail, 'Probe');
    assert.match(probe.documentation, /^A check whose repeated failure makes the kubelet restart the container/);
    assert.equal(items.find((i) => i.label === 'imagePullPolicy')!.insertText, 'imagePullPolicy: ');
    assert.match(items.find((i) => i.label === 'imagePullPolicy')!.documentation, /Allowed: Always, IfNotPresent, Never\. Default: IfNotPresent/);
  });

  it('puts required keys first, and completes while a key is half typed (the YAML does not parse)', () => {
    const items = complete(yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 2
        sel|
    `);
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label);
    assert.deepEqual(sorted.slice(0, 2), ['selector', 'template']);
    assert.equal(items.find((i) => i.label === 'selector')!.detail, 'required · LabelSelector');
    assert.ok(!sorted.includes('replicas'));
  });

  it('finds the mapping by indentation under a key with no value yet, and at the root', () => {
    assert.deepEqual(labels('apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec:\n  |\n').sort().slice(0, 3), ['behavior', 'maxReplicas', 'metrics']);
    assert.deepEqual(labels('apiVersion: v1\nkind: ConfigMap\n|\n').sort(), ['binaryData', 'data', 'immutable', 'metadata']);
  });

  it('starts a new list item after "- " with the item type\'s keys', () => {
    const names = labels(POD('      image: nginx:1.27\n    - |\n'));
    assert.ok(names.includes('name') && names.includes('image'), 'a new container has nothing yet');
  });

  it('offers nothing without a schema (custom resources) or outside a mapping', () => {
    assert.deepEqual(labels('apiVersion: example.com/v1\nkind: Widget\nspec:\n  |\n'), []);
    assert.deepEqual(labels('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p # |\n'), []);
  });
});

describe('value completion', () => {
  it('offers enum values after the colon', () => {
    const items = complete('apiVersion: storage.k8s.io/v1\nkind: StorageClass\nprovisioner: x\nvolumeBindingMode: Wait|\n');
    assert.deepEqual(items.map((i) => i.label), ['Immediate', 'WaitForFirstConsumer']);
    assert.equal(items[0]!.kind, 'value');
  });

  it('offers true/false for booleans, inside list items too, and nothing for open strings', () => {
    assert.deepEqual(labels(POD('      image: nginx:1.27\n      stdin: |\n')), ['true', 'false']);
    assert.deepEqual(labels(POD('      image: |\n')), []);
  });
});
