import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt } from '../../server/src/hover/hover';
import { describeRules, fastestScaleUp, hpaCapacityFact } from '../../server/src/hover/hpa-explainer';
import { DEFAULT_SCALE_DOWN, DEFAULT_SCALE_UP, hpaViewOf } from '../../server/src/k8s/hpa';
import { toK8sObject } from '../../server/src/k8s/objects';
import { RULES_BY_ID } from '../../server/src/rules/index';
import { parseFile } from '../../server/src/yaml/parse';
import { yaml } from '../support/yaml-tag';

/** Hover markdown at the first occurrence of `needle` (plus `delta`) in a one-document text. */
function hover(text: string, needle: string, delta = 0): string | undefined {
  const placed = parseFile(text)[0]!;
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `needle "${needle}" not found`);
  const object = toK8sObject(placed.parsed.doc);
  return hoverAt({ document: placed.parsed, offset: offset + delta, object, findings: [], rules: RULES_BY_ID })?.markdown;
}

const hpaV2 = yaml`
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata:
    name: web
  spec:
    scaleTargetRef:
      apiVersion: apps/v1
      kind: Deployment
      name: web
    minReplicas: 2
    maxReplicas: 10
    metrics:
      - type: Resource
        resource:
          name: cpu
          target:
            type: Utilization
            averageUtilization: 70
      - type: Pods
        pods:
          metric:
            name: requests_per_second
          target:
            type: AverageValue
            averageValue: 1k
    behavior:
      scaleDown:
        stabilizationWindowSeconds: 600
`;

describe('HPA hover', () => {
  it('explains the replica range on minReplicas and maxReplicas', () => {
    assert.match(hover(hpaV2, 'minReplicas')!, /Scales between 2 and 10 replicas \(up to 5× the minimum\)\./);
    assert.match(hover(hpaV2, 'maxReplicas: 10', 14)!, /\*\*HorizontalPodAutoscaler `maxReplicas`\*\*/);
  });

  it('lists the metrics in words, from any line inside them', () => {
    const text = hover(hpaV2, 'averageUtilization')!;
    assert.match(text, /- CPU at \*\*70%\*\* of requests, averaged over the pods\./);
    assert.match(text, /- Pods metric "requests_per_second" at \*\*1k\*\* per pod on average\./);
  });

  it('fills in the behavior defaults per field and computes the fastest scale-up', () => {
    const text = hover(hpaV2, 'behavior')!;
    assert.match(text, /\*\*Scale up:\*\* no stabilization window; at most the larger of \+100% per 15 s and \+4 pods per 15 s \(the defaults\)\./);
    // Only the window was written: the policies keep their defaults, and the "defaults" note goes.
    assert.match(text, /\*\*Scale down:\*\* a 600 s stabilization window; at most −100% per 15 s\./);
    assert.match(text, /From 2 to 10 replicas takes at least 30 s of sustained load\./);
  });

  it('shows the default metric and equal bounds for autoscaling/v1 and v2beta1 targets', () => {
    const v1 = yaml`
      apiVersion: autoscaling/v1
      kind: HorizontalPodAutoscaler
      metadata:
        name: web
      spec:
        maxReplicas: 1
        targetCPUUtilizationPercentage: 65
    `;
    assert.match(hover(v1, 'maxReplicas')!, /Fixed at 1 replicas: with equal bounds/);
    assert.match(hover(v1, 'targetCPU')!, /- CPU at \*\*65%\*\* of requests/);
    const v2beta1 = yaml`
      apiVersion: autoscaling/v2beta1
      kind: HorizontalPodAutoscaler
      metadata:
        name: web
      spec:
        maxReplicas: 4
        metrics:
          - type: ContainerResource
            containerResource:
              name: memory
              container: app
              targetAverageUtilization: 80
    `;
    assert.match(hover(v2beta1, 'metrics')!, /- memory of container "app" at \*\*80%\*\* of requests/);
  });

  it('says when no metrics are written that CPU 80% is the default', () => {
    const text = yaml`
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: web
      spec:
        maxReplicas: 4
        metrics: []
    `;
    const markdown = hover(text, 'metrics')!;
    assert.match(markdown, /No metrics are written, so the controller uses its default:\n- CPU at \*\*80%\*\* of requests/);
  });

  it('stays silent on fields it does not explain and on other kinds', () => {
    assert.equal(hover(hpaV2, 'scaleTargetRef'), undefined);
    assert.equal(hover(yaml`
      apiVersion: example.com/v1
      kind: HorizontalPodAutoscaler
      metadata:
        name: web
      spec:
        minReplicas: 1
    `, 'minReplicas'), undefined);
  });
});

describe('storage hover', () => {
  const storageClass = (lines: string) => yaml`
    apiVersion: storage.k8s.io/v1
    kind: StorageClass
    metadata:
      name: fast
    provisioner: ebs.csi.aws.com
${lines}`;

  it('explains the default Immediate binding of a zonal provisioner', () => {
    const text = hover(storageClass('    reclaimPolicy: Retain\n'), 'provisioner: ebs', 14);
    assert.equal(text, undefined, 'the provisioner itself has no explainer');
    const binding = hover(storageClass('    volumeBindingMode: Immediate\n'), 'Immediate')!;
    assert.match(binding, /\*\*Immediate\*\*: The volume is created and bound as soon as the claim exists/);
    assert.match(binding, /`ebs\.csi\.aws\.com` creates zonal volumes, so pods using them can only run in one zone: prefer WaitForFirstConsumer\./);
    assert.match(binding, /cannot be changed: the class must be recreated/);
  });

  it('explains WaitForFirstConsumer without the zonal warning', () => {
    const text = hover(storageClass('    volumeBindingMode: WaitForFirstConsumer\n'), 'volumeBindingMode')!;
    assert.match(text, /\*\*WaitForFirstConsumer\*\*: The volume is created only when the first pod/);
    assert.doesNotMatch(text, /prefer WaitForFirstConsumer/);
  });

  it('explains expansion and the reclaim policy, with defaults named', () => {
    assert.match(hover(storageClass('    allowVolumeExpansion: true\n'), 'allowVolumeExpansion')!, /Allowed: raising a claim's `resources\.requests\.storage` grows its volume in place/);
    assert.match(hover(storageClass('    allowVolumeExpansion: false\n'), 'false')!, /Not allowed: a full volume can only be replaced/);
    assert.match(hover(storageClass('    reclaimPolicy: Retain\n'), 'Retain')!, /\*\*Retain\*\*: When the claim is deleted, the volume and its data stay/);
    const pv = yaml`
      apiVersion: v1
      kind: PersistentVolume
      metadata:
        name: shared
      spec:
        persistentVolumeReclaimPolicy: Recycle
    `;
    assert.match(hover(pv, 'Recycle')!, /\*\*Recycle\*\*: Deprecated/);
  });

  it('explains access modes on a claim, one item or the whole list', () => {
    const pvc = yaml`
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: data
      spec:
        accessModes:
          - ReadWriteOnce
          - ReadOnlyMany
    `;
    const item = hover(pvc, 'ReadOnlyMany')!;
    assert.match(item, /\*\*ReadOnlyMany\*\*: mounted read-only by many nodes/);
    assert.doesNotMatch(item, /ReadWriteOnce/);
    const all = hover(pvc, 'accessModes')!;
    assert.match(all, /\*\*ReadWriteOnce\*\*: mounted read-write by one node at a time\. Pods sharing the claim must run on that node/);
    assert.match(all, /\*\*ReadOnlyMany\*\*/);
  });

  it('explains access modes in StatefulSet claim templates, flow style included', () => {
    const sts = yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        volumeClaimTemplates:
          - metadata:
              name: data
            spec:
              accessModes: [ReadWriteOncePod]
    `;
    assert.match(hover(sts, 'ReadWriteOncePod')!, /a single pod in the whole cluster/);
    assert.equal(hover(sts, 'name: data', 6), undefined);
  });
});

describe('HPA facts', () => {
  it('describes disabled directions and Min select policies', () => {
    assert.equal(describeRules({ ...DEFAULT_SCALE_DOWN, selectPolicy: 'Disabled' }, 'down'), 'disabled: the autoscaler never scales down.');
    assert.equal(
      describeRules({ stabilizationWindowSeconds: 60, selectPolicy: 'Min', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }, { type: 'Percent', value: 10, periodSeconds: 60 }], defaulted: false }, 'up'),
      'a 60 s stabilization window; at most the smaller of +1 pod per 60 s and +10% per 60 s.',
    );
  });

  it('computes the fastest scale-up only when it can be stated honestly', () => {
    // max(double, +4) per 15 s: 1→5→10→20→40→80→160, six periods.
    assert.equal(fastestScaleUp(1, 100, DEFAULT_SCALE_UP), 90);
    // The stabilization window comes first: +2 pods per 30 s from 3 to 8 needs three periods.
    assert.equal(fastestScaleUp(3, 8, { stabilizationWindowSeconds: 120, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 2, periodSeconds: 30 }], defaulted: false }), 210);
    const mixed = { ...DEFAULT_SCALE_UP, policies: [{ type: 'Pods' as const, value: 4, periodSeconds: 15 }, { type: 'Percent' as const, value: 100, periodSeconds: 60 }] };
    assert.equal(fastestScaleUp(1, 10, mixed), undefined);
    assert.equal(fastestScaleUp(1, 10, { ...DEFAULT_SCALE_UP, selectPolicy: 'Disabled' }), undefined);
  });

  it('multiplies per-replica requests and limits by the replica bounds', () => {
    const hpa = hpaViewOf(toK8sObject(parseFile(hpaV2)[0]!.parsed.doc)!)!;
    assert.equal(
      hpaCapacityFact(hpa, { requests: { cpu: 0.25, memory: 512 * 2 ** 20 }, limits: { memory: 2 ** 30 } }),
      [
        'From 2 to 10 replicas, the workload reserves and may use:',
        '- Requests: CPU 0.5 CPU core → 2.5 CPU cores; memory 1,073,741,824 bytes (1 GiB) → 5,368,709,120 bytes (5 GiB)',
        '- Limits: memory 2,147,483,648 bytes (2 GiB) → 10,737,418,240 bytes (10 GiB)',
      ].join('\n'),
    );
    assert.equal(hpaCapacityFact(hpa, { requests: {}, limits: {} }), undefined);
  });
});
