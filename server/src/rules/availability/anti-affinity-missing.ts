/** Reports replicated workloads that do nothing to keep their replicas on different nodes. */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { defineRule } from '../types';
import { podSpecOf } from '../../k8s/workloads';
import { getIn, getMap, getNode, scalarNumber } from '../../yaml/nodes';

/** Kinds whose `spec.replicas` counts interchangeable pods (DaemonSets already run one per node). */
const REPLICATED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

export default defineRule({
  meta: {
    id: 'anti-affinity-missing',
    category: 'availability',
    defaultSeverity: 'info',
    // Judged on whole objects only: a Kustomize patch may leave the field to its base.
    reportsAbsence: true,
    summary: 'A workload runs several replicas without pod anti-affinity or topology spread constraints.',
    rationale:
      'The scheduler favours nodes with free capacity and only softly spreads replicas by default, so nothing prevents all of them from landing on the same node or zone. Then one node failure, drain or zone outage takes down every replica at once, and the replica count bought no redundancy at all.',
    remediation:
      'Add `topologySpreadConstraints` over `kubernetes.io/hostname` (and `topology.kubernetes.io/zone` for zone redundancy) with a labelSelector matching the pod labels, or a `podAntiAffinity` rule; prefer `whenUnsatisfiable: ScheduleAnyway` or preferred anti-affinity unless spreading is a hard requirement.',
    messages: { unspread: '{{kind}} "{{name}}" runs {{replicas}} replicas with no podAntiAffinity or topologySpreadConstraints: all of them may land on one node.' },
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
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app: web
      containers:
        - name: app
          image: registry.example.com/app:1.4.2
`,
    },
  },
  create(context) {
    return {
      object(object) {
        if (!REPLICATED_KINDS.has(object.kind)) return;
        const podSpec = podSpecOf(object);
        // An absent replicas means 1, or an autoscaler owns the count: neither is a claim of several replicas.
        const replicasNode = getIn(object.root, ['spec', 'replicas']);
        const replicas = scalarNumber(replicasNode);
        if (!podSpec || !replicasNode || replicas === undefined || replicas <= 1) return;
        if (isSet(getNode(getMap(podSpec.spec, 'affinity'), 'podAntiAffinity')) || isSet(getNode(podSpec.spec, 'topologySpreadConstraints'))) return;
        context.report({ at: replicasNode, messageId: 'unspread', data: { kind: object.kind, name: object.name ?? '(unnamed)', replicas } });
      },
    };
  },
});

/** Null and empty collections configure nothing; anything else (an alias included) gets the benefit of the doubt. */
function isSet(node: Node | undefined): boolean {
  if (node === undefined || (isScalar(node) && node.value === null)) return false;
  return !(isMap(node) || isSeq(node)) || node.items.length > 0;
}
