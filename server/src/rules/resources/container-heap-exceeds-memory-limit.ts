/** Reports JVM / Node.js heap settings that leave no room below the container's memory limit. */
import { isScalar, type Node } from 'yaml';
import { defineRule } from '../types';
import { findHeapFlags, rewriteHeapFlag } from '../../k8s/heap-flags';
import { parseQuantity } from '../../k8s/quantity';
import { asMap, getNode, getSeq, scalarSource } from '../../yaml/nodes';
import type { ContainerView } from '../../k8s/workloads';

/** At or above this share of the limit, the heap leaves too little for the runtime's other memory. */
const THRESHOLD = 0.9;
/** What the fix sets the heap to: a common safe share that leaves room for metaspace, threads and buffers. */
const TARGET = 0.75;

export default defineRule({
  meta: {
    id: 'container-heap-exceeds-memory-limit',
    category: 'resources',
    defaultSeverity: 'warning',
    summary: 'A JVM or Node.js heap setting is at or above 90% of the container memory limit.',
    rationale:
      'The heap is only part of a runtime\'s memory: a JVM also needs metaspace, thread stacks, code cache and direct buffers, and Node.js needs memory outside its old space. When the heap alone can reach the memory limit, the container is OOM-killed under load instead of collecting garbage, typically at peak traffic.',
    remediation: 'Keep the heap at about 75% of the memory limit (the quick fix does this), or raise the limit; for JVMs, prefer -XX:MaxRAMPercentage=75 so the heap follows the limit.',
    messages: { tooLarge: '{{flag}} sets the heap to {{heap}} of the {{limit}} memory limit of container "{{container}}"; the runtime needs memory beyond its heap.' },
    fixable: 'suggestion',
    examples: {
      invalid: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.4.2\n          env:\n            - name: JAVA_OPTS\n              value: "-Xmx1g"\n          resources:\n            limits:\n              memory: 1Gi\n',
      valid: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.4.2\n          env:\n            - name: JAVA_OPTS\n              value: "-XX:MaxRAMPercentage=75"\n          resources:\n            limits:\n              memory: 1Gi\n',
    },
  },
  create(context) {
    return {
      container(container) {
        const limitText = scalarSource(getNode(container.limits, 'memory'));
        const limit = limitText === undefined ? undefined : parseQuantity(limitText);
        if (!limit?.ok || limit.quantity.value <= 0) return;
        const bytes = limit.quantity.value;
        for (const node of commandLineScalars(container)) {
          const range = node.range;
          if (!range) continue;
          const raw = context.document.text.slice(range[0], range[1]);
          for (const flag of findHeapFlags(raw)) {
            const share = flag.kind === 'maxram-percentage' ? flag.amount / 100 : flag.amount / bytes;
            if (share < THRESHOLD) continue;
            const start = range[0] + flag.index;
            const replacement = rewriteHeapFlag(flag, flag.kind === 'maxram-percentage' ? TARGET * 100 : bytes * TARGET);
            context.report({
              at: { start, end: start + flag.text.length },
              messageId: 'tooLarge',
              data: { flag: flag.text, heap: `${Math.round(share * 100)}%`, limit: limitText ?? '', container: container.name ?? '(unnamed)' },
              fix: () => ({ title: `Set the heap to 75% of the limit (${replacement})`, kind: 'suggestion', edits: [{ start, end: start + flag.text.length, newText: replacement }] }),
            });
          }
        }
      },
    };
  },
});

/** Scalars that can carry runtime flags: command and args items, and environment variable values. */
function commandLineScalars(container: ContainerView): Node[] {
  const nodes: Node[] = [];
  for (const key of ['command', 'args']) for (const item of getSeq(container.node, key)?.items ?? []) if (isScalar(item)) nodes.push(item);
  for (const entry of getSeq(container.node, 'env')?.items ?? []) {
    const value = getNode(asMap(entry), 'value');
    if (isScalar(value)) nodes.push(value);
  }
  return nodes;
}
