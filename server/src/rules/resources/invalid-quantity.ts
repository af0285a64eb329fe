/** Reports resource amounts the API would reject, and memory written in milli-bytes. */
import type { Node, YAMLMap } from 'yaml';
import type { ProposedFix, TextEdit } from '../../core/finding';
import { defineRule, type RuleContext } from '../types';
import { parseQuantity } from '../../k8s/quantity';
import { asMap, getIn, scalarSource } from '../../yaml/nodes';

type MessageId = 'malformed' | 'milliBytes';

export default defineRule<MessageId>({
  meta: {
    id: 'invalid-quantity',
    category: 'resources',
    defaultSeverity: 'error',
    summary: 'A resource amount is not a valid Kubernetes quantity, or uses a unit that is almost certainly a typo.',
    rationale:
      'Kubernetes accepts a number with an optional suffix (m for thousandths; k M G T P E; Ki Mi Gi Ti Pi Ei). Anything else is rejected when applied. The lowercase `m` is valid on memory but means thousandths of a byte, so `memory: 512m` asks for half a byte: the pod is scheduled as if it needed nothing and is killed as soon as it starts.',
    remediation: 'Write the amount as a number with a Kubernetes suffix, such as `500m` or `2` for CPU and `512Mi` or `1Gi` for memory.',
    messages: {
      malformed: '{{resource}} quantity "{{value}}" {{reason}}.',
      milliBytes: '{{resource}} "{{value}}" means {{amount}} thousandths of a byte (lowercase m is milli); did you mean "{{suggestion}}"?',
    },
    fixable: 'suggestion',
    examples: {
      invalid: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.4.2\n          resources:\n            requests:\n              memory: 512mb\n',
      valid: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.4.2\n          resources:\n            requests:\n              memory: 512Mi\n',
    },
  },
  create(context) {
    return {
      container(container) {
        for (const section of [container.requests, container.limits]) checkAmounts(context, section);
      },
      object(object) {
        // Storage amounts of claims: a PVC's own request and a StatefulSet's claim templates.
        if (object.kind === 'PersistentVolumeClaim') checkAmounts(context, asMap(getIn(object.root, ['spec', 'resources', 'requests'])));
        if (object.kind === 'StatefulSet') {
          const templates = getIn(object.root, ['spec', 'volumeClaimTemplates']);
          for (const template of (templates as { items?: unknown[] } | undefined)?.items ?? []) {
            checkAmounts(context, asMap(getIn(asMap(template), ['spec', 'resources', 'requests'])));
          }
        }
      },
    };
  },
});

function checkAmounts(context: RuleContext<MessageId>, section: YAMLMap | undefined): void {
  for (const item of section?.items ?? []) {
    const resource = scalarSource(item.key) ?? 'resource';
    const node = item.value as Node | null;
    const value = scalarSource(node);
    if (!node || value === undefined) continue;
    const parsed = parseQuantity(value);
    if (!parsed.ok) {
      const suggestion = suggestUnit(value);
      context.report({
        at: node,
        messageId: 'malformed',
        data: { resource, value, reason: parsed.reason },
        fix: suggestion ? (fixer) => replaceWith(fixer.replaceScalar(node, suggestion), suggestion) : undefined,
      });
    } else if (resource === 'memory' || resource === 'storage' || resource === 'ephemeral-storage') {
      if (parsed.quantity.suffix !== 'm') continue;
      const suggestion = value.replace(/m$/, 'Mi');
      context.report({
        at: node,
        messageId: 'milliBytes',
        severity: 'warning',
        data: { resource, value, amount: value.slice(0, -1), suggestion },
        fix: (fixer) => replaceWith(fixer.replaceScalar(node, suggestion), suggestion),
      });
    }
  }
}

function replaceWith(edit: TextEdit | undefined, value: string): ProposedFix | undefined {
  return edit && { title: `Change to ${value}`, kind: 'suggestion', edits: [edit] };
}

/** "512mb" → "512Mi", "1GB" → "1Gi", "2 Gi" → "2Gi": the unit people mean most of the time. */
function suggestUnit(value: string): string | undefined {
  const match = /^([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z]+)$/.exec(value.trim());
  if (!match) return undefined;
  const unit = { k: 'Ki', kb: 'Ki', kib: 'Ki', ki: 'Ki', mb: 'Mi', mib: 'Mi', mi: 'Mi', gb: 'Gi', gib: 'Gi', gi: 'Gi', tb: 'Ti', tib: 'Ti', ti: 'Ti' }[match[2]!.toLowerCase()];
  const candidate = unit && `${match[1]}${unit}`;
  return candidate && candidate !== value && parseQuantity(candidate).ok ? candidate : undefined;
}
