/** Reports HorizontalPodAutoscalers whose floor and ceiling are the same, so they never scale. */
import { defineRule } from '../types';
import { hpaViewOf } from '../../k8s/hpa';

export default defineRule({
  meta: {
    id: 'hpa-min-equals-max',
    category: 'autoscaling',
    defaultSeverity: 'info',
    summary: 'A HorizontalPodAutoscaler has minReplicas equal to maxReplicas, so it never scales.',
    rationale:
      'With the floor equal to the ceiling the autoscaler can only hold the replica count where it is: load spikes get no extra pods and quiet hours keep paying for all of them. It still runs and takes ownership of the replica count, which hides that autoscaling is effectively off.',
    remediation: 'Raise maxReplicas to the most replicas the workload (and its dependencies) can serve, or remove the autoscaler and set the workload\'s replicas directly.',
    messages: { noRange: 'minReplicas and maxReplicas are both {{replicas}}: this autoscaler can never change the replica count.' },
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
  minReplicas: 3
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
  maxReplicas: 12
`,
    },
  },
  create(context) {
    return {
      object(object) {
        const hpa = hpaViewOf(object);
        // A missing minReplicas is 1, so `maxReplicas: 1` alone is reported too.
        if (!hpa?.maxReplicasNode || hpa.maxReplicas !== hpa.minReplicas) return;
        context.report({ at: hpa.maxReplicasNode, messageId: 'noRange', data: { replicas: hpa.maxReplicas } });
      },
    };
  },
});
