/**
 * The apiVersion migrations on their own: the edits they make, the shapes they refuse, and that
 * every migrated object passes schema-validation for its target version.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/core/apply-fixes';
import { migrationFor } from '../../server/src/k8s/migrations/index';
import { toK8sObject } from '../../server/src/k8s/objects';
import schemaValidation from '../../server/src/rules/schema/schema-validation';
import { YamlFixer } from '../../server/src/yaml/fixer';
import { parseChunk } from '../../server/src/yaml/parse';
import { lintWithRule } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

function migrate(text: string, to: string): string | undefined {
  const parsed = parseChunk(text);
  const object = toK8sObject(parsed.doc);
  assert.ok(object, 'test input must be an object');
  const edits = migrationFor(object.kind)(object, new YamlFixer(text, parsed.doc.contents), to);
  return edits && applyEdits(text, edits);
}

function assertValid(text: string): void {
  assert.deepEqual(lintWithRule(schemaValidation, text).map((f) => f.message), [], `not valid:\n${text}`);
}

const HPA_V1 = yaml`
  apiVersion: autoscaling/v1
  kind: HorizontalPodAutoscaler
  metadata:
    name: web
  spec:
    scaleTargetRef:
      apiVersion: apps/v1
      kind: Deployment
      name: web
    minReplicas: 2
    maxReplicas: 8
    targetCPUUtilizationPercentage: 70 # from the load test
`;

const HPA_V2BETA1 = yaml`
  apiVersion: autoscaling/v2beta1
  kind: HorizontalPodAutoscaler
  metadata:
    name: worker
  spec:
    scaleTargetRef:
      apiVersion: apps/v1
      kind: Deployment
      name: worker
    maxReplicas: 20
    metrics:
      - type: Resource
        resource:
          name: memory
          targetAverageValue: 500Mi
      - type: Object
        object:
          target:
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            name: main
          metricName: requests_per_second
          targetValue: 2k
      - type: External
        external:
          metricName: queue_messages
          targetAverageValue: 30
`;

describe('HorizontalPodAutoscaler migrations', () => {
  it('v1: targetCPUUtilizationPercentage becomes a Resource metric with a Utilization target', () => {
    const out = migrate(HPA_V1, 'autoscaling/v2');
    assert.equal(out, HPA_V1.replace('autoscaling/v1', 'autoscaling/v2').replace(
      'targetCPUUtilizationPercentage: 70',
      'metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70',
    ));
    assert.ok(out.includes('# from the load test'));
    assertValid(out);
  });

  it('v1 without a target keeps the default (80% CPU in both versions)', () => {
    const text = HPA_V1.replace('  targetCPUUtilizationPercentage: 70 # from the load test\n', '');
    assert.equal(migrate(text, 'autoscaling/v2'), text.replace('autoscaling/v1', 'autoscaling/v2'));
  });

  it('v2beta1: Object and External targets move under metric/target/describedObject', () => {
    const out = migrate(HPA_V2BETA1, 'autoscaling/v2');
    assert.ok(out);
    assert.match(out, / {6}object:\n {8}describedObject:\n {10}apiVersion: networking.k8s.io\/v1\n {10}kind: Ingress\n {10}name: main\n {8}metric:\n {10}name: requests_per_second\n {8}target:\n {10}type: Value\n {10}value: 2k\n/);
    assert.match(out, / {6}external:\n {8}metric:\n {10}name: queue_messages\n {8}target:\n {10}type: AverageValue\n {10}averageValue: 30\n/);
    assertValid(out);
  });

  it('refuses metric sources it does not know, and other targets', () => {
    assert.equal(migrate(HPA_V2BETA1.replace('metricName: queue_messages', 'metricName: queue_messages\n          unexpected: 1'), 'autoscaling/v2'), undefined);
    assert.equal(migrate(HPA_V2BETA1, 'autoscaling/v1'), undefined);
  });
});

describe('Ingress migration', () => {
  it('keeps v1-shaped backends and adds only the missing pathType', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1beta1
      kind: Ingress
      metadata:
        name: example
      spec:
        rules:
          - http:
              paths:
                - path: /
                  backend:
                    service:
                      name: web
                      port:
                        number: 8080
    `;
    const out = migrate(text, 'networking.k8s.io/v1');
    assert.equal(out, `${text.replace('v1beta1', 'v1')}            pathType: ImplementationSpecific\n`);
    assertValid(out);
  });

  it('refuses a backend with an empty servicePort', () => {
    const text = 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: x\nspec:\n  backend:\n    serviceName: web\n    servicePort: ""\n';
    assert.equal(migrate(text, 'networking.k8s.io/v1'), undefined);
  });
});

describe('apps/v1 workloads', () => {
  it('keeps an existing selector and changes only the apiVersion (StatefulSet)', () => {
    const text = yaml`
      apiVersion: apps/v1beta1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        serviceName: db
        selector:
          matchLabels:
            app: db
        template:
          metadata:
            labels:
              app: db
          spec:
            containers:
              - name: db
                image: postgres:16.4
    `;
    const out = migrate(text, 'apps/v1');
    assert.equal(out, text.replace('apps/v1beta1', 'apps/v1'));
    assertValid(out);
  });

  it('adds the selector from template labels even when the pod spec has flow lists (DaemonSet)', () => {
    const text = 'apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    metadata:\n      labels: {app: agent}\n    spec:\n      containers:\n        - name: agent\n          image: agent:1.0.0\n          args: [--verbose]\n';
    const out = migrate(text, 'apps/v1');
    assert.ok(out);
    assert.match(out, /\n {2}selector:\n {4}matchLabels:\n {6}app: agent\n/);
    assertValid(out);
  });

  it('refuses a workload without template labels to derive the selector from', () => {
    const text = 'apiVersion: apps/v1beta2\nkind: ReplicaSet\nmetadata:\n  name: r\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: c:1\n';
    assert.equal(migrate(text, 'apps/v1'), undefined);
  });
});

describe('plain renames', () => {
  it('CronJob and PDB change only the apiVersion and pass the target schema', () => {
    const cron = 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: c\n              image: c:1\n';
    assertValid(migrate(cron, 'batch/v1')!);
    const pdb = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: p\nspec:\n  minAvailable: 50%\n  selector:\n    matchLabels:\n      app: p\n';
    assert.equal(migrate(pdb, 'policy/v1'), pdb.replace('v1beta1', 'v1'));
    assertValid(migrate(pdb, 'policy/v1')!);
  });
});
