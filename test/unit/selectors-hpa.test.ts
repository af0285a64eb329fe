import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument, type Node } from 'yaml';
import { hpaViewOf } from '../../server/src/k8s/hpa';
import { toK8sObject } from '../../server/src/k8s/objects';
import { formatRequirement, matches, parseLabelSelector, parseMapSelector } from '../../server/src/k8s/selectors';
import { parseFile } from '../../server/src/yaml/parse';
import { yaml } from '../support/yaml-tag';

const node = (text: string) => parseDocument(text).contents as Node;

describe('label selectors', () => {
  it('matches matchLabels and every operator the way the API server does', () => {
    const selector = parseLabelSelector(node('{matchLabels: {app: web}, matchExpressions: [{key: env, operator: NotIn, values: [prod]}, {key: tier, operator: Exists}]}'))!;
    assert.equal(matches(selector, { app: 'web', tier: 'x' }), true, 'a missing label satisfies NotIn');
    assert.equal(matches(selector, { app: 'web', tier: 'x', env: 'prod' }), false);
    assert.equal(matches(selector, { app: 'web' }), false, 'Exists needs the key');
    assert.deepEqual(selector.requirements.map(formatRequirement), ['app=web', 'env notin (prod)', 'tier']);
  });

  it('treats empty selectors as matching everything, and says so', () => {
    const empty = parseLabelSelector(node('{}'))!;
    assert.equal(empty.empty, true);
    assert.equal(matches(empty, {}), true);
    assert.equal(parseMapSelector(node('{}'))!.empty, true);
  });

  it('refuses what it cannot read for sure', () => {
    assert.equal(parseLabelSelector(node('{matchExpressions: [{key: a, operator: Gt, values: ["1"]}]}')), undefined);
    assert.equal(parseLabelSelector(node('{matchLabels: {a: [x]}}')), undefined);
    assert.equal(parseMapSelector(node('[a]')), undefined);
    assert.deepEqual(parseMapSelector(node('{app: web, version: 2}'))!.matchLabels, { app: 'web', version: '2' });
  });
});

describe('HpaView', () => {
  const view = (text: string) => hpaViewOf(toK8sObject(parseFile(text)[0]!.parsed.doc)!);

  it('normalises v2beta2 Object and External metrics and the scale target', () => {
    const hpa = view(yaml`
      apiVersion: autoscaling/v2beta2
      kind: HorizontalPodAutoscaler
      metadata:
        name: web
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: db}
        maxReplicas: 5
        metrics:
          - type: Object
            object:
              metric: {name: queue_depth}
              describedObject: {kind: Service, name: q}
              target: {type: Value, value: "30"}
          - type: External
            external:
              metric: {name: lag}
              target: {type: AverageValue, averageValue: 500m}
    `)!;
    assert.deepEqual([hpa.scaleTargetRef.apiVersion, hpa.scaleTargetRef.kind, hpa.scaleTargetRef.name], ['apps/v1', 'StatefulSet', 'db']);
    assert.equal(hpa.minReplicas, 1);
    assert.equal(hpa.minReplicasNode, undefined);
    assert.deepEqual(hpa.metrics.map((m) => [m.type, m.metricName, m.target?.type, m.target?.value]), [['Object', 'queue_depth', 'Value', '30'], ['External', 'lag', 'AverageValue', '500m']]);
    assert.equal(hpa.scaleUp.defaulted, true);
  });

  it('reads v2beta1 targets beside the metric name, and ignores behavior outside v2/v2beta2', () => {
    const hpa = view(yaml`
      apiVersion: autoscaling/v2beta1
      kind: HorizontalPodAutoscaler
      metadata:
        name: web
      spec:
        minReplicas: 3
        maxReplicas: 9
        behavior: {scaleUp: {selectPolicy: Disabled}}
        metrics:
          - type: Pods
            pods: {metricName: rps, targetAverageValue: 1k}
          - type: Resource
            resource: {name: memory, targetAverageUtilization: 75}
    `)!;
    assert.deepEqual(hpa.metrics.map((m) => [m.type, m.metricName ?? m.resource, m.target?.type, m.target?.value ?? m.target?.averageUtilization]), [['Pods', 'rps', 'AverageValue', '1k'], ['Resource', 'memory', 'Utilization', 75]]);
    assert.equal(hpa.scaleUp.selectPolicy, 'Max');
    assert.equal(view(yaml`
      apiVersion: example.com/v1
      kind: HorizontalPodAutoscaler
      metadata:
        name: web
    `), undefined);
  });
});
