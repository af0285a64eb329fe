import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiVersionStatus, compareVersions, parseVersion } from '../../server/src/k8s/api-versions';

test('removed once the target reaches removedIn, with the replacement', () => {
  assert.deepEqual(apiVersionStatus('autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.36'), {
    status: 'removed', deprecatedIn: '1.23', removedIn: '1.26', replacement: 'autoscaling/v2',
  });
  assert.equal(apiVersionStatus('autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.26')?.status, 'removed');
  assert.equal(apiVersionStatus('batch/v1beta1', 'CronJob', '1.25')?.replacement, 'batch/v1');
  assert.equal(apiVersionStatus('policy/v1beta1', 'PodDisruptionBudget', '1.36')?.replacement, 'policy/v1');
});

test('deprecated between deprecatedIn and removedIn; nothing before', () => {
  assert.equal(apiVersionStatus('autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.25')?.status, 'deprecated');
  assert.equal(apiVersionStatus('autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.23')?.status, 'deprecated');
  assert.equal(apiVersionStatus('autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.22'), undefined);
  assert.equal(apiVersionStatus('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', '1.30')?.status, 'deprecated');
  assert.equal(apiVersionStatus('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', '1.32')?.status, 'removed');
});

test('versions compare numerically: 1.9 < 1.16', () => {
  assert.equal(apiVersionStatus('extensions/v1beta1', 'Deployment', '1.9')?.status, 'deprecated');
  assert.equal(apiVersionStatus('extensions/v1beta1', 'Deployment', '1.15')?.status, 'deprecated');
  assert.equal(apiVersionStatus('extensions/v1beta1', 'Deployment', '1.16')?.status, 'removed');
  assert.equal(apiVersionStatus('extensions/v1beta1', 'Deployment', '1.8'), undefined);
  assert.ok(compareVersions(parseVersion('1.9') as number[], parseVersion('1.16') as number[]) < 0);
  assert.deepEqual(parseVersion('v1.36.2'), [1, 36]);
  assert.equal(parseVersion('latest'), undefined);
});

test('the listed apiVersions are all covered', () => {
  const removedBy136: [string, string, string | undefined][] = [
    ['autoscaling/v2beta1', 'HorizontalPodAutoscaler', 'autoscaling/v2'],
    ['extensions/v1beta1', 'Ingress', 'networking.k8s.io/v1'],
    ['networking.k8s.io/v1beta1', 'Ingress', 'networking.k8s.io/v1'],
    ['networking.k8s.io/v1beta1', 'IngressClass', 'networking.k8s.io/v1'],
    ['extensions/v1beta1', 'DaemonSet', 'apps/v1'],
    ['extensions/v1beta1', 'ReplicaSet', 'apps/v1'],
    ['apps/v1beta1', 'StatefulSet', 'apps/v1'],
    ['apps/v1beta2', 'ReplicaSet', 'apps/v1'],
    ['extensions/v1beta1', 'NetworkPolicy', 'networking.k8s.io/v1'],
    ['extensions/v1beta1', 'PodSecurityPolicy', undefined],
    ['policy/v1beta1', 'PodSecurityPolicy', undefined],
    ['storage.k8s.io/v1beta1', 'StorageClass', 'storage.k8s.io/v1'],
    ['storage.k8s.io/v1beta1', 'CSIDriver', 'storage.k8s.io/v1'],
    ['storage.k8s.io/v1beta1', 'CSINode', 'storage.k8s.io/v1'],
    ['storage.k8s.io/v1beta1', 'VolumeAttachment', 'storage.k8s.io/v1'],
    ['storage.k8s.io/v1beta1', 'CSIStorageCapacity', 'storage.k8s.io/v1'],
    ['scheduling.k8s.io/v1beta1', 'PriorityClass', 'scheduling.k8s.io/v1'],
    ['apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', 'apiextensions.k8s.io/v1'],
    ['admissionregistration.k8s.io/v1beta1', 'MutatingWebhookConfiguration', 'admissionregistration.k8s.io/v1'],
    ['admissionregistration.k8s.io/v1beta1', 'ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/v1'],
    ['node.k8s.io/v1beta1', 'RuntimeClass', 'node.k8s.io/v1'],
    ['discovery.k8s.io/v1beta1', 'EndpointSlice', 'discovery.k8s.io/v1'],
    ['events.k8s.io/v1beta1', 'Event', 'events.k8s.io/v1'],
    ['flowcontrol.apiserver.k8s.io/v1beta1', 'PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io/v1'],
    ['flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema', 'flowcontrol.apiserver.k8s.io/v1'],
  ];
  for (const [apiVersion, kind, replacement] of removedBy136) {
    const status = apiVersionStatus(apiVersion, kind, '1.36');
    assert.equal(status?.status, 'removed', `${apiVersion} ${kind}`);
    assert.equal(status?.replacement, replacement, `${apiVersion} ${kind}`);
  }
  assert.deepEqual(apiVersionStatus('autoscaling.k8s.io/v1beta2', 'VerticalPodAutoscaler', '1.36'), {
    status: 'deprecated', deprecatedIn: '1.0', replacement: 'autoscaling.k8s.io/v1',
  });
});

test('current versions and unknown kinds have no status', () => {
  assert.equal(apiVersionStatus('apps/v1', 'Deployment', '1.36'), undefined);
  assert.equal(apiVersionStatus('autoscaling/v2', 'HorizontalPodAutoscaler', '1.36'), undefined);
  assert.equal(apiVersionStatus('autoscaling.k8s.io/v1', 'VerticalPodAutoscaler', '1.36'), undefined);
  // The kind matters, not just the apiVersion.
  assert.equal(apiVersionStatus('policy/v1beta1', 'Eviction', '1.36'), undefined);
});
