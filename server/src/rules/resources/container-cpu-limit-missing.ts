/** Reports containers without a CPU limit (informational by default: CPU limits are a trade-off). */
import { defineRule } from '../types';
import { defaultingLimitRange, limitRangeTargetOf } from '../../k8s/limit-range';
import { getNode } from '../../yaml/nodes';
import { addResourcesFix } from './add-resources-fix';

export default defineRule({
  meta: {
    id: 'container-cpu-limit-missing',
    category: 'resources',
    defaultSeverity: 'info',
    summary: 'A container has no CPU limit.',
    rationale:
      'Without a CPU limit a busy container may use every idle core on its node, which makes its speed depend on its neighbours and hides under-sized requests until the node fills up. With a limit, it is throttled instead, which can add latency. Many teams prefer requests only; this rule is informational so that the choice is deliberate.',
    remediation: 'Set `resources.limits.cpu` if the workload should be capped (the quick fix inserts the configured CPU limit default, or 1 core, never below the request; fix-all and `--fix` apply it only when `defaults.cpuLimit` is configured), or turn this rule off if your policy is to run without CPU limits.',
    messages: { missing: 'Container "{{container}}" has no CPU limit.' },
    // The 1-core fallback is a guess, so only a configured CPU limit makes the fix safe.
    fixable: 'suggestion',
    safeWhenDefaultSet: 'cpuLimit',
    needsIndex: true,
    reportsAbsence: true,
    examples: {
      invalid: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.4.2\n          resources:\n            requests:\n              cpu: 250m\n',
      valid: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.4.2\n          resources:\n            requests:\n              cpu: 250m\n            limits:\n              cpu: "1"\n',
    },
  },
  create(context) {
    return {
      container(container) {
        if (getNode(container.limits, 'cpu') !== undefined) return;
        // A LimitRange default limit fills the gap when the pod is admitted.
        if (defaultingLimitRange(context.index, limitRangeTargetOf(context.self, container.podSpec.object), 'limits', 'cpu')) return;
        context.report({
          at: container.anchor,
          messageId: 'missing',
          data: { container: container.name ?? '(unnamed)' },
          fix: (fixer) => addResourcesFix(container, context.defaults, fixer, true),
        });
      },
    };
  },
});
