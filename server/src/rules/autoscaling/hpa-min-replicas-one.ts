/** Reports HorizontalPodAutoscalers that may scale down to a single pod. */
import { defineRule } from '../types';
import { hpaViewOf } from '../../k8s/hpa';
import { getPair } from '../../yaml/nodes';

export default defineRule({
  meta: {
    id: 'hpa-min-replicas-one',
    category: 'autoscaling',
    defaultSeverity: 'info',
    // Judged on whole objects only: a Kustomize patch may leave the field to its base.
    reportsAbsence: true,
    summary: 'A HorizontalPodAutoscaler lets the workload scale down to one pod.',
    rationale:
      'At one replica there is no redundancy: a node drain, an eviction, a rollout or a crash takes the whole service down until a new pod is ready, and a PodDisruptionBudget cannot help because keeping the only pod would block every drain. Quiet periods are exactly when the autoscaler gets there, and when a surge arrives a single pod absorbs it while new ones start.',
    remediation: 'Set minReplicas to at least 2 (and keep maxReplicas above it) for anything that serves traffic; leave it at 1 only for workloads that may be briefly unavailable.',
    messages: {
      explicit: 'minReplicas is 1: in quiet periods the workload runs a single pod, with no redundancy during disruptions.',
      defaulted: 'minReplicas is not set, so it defaults to 1: in quiet periods the workload runs a single pod, with no redundancy during disruptions.',
    },
    examples: {
      invalid: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 1
  maxReplicas: 10
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
        const hpa = hpaViewOf(object);
        if (!hpa || hpa.minReplicas !== 1) return;
        if (hpa.minReplicasNode) {
          context.report({ at: hpa.minReplicasNode, messageId: 'explicit' });
          return;
        }
        // A default has no node of its own: the `spec` key is where minReplicas belongs, and it keeps
        // the finding off metadata.name, which other rules use for the object as a whole.
        const spec = getPair(object.root, 'spec');
        if (spec && hpa.spec) context.report({ at: spec, messageId: 'defaulted' });
      },
    };
  },
});
