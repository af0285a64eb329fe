/** Reports VerticalPodAutoscaler container policies whose minAllowed is above their maxAllowed. */
import { defineRule } from '../types';
import { parseQuantity } from '../../k8s/quantity';
import { asMap, getIn, getMap, getNode, getSeq, scalarSource, scalarString } from '../../yaml/nodes';

const RESOURCES = ['cpu', 'memory'] as const;

export default defineRule({
  meta: {
    id: 'vpa-min-exceeds-max',
    category: 'autoscaling',
    defaultSeverity: 'error',
    summary: 'A VerticalPodAutoscaler container policy allows a minimum above its maximum.',
    rationale:
      'The recommender clamps each recommendation between minAllowed and maxAllowed; with the bounds crossed there is no valid value, and which bound wins depends on the implementation. Pods can be recreated with requests far from what they use, across every replica at once, which either wastes capacity or starves the workload.',
    remediation: 'Make minAllowed at most maxAllowed for each resource, usually by swapping the two values.',
    messages: { minAboveMax: 'minAllowed {{resource}} ({{min}}) is greater than maxAllowed {{resource}} ({{max}}) for container "{{container}}".' },
    examples: {
      invalid: `apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: web
spec:
  targetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  resourcePolicy:
    containerPolicies:
      - containerName: app
        minAllowed:
          memory: 2Gi
        maxAllowed:
          memory: 512Mi
`,
      valid: `apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: web
spec:
  targetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  resourcePolicy:
    containerPolicies:
      - containerName: app
        minAllowed:
          memory: 512Mi
        maxAllowed:
          memory: 2Gi
`,
    },
  },
  create(context) {
    return {
      object(object) {
        if (object.kind !== 'VerticalPodAutoscaler' || object.group !== 'autoscaling.k8s.io') return;
        const policies = getSeq(asMap(getIn(object.root, ['spec', 'resourcePolicy'])), 'containerPolicies');
        for (const item of policies?.items ?? []) {
          const policy = asMap(item);
          const min = getMap(policy, 'minAllowed');
          const max = getMap(policy, 'maxAllowed');
          for (const resource of RESOURCES) {
            const minNode = getNode(min, resource);
            const maxNode = getNode(max, resource);
            const minText = scalarSource(minNode);
            const maxText = scalarSource(maxNode);
            if (!minNode || minText === undefined || maxText === undefined) continue;
            const minValue = parseQuantity(minText);
            const maxValue = parseQuantity(maxText);
            // Malformed quantities are invalid-quantity's to report; comparing them would guess.
            if (!minValue.ok || !maxValue.ok || minValue.quantity.value <= maxValue.quantity.value) continue;
            context.report({
              at: minNode,
              messageId: 'minAboveMax',
              data: { resource, min: minText, max: maxText, container: scalarString(getNode(policy, 'containerName')) ?? '(unnamed)' },
            });
          }
        }
      },
    };
  },
});
