/** Reports containers that do not request both CPU and memory. */
import { defineRule } from '../types';
import { defaultingLimitRange, limitRangeTargetOf } from '../../k8s/limit-range';
import { getNode } from '../../yaml/nodes';
import { addResourcesFix } from './add-resources-fix';

export default defineRule({
  meta: {
    id: 'container-requests-missing',
    category: 'resources',
    defaultSeverity: 'warning',
    summary: 'A container does not request CPU and memory.',
    rationale:
      'The scheduler places pods by their requests. A container without them is treated as needing nothing, so nodes get packed beyond what they can run: under load such pods starve their neighbours, are the first to be evicted, and an autoscaler cannot compute CPU or memory utilisation for them at all.',
    remediation: 'Set `resources.requests.cpu` and `resources.requests.memory` to what the container uses under normal load; the quick fix inserts the configured defaults.',
    messages: { missing: 'Container "{{container}}" has no {{missing}} request.' },
    fixable: 'safe',
    needsIndex: true,
    reportsAbsence: true,
    examples: {
      invalid: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.4.2\n',
      valid: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.4.2\n          resources:\n            requests:\n              cpu: 250m\n              memory: 256Mi\n',
    },
  },
  create(context) {
    return {
      container(container) {
        const target = limitRangeTargetOf(context.self, container.podSpec.object);
        // A request is effectively set when a limit is (the API copies the limit into the request)
        // or when a LimitRange in the namespace supplies a default.
        const missing = ['cpu', 'memory'].filter(
          (resource) =>
            getNode(container.requests, resource) === undefined &&
            getNode(container.limits, resource) === undefined &&
            !defaultingLimitRange(context.index, target, 'requests', resource),
        );
        if (missing.length === 0) return;
        context.report({
          at: container.anchor,
          messageId: 'missing',
          data: { container: container.name ?? '(unnamed)', missing: missing.map((resource) => (resource === 'cpu' ? 'CPU' : resource)).join(' or ') },
          fix: (fixer) => addResourcesFix(container, context.defaults, fixer),
        });
      },
    };
  },
});
