/** Reports HorizontalPodAutoscalers that share their target with another HorizontalPodAutoscaler. */
import { defineRule } from '../types';
import { hpaViewOf } from '../../k8s/hpa';
import { hpasByTarget, nameList, sameEntry, together } from '../../k8s/relations';
import { getNode } from '../../yaml/nodes';

export default defineRule({
  meta: {
    id: 'hpa-multiple-autoscalers',
    category: 'autoscaling',
    defaultSeverity: 'error',
    summary: 'Two HorizontalPodAutoscalers target the same workload.',
    rationale:
      'Each autoscaler computes its own replica count and writes it to the same scale subresource, so the workload flaps between their answers on every sync. Newer controllers detect the overlap and stop both (`AmbiguousSelector`), which leaves the workload without any autoscaling.',
    remediation: 'Keep one autoscaler per workload and merge the metrics of the others into it: with several metrics, the controller uses the largest recommendation.',
    messages: { multiple: 'HorizontalPodAutoscaler {{others}} also targets {{kind}} "{{name}}": the autoscalers fight over its scale.' },
    needsIndex: true,
    examples: {
      invalid: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web-cpu
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 10
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web-memory
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
        name: memory
        target:
          type: Utilization
          averageUtilization: 80
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
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: 80
`,
    },
  },
  create(context) {
    return {
      object(object) {
        const hpa = hpaViewOf(object);
        const index = context.index;
        const { kind, name } = hpa?.scaleTargetRef ?? {};
        const nameNode = getNode(hpa?.scaleTargetRef.node, 'name');
        if (!index || !kind || !name || !nameNode) return;
        const self = context.self;
        if (!self) return;
        const others = (hpasByTarget(index.ofKind('HorizontalPodAutoscaler')).get(`${kind}/${name}`) ?? [])
          .map(({ entry }) => entry)
          .filter((entry) => !sameEntry(entry, self) && together(entry, self));
        if (others.length === 0) return;
        context.report({ at: nameNode, messageId: 'multiple', data: { others: nameList(others.map((entry) => entry.object.name ?? '(unnamed)')), kind, name } });
      },
    };
  },
});
