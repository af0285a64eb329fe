/** Reports PodDisruptionBudgets that allow no voluntary disruption at all. */
import { defineRule } from '../types';
import { isPdb, pdbViewOf } from '../../k8s/pdb';
import { describeObject, listOf, podCandidates, scaleOf, together } from '../../k8s/relations';

export default defineRule({
  meta: {
    id: 'pdb-blocks-eviction',
    category: 'availability',
    defaultSeverity: 'warning',
    summary: 'A PodDisruptionBudget allows no pod to be evicted.',
    rationale:
      'A budget that keeps every pod (`maxUnavailable: 0`, `minAvailable: 100%`, or a minAvailable at or above the replica count) makes the eviction API refuse every request. Node drains then hang until someone deletes pods by hand, node upgrades stall, and the cluster autoscaler can never remove the nodes these pods run on, so the cluster cannot scale down.',
    remediation: 'Allow at least one disruption: use `maxUnavailable: 1` (or a percentage), or set minAvailable below the number of replicas, and run enough replicas for that margin.',
    messages: {
      zeroUnavailable: 'maxUnavailable {{value}} allows no eviction: node drains and cluster-autoscaler scale-down stall on these pods.',
      allAvailable: 'minAvailable 100% allows no eviction: node drains and cluster-autoscaler scale-down stall on these pods.',
      atReplicas: 'minAvailable {{value}} covers {{pods}} of {{workloads}}: no eviction is allowed, so node drains and cluster-autoscaler scale-down stall.',
    },
    needsIndex: true,
    examples: {
      invalid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: app
          image: registry.example.com/app:1.4.2
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 2
  selector:
    matchLabels:
      app: web
`,
      valid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: app
          image: registry.example.com/app:1.4.2
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 2
  selector:
    matchLabels:
      app: web
`,
    },
  },
  create(context) {
    return {
      object(object) {
        if (!isPdb(object)) return;
        const pdb = pdbViewOf(object);
        const { maxUnavailable, minAvailable } = pdb ?? {};
        if (maxUnavailable) {
          if (maxUnavailable.value === 0) context.report({ at: maxUnavailable.node, messageId: 'zeroUnavailable', data: { value: maxUnavailable.text } });
          return;
        }
        if (!minAvailable) return;
        if (minAvailable.percent) {
          if (minAvailable.value >= 100) {
            context.report({ at: minAvailable.node, messageId: 'allAvailable' });
            return;
          }
        }
        const index = context.index;
        const selects = pdb?.selects;
        const selector = pdb?.selector;
        if (!index || !selects || !selector) return;
        const self = context.self;
        if (!self) return;
        const selected = podCandidates(index, selector).filter(({ entry, podSpec }) => together(entry, self) && selects(podSpec.labels));
        if (selected.length === 0) return;
        let pods = 0;
        for (const { entry } of selected) {
          // At low load an autoscaled workload runs its minReplicas: that is when drains need the margin.
          const scale = scaleOf(index, entry);
          if (!scale) return;
          pods += scale.min;
        }
        const keep = minAvailable.percent ? Math.ceil((minAvailable.value * pods) / 100) : minAvailable.value;
        if (pods === 0 || keep < pods) return;
        const workloads = selected.map(({ entry }) => {
          const scale = scaleOf(index, entry);
          return `${describeObject(entry.object)}${scale?.hpa ? ` (at its HorizontalPodAutoscaler's minReplicas ${scale.min})` : ''}`;
        });
        context.report({ at: minAvailable.node, messageId: 'atReplicas', data: { value: minAvailable.text, pods: pods === 1 ? 'the only pod' : `all ${pods} pods`, workloads: listOf(workloads) } });
      },
    };
  },
});
