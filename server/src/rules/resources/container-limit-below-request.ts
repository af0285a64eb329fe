/** Reports a resource limit below the container's request for the same resource (the API rejects it). */
import { defineRule } from '../types';
import { parseQuantity } from '../../k8s/quantity';
import type { Node } from 'yaml';
import { getNode, scalarSource } from '../../yaml/nodes';

export default defineRule({
  meta: {
    id: 'container-limit-below-request',
    category: 'resources',
    defaultSeverity: 'error',
    summary: 'A resource limit is lower than the request for the same resource.',
    rationale:
      'The API server refuses a container whose limit is below its request, so the apply fails, often only at deploy time in a pipeline. When the two were meant to match, one of them was usually edited and the other forgotten.',
    remediation: 'Raise the limit to at least the request, or lower the request; the quick fix sets the limit equal to the request.',
    messages: { below: 'The {{resource}} limit {{limit}} of container "{{container}}" is below its request {{request}}; the API will reject this.' },
    fixable: 'suggestion',
    examples: {
      invalid: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.4.2\n          resources:\n            requests:\n              memory: 512Mi\n            limits:\n              memory: 256Mi\n',
      valid: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.4.2\n          resources:\n            requests:\n              memory: 256Mi\n            limits:\n              memory: 512Mi\n',
    },
  },
  create(context) {
    return {
      container(container) {
        if (!container.requests || !container.limits) return;
        for (const item of container.limits.items) {
          const resource = scalarSource(item.key);
          if (resource === undefined) continue;
          const limitNode = item.value as Node | null;
          const requestNode = getNode(container.requests, resource);
          const limitText = scalarSource(limitNode);
          const requestText = scalarSource(requestNode);
          if (limitText === undefined || requestText === undefined || !limitNode || !requestNode) continue;
          const limit = parseQuantity(limitText);
          const request = parseQuantity(requestText);
          if (!limit.ok || !request.ok || limit.quantity.value >= request.quantity.value) continue;
          context.report({
            at: limitNode,
            messageId: 'below',
            data: { resource, limit: limitText, request: requestText, container: container.name ?? '(unnamed)' },
            fix: (fixer) => {
              const edit = fixer.replaceScalar(limitNode, requestText);
              return edit && { title: `Set the ${resource} limit to the request (${requestText})`, kind: 'suggestion', edits: [edit] };
            },
          });
        }
      },
    };
  },
});
