/** Reports workloads that set spec.replicas while a HorizontalPodAutoscaler manages their scale. */
import { defineRule } from '../types';
import { hpasFor, nameList } from '../../k8s/relations';
import { getMap, getPair, scalarNumber, scalarSource } from '../../yaml/nodes';

const KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

export default defineRule({
  meta: {
    id: 'hpa-replicas-conflict',
    category: 'autoscaling',
    defaultSeverity: 'warning',
    summary: 'A workload sets spec.replicas while a HorizontalPodAutoscaler manages its scale.',
    rationale:
      'Once an autoscaler owns a workload\'s scale, a `replicas` in the manifest fights it: every `kubectl apply` or GitOps sync resets the replica count to the written number, so a deployment during a traffic peak can drop most of the pods the autoscaler had added, until it scales up again minutes later.',
    remediation: 'Remove `spec.replicas` from the workload and let the autoscaler\'s minReplicas set the floor; the quick fix deletes the line, and is only a suggestion (fix-all and `--fix` never apply it) because of what follows. For a workload that already runs and is applied with client-side `kubectl apply`, first drop the field from the last-applied configuration (`kubectl apply edit-last-applied`), or the first apply without it resets the workload to one replica.',
    messages: { conflict: 'HorizontalPodAutoscaler {{hpas}} manages the replicas of this {{kind}}: every apply resets them to {{replicas}}.' },
    // A suggestion, never applied by fix-all or --fix: with client-side apply, the first apply
    // without `replicas` resets a running workload to one pod.
    fixable: 'suggestion',
    needsIndex: true,
    examples: {
      invalid: `apiVersion: apps/v1
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
          resources:
            requests:
              cpu: 250m
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 3
  maxReplicas: 10
`,
      valid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
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
          resources:
            requests:
              cpu: 250m
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 3
  maxReplicas: 10
`,
    },
  },
  create(context) {
    return {
      object(object) {
        const index = context.index;
        const spec = getMap(object.root, 'spec');
        const pair = getPair(spec, 'replicas');
        if (!index || !spec || !pair || !KINDS.has(object.kind) || !['apps', 'extensions'].includes(object.group)) return;
        // Zero replicas switch the autoscaler off on purpose (scaled to zero): applying it again is meant.
        if (scalarNumber(pair.value) === 0) return;
        const self = context.self;
        const hpas = self ? hpasFor(index, self) : [];
        if (hpas.length === 0) return;
        context.report({
          at: pair,
          messageId: 'conflict',
          data: { hpas: nameList(hpas.map(({ entry }) => entry.object.name ?? '(unnamed)')), kind: object.kind, replicas: scalarSource(pair.value) ?? '?' },
          fix: (fixer) => {
            const edit = fixer.removePair(spec, pair);
            return edit && { title: 'Remove replicas (the autoscaler sets the scale; drop it from last-applied first, or the next apply scales to 1)', kind: 'suggestion', edits: [edit] };
          },
        });
      },
    };
  },
});
