/** The schema hover fallback: type, allowed values, default and the API reference link. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt } from '../../server/src/hover/hover';
import { apiReferenceUrl } from '../../server/src/hover/schema-explainer';
import { toK8sObject } from '../../server/src/k8s/objects';
import { RULES_BY_ID } from '../../server/src/rules/index';
import { parseFile } from '../../server/src/yaml/parse';
import { deployment } from '../support/manifests';
import { testSchemas } from '../support/rule-tester';

function hover(text: string, needle: string, withSchemas = true): string | undefined {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not in the text`);
  const placed = [...parseFile(text)].reverse().find((d) => d.offset <= offset)!;
  const object = toK8sObject(placed.parsed.doc);
  return hoverAt({ document: placed.parsed, offset: offset + 1 - placed.offset, object, findings: [], rules: RULES_BY_ID, schemas: withSchemas ? testSchemas() : undefined })?.markdown;
}

const manifest = deployment(`
  - name: app
    image: nginx:1.27
    imagePullPolicy: IfNotPresent
    ports:
      - containerPort: 8080
    resources:
      requests:
        cpu: 100m
`, '  revisionHistoryLimit: 3\n');

describe('schema hover', () => {
  it('an enum field: type, allowed values, our note, default and the reference link', () => {
    assert.equal(hover(manifest, 'imagePullPolicy'), [
      '**`imagePullPolicy`**: string',
      '',
      'When the kubelet pulls the image.',
      '',
      'Allowed values: `Always`, `IfNotPresent`, `Never`.',
      '',
      'Default: IfNotPresent (Always for the tag latest or no tag).',
      '',
      '[Deployment API reference](https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/deployment-v1/)',
    ].join('\n'));
  });

  it('a required field and a referenced type, also when hovering the value', () => {
    assert.equal(hover(manifest, 'containerPort')!.split('\n')[0], '**`containerPort`**: integer (required)');
    assert.equal(hover(manifest, 'nginx:1.27')!.split('\n')[0], '**`image`**: string');
    assert.equal(hover(manifest, 'ports')!.split('\n')[0], '**`ports`**: list of ContainerPort');
  });

  it('stays quiet where a curated explainer answered, without schemas, and on unknown fields', () => {
    const resources = hover(manifest, 'requests')!;
    assert.ok(!resources.includes('API reference'), 'the resources explainer already answered');
    assert.equal(hover(manifest, 'revisionHistoryLimit', false), undefined);
    assert.equal(hover(manifest.replace('imagePullPolicy', 'imagePulPolicy'), 'imagePulPolicy'), undefined);
  });
});

describe('apiReferenceUrl', () => {
  it('builds the page name from the kind and version, and falls back to the index', () => {
    assert.equal(apiReferenceUrl('autoscaling/v2', 'HorizontalPodAutoscaler'), 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/horizontal-pod-autoscaler-v2/');
    assert.equal(apiReferenceUrl('storage.k8s.io/v1', 'CSIDriver'), 'https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/csi-driver-v1/');
    assert.equal(apiReferenceUrl('v1', 'PersistentVolumeClaim'), 'https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/');
    assert.equal(apiReferenceUrl('example.com/v1', 'Widget'), 'https://kubernetes.io/docs/reference/kubernetes-api/');
  });
});
