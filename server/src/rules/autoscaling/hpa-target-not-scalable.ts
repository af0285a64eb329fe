/** Reports HorizontalPodAutoscalers that target a kind without a replica count to scale. */
import { defineRule } from '../types';
import { hpaViewOf } from '../../k8s/hpa';
import { getNode } from '../../yaml/nodes';

const NOT_SCALABLE: ReadonlyMap<string, string> = new Map([
  ['DaemonSet', 'runs one pod per node, and has no replica count to change'],
  ['Job', 'runs pods to completion; its parallelism is not a scale an autoscaler can drive'],
  ['CronJob', 'creates Jobs on a schedule and has no replica count to change'],
  ['Pod', 'is a single pod, with no replica count to change'],
]);

const BUILT_IN_GROUPS: ReadonlyMap<string, readonly string[]> = new Map([
  ['DaemonSet', ['apps', 'extensions']],
  ['Job', ['batch']],
  ['CronJob', ['batch']],
  ['Pod', ['']],
]);

export default defineRule({
  meta: {
    id: 'hpa-target-not-scalable',
    category: 'autoscaling',
    defaultSeverity: 'error',
    summary: 'A HorizontalPodAutoscaler targets a DaemonSet, Job, CronJob or Pod.',
    rationale:
      'An autoscaler can only drive objects with a scale subresource, such as Deployments, StatefulSets and ReplicaSets. Pointed at a DaemonSet, Job, CronJob or Pod it fails on every sync with `FailedGetScale`, so the capacity plan it stands for never happens.',
    remediation: 'Target the Deployment, StatefulSet or ReplicaSet that runs the pods; for a DaemonSet, scale the nodes instead (cluster autoscaler), and for Jobs use a queue-driven scaler.',
    messages: { notScalable: 'A HorizontalPodAutoscaler cannot scale a {{kind}}: it {{reason}}.' },
    needsIndex: true,
    examples: {
      invalid: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: log-agent
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: DaemonSet
    name: log-agent
  minReplicas: 1
  maxReplicas: 5
`,
      valid: `apiVersion: autoscaling/v2
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
`,
    },
  },
  create(context) {
    return {
      object(object) {
        const ref = hpaViewOf(object)?.scaleTargetRef;
        const reason = ref?.kind === undefined ? undefined : NOT_SCALABLE.get(ref.kind);
        const kindNode = getNode(ref?.node, 'kind');
        if (!ref?.kind || !reason || !kindNode) return;
        // A custom resource that happens to share the name (another API group) may well be scalable.
        const group = ref.apiVersion?.includes('/') ? ref.apiVersion.slice(0, ref.apiVersion.lastIndexOf('/')) : '';
        if (ref.apiVersion !== undefined && !(BUILT_IN_GROUPS.get(ref.kind) ?? []).includes(group)) return;
        context.report({ at: kindNode, messageId: 'notScalable', data: { kind: ref.kind, reason } });
      },
    };
  },
});
