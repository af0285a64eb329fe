/** Reports HorizontalPodAutoscalers whose minReplicas is above their maxReplicas. */
import { defineRule } from '../types';
import { hpaViewOf } from '../../k8s/hpa';
import { scalarSource } from '../../yaml/nodes';

export default defineRule({
  meta: {
    id: 'hpa-min-exceeds-max',
    category: 'autoscaling',
    defaultSeverity: 'error',
    summary: 'A HorizontalPodAutoscaler has minReplicas greater than maxReplicas.',
    rationale:
      'The API server rejects an autoscaler whose floor is above its ceiling, so the apply fails and the workload keeps whatever replica count it had: usually the two numbers were simply written the wrong way round, and the capacity planned for peak load never arrives.',
    remediation: 'Swap the two values so that minReplicas is the floor and maxReplicas the ceiling; the quick fix does exactly that.',
    messages: { minAboveMax: 'minReplicas ({{min}}) is greater than maxReplicas ({{max}}); the API server rejects this autoscaler.' },
    fixable: 'safe',
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
  minReplicas: 10
  maxReplicas: 3
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
  minReplicas: 3
  maxReplicas: 10
`,
    },
  },
  create(context) {
    return {
      object(object) {
        const hpa = hpaViewOf(object);
        const minNode = hpa?.minReplicasNode;
        const maxNode = hpa?.maxReplicasNode;
        // Only a written minReplicas can exceed a valid ceiling: the default (1) never does.
        if (!hpa || !minNode || !maxNode || hpa.maxReplicas === undefined || hpa.minReplicas <= hpa.maxReplicas) return;
        context.report({
          at: minNode,
          messageId: 'minAboveMax',
          data: { min: hpa.minReplicas, max: hpa.maxReplicas },
          // Swapping two scalars is safe even in flow style: nothing but the two numbers changes.
          fix: (fixer) => {
            const minText = scalarSource(minNode);
            const maxText = scalarSource(maxNode);
            const toMin = maxText === undefined ? undefined : fixer.replaceNode(minNode, maxText);
            const toMax = minText === undefined ? undefined : fixer.replaceNode(maxNode, minText);
            return toMin && toMax ? { title: 'Swap minReplicas and maxReplicas', kind: 'safe', edits: [toMin, toMax] } : undefined;
          },
        });
      },
    };
  },
});
