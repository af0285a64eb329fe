/** Reports containers without a memory limit. */
import { defineRule } from '../types';
import { defaultingLimitRange, limitRangeTargetOf } from '../../k8s/limit-range';
import { getNode } from '../../yaml/nodes';
import { addResourcesFix } from './add-resources-fix';

export default defineRule({
  meta: {
    id: 'container-memory-limit-missing',
    category: 'resources',
    defaultSeverity: 'warning',
    summary: 'A container has no memory limit.',
    rationale:
      'Memory cannot be throttled, only reclaimed. A container without a limit can grow until the node runs out, and then the kernel kills processes on that node: often not the one that leaked. With a limit, the leaking container is the one restarted.',
    remediation: 'Set `resources.limits.memory`, usually equal to or a little above the memory request; the quick fix inserts the configured default, never below the request.',
    messages: { missing: 'Container "{{container}}" has no memory limit.' },
    fixable: 'safe',
    needsIndex: true,
    reportsAbsence: true,
    examples: {
      invalid: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.4.2\n          resources:\n            requests:\n              memory: 256Mi\n',
      valid: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.4.2\n          resources:\n            requests:\n              memory: 256Mi\n            limits:\n              memory: 256Mi\n',
    },
  },
  create(context) {
    return {
      container(container) {
        if (getNode(container.limits, 'memory') !== undefined) return;
        // A LimitRange default limit fills the gap when the pod is admitted.
        if (defaultingLimitRange(context.index, limitRangeTargetOf(context.self, container.podSpec.object), 'limits', 'memory')) return;
        context.report({
          at: container.anchor,
          messageId: 'missing',
          data: { container: container.name ?? '(unnamed)' },
          fix: (fixer) => addResourcesFix(container, context.defaults, fixer),
        });
      },
    };
  },
});
