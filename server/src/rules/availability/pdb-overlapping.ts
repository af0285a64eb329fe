/** Reports PodDisruptionBudgets that cover pods another PodDisruptionBudget covers too. */
import { defineRule } from '../types';
import { isPdb, pdbViewOf } from '../../k8s/pdb';
import { describeObject, listOf, nameList, podCandidates, sameEntry, together } from '../../k8s/relations';

export default defineRule({
  meta: {
    id: 'pdb-overlapping',
    category: 'availability',
    defaultSeverity: 'warning',
    summary: 'A pod template is covered by more than one PodDisruptionBudget.',
    rationale:
      'The eviction API refuses to evict a pod that more than one budget covers, whatever the budgets allow. Those pods can then only be removed by force: node drains, node upgrades and cluster-autoscaler scale-down stall on them, often unnoticed until a maintenance window.',
    remediation: 'Make the budgets\' selectors disjoint, for example by adding a label that tells the workloads apart, or merge them into one budget.',
    messages: { overlapping: 'PodDisruptionBudget {{others}} also covers the pods of {{workloads}}: the eviction API refuses to evict pods under two budgets.' },
    needsIndex: true,
    examples: {
      invalid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 3
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
        tier: backend
    spec:
      containers:
        - name: api
          image: registry.example.com/api:2.0.1
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: api
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: api
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: backend
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      tier: backend
`,
      valid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 3
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
        tier: backend
    spec:
      containers:
        - name: api
          image: registry.example.com/api:2.0.1
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: api
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: api
`,
    },
  },
  create(context) {
    return {
      object(object) {
        const index = context.index;
        const pdb = isPdb(object) ? pdbViewOf(object) : undefined;
        const selects = pdb?.selects;
        const selector = pdb?.selector;
        if (!index || !pdb?.selectorPair || !selects || !selector) return;
        const self = context.self;
        if (!self) return;
        const others = index.ofKind('PodDisruptionBudget').flatMap((entry) => {
          const view = !sameEntry(entry, self) && together(entry, self) ? pdbViewOf(entry.object) : undefined;
          return view?.selects ? [{ entry, selects: view.selects }] : [];
        });
        if (others.length === 0) return;
        const overlapping = new Set<string>();
        const workloads: string[] = [];
        for (const { entry, podSpec } of podCandidates(index, selector)) {
          if (!together(entry, self) || !selects(podSpec.labels)) continue;
          const also = others.filter((other) => other.selects(podSpec.labels));
          if (also.length === 0) continue;
          also.forEach((other) => overlapping.add(other.entry.object.name ?? '(unnamed)'));
          workloads.push(describeObject(entry.object));
        }
        if (workloads.length === 0) return;
        context.report({ at: pdb.selectorPair, messageId: 'overlapping', data: { others: nameList([...overlapping]), workloads: listOf(workloads) } });
      },
    };
  },
});
