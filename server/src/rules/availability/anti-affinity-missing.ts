/** Reports replicated workloads that do nothing to keep their replicas on different nodes. */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { defineRule } from '../types';
import { hpasFor } from '../../k8s/relations';
import { matches, parseLabelSelector } from '../../k8s/selectors';
import { podSpecOf, type PodSpecView } from '../../k8s/workloads';
import type { IndexedObject, WorkspaceIndexView } from '../../index/types';
import { asMap, asSeq, getIn, getMap, getNode, scalarNumber, scalarString } from '../../yaml/nodes';

/** Kinds whose `spec.replicas` counts interchangeable pods (DaemonSets already run one per node). */
const REPLICATED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

export default defineRule({
  meta: {
    id: 'anti-affinity-missing',
    category: 'availability',
    defaultSeverity: 'info',
    // Judged on whole objects only: a Kustomize patch may leave the field to its base.
    reportsAbsence: true,
    summary: 'A workload runs several replicas (by its replica count or its autoscaler\'s minimum) without pod anti-affinity or topology spread constraints that select its own pods.',
    rationale:
      'The scheduler favours nodes with free capacity and only softly spreads replicas by default, so nothing prevents all of them from landing on the same node or zone. Then one node failure, drain or zone outage takes down every replica at once, and the replica count bought no redundancy at all. A term or constraint only spreads the pods its labelSelector selects, in the namespaces it names: without a labelSelector, or with one that misses the workload\'s own pods or namespace, it spreads nothing.',
    remediation:
      'Add `topologySpreadConstraints` over `kubernetes.io/hostname` (and `topology.kubernetes.io/zone` for zone redundancy) with a labelSelector matching the pod labels, or a `podAntiAffinity` rule; prefer `whenUnsatisfiable: ScheduleAnyway` or preferred anti-affinity unless spreading is a hard requirement.',
    messages: {
      unspread: '{{kind}} "{{name}}" runs {{replicas}} with no podAntiAffinity or topologySpreadConstraints: all of them may land on one node.',
      spreadsNothing: '{{kind}} "{{name}}" runs {{replicas}}, but none of its podAntiAffinity terms or topologySpreadConstraints selects its own pods in its namespace (a missing labelSelector, a selector that misses the pod labels, or other namespaces): all of them may land on one node.',
    },
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
        if (!podSpec) return;
        const spread = spreadOf(podSpec, object.namespace);
        if (spread === 'effective') return;
        // An absent replicas means 1, or an autoscaler owns the count: then the HPA's minimum is the claim.
        const replicasNode = getIn(object.root, ['spec', 'replicas']);
        const written = scalarNumber(replicasNode);
        let replicas: string;
        let at: Node | undefined;
        if (replicasNode && written !== undefined && written > 1) [replicas, at] = [`${written} replicas`, replicasNode];
        else {
          // Looked up only here, so workloads with a written count do not depend on every HPA edit.
          const minimum = minimumFromHpa(context.index, context.self);
          if (!minimum) return;
          [replicas, at] = [`at least ${minimum.min} replicas (HorizontalPodAutoscaler "${minimum.hpa}")`, replicasNode ?? object.nameNode];
        }
        if (!at) return;
        context.report({ at, messageId: spread === 'none' ? 'unspread' : 'spreadsNothing', data: { kind: object.kind, name: object.name ?? '(unnamed)', replicas } });
      },
    };
  },
});

/** The HPA that certainly drives the workload, when its minReplicas is 2 or more. */
function minimumFromHpa(index: WorkspaceIndexView | undefined, self: IndexedObject | undefined): { min: number; hpa: string } | undefined {
  if (!index || !self) return undefined;
  const driving = hpasFor(index, self);
  if (driving.length !== 1) return undefined;
  const { entry, hpa } = driving[0]!;
  return hpa.minReplicas >= 2 ? { min: hpa.minReplicas, hpa: entry.object.name ?? '(unnamed)' } : undefined;
}

type Spread = 'effective' | 'ineffective' | 'none';

/**
 * Whether the pod spec spreads its own pods: some anti-affinity term or spread constraint must select
 * them (in their own namespace). Shapes we cannot read (aliases, scalars) get the benefit of the doubt.
 */
function spreadOf(podSpec: PodSpecView, namespace: string | undefined): Spread {
  const antiAffinity = getNode(getMap(podSpec.spec, 'affinity'), 'podAntiAffinity');
  const constraints = getNode(podSpec.spec, 'topologySpreadConstraints');
  if (!isSet(antiAffinity) && !isSet(constraints)) return 'none';
  if ((isSet(antiAffinity) && !isMap(antiAffinity)) || (isSet(constraints) && !isSeq(constraints))) return 'effective';
  const terms: Node[] = [];
  if (isMap(antiAffinity)) {
    for (const key of ['requiredDuringSchedulingIgnoredDuringExecution', 'preferredDuringSchedulingIgnoredDuringExecution']) {
      const list = getNode(antiAffinity, key);
      if (list === undefined || !isSet(list)) continue;
      if (!isSeq(list)) return 'effective';
      for (const item of list.items as Node[]) {
        // Preferred entries wrap the term in `podAffinityTerm`.
        terms.push(key.startsWith('preferred') ? (getNode(asMap(item), 'podAffinityTerm') ?? item) : item);
      }
    }
  }
  if (terms.some((term) => selectsOwnPods(term, podSpec.labels) && coversOwnNamespace(term, namespace))) return 'effective';
  const spreadItems = isSeq(constraints) ? (constraints.items as Node[]) : [];
  if (spreadItems.some((item) => selectsOwnPods(item, podSpec.labels))) return 'effective';
  return 'ineffective';
}

/** A term or constraint without `labelSelector` selects no pods; one we cannot read may select them. */
function selectsOwnPods(item: Node, labels: Readonly<Record<string, string>>): boolean {
  const map = asMap(item);
  if (!map) return true;
  const selectorNode = getNode(map, 'labelSelector');
  if (selectorNode === undefined || (isScalar(selectorNode) && selectorNode.value === null)) return false;
  const selector = parseLabelSelector(selectorNode);
  return selector === undefined || matches(selector, labels);
}

/**
 * Whether an anti-affinity term applies in the workload's namespace: by default it does; a
 * `namespaces` list or a `namespaceSelector` replaces that with the namespaces they name. The only
 * label known of a namespace is `kubernetes.io/metadata.name`. An unknown namespace gets the doubt.
 */
function coversOwnNamespace(term: Node, namespace: string | undefined): boolean {
  const map = asMap(term);
  if (!map) return true;
  const listNode = getNode(map, 'namespaces');
  const selectorNode = getNode(map, 'namespaceSelector');
  const hasList = isSet(listNode);
  const hasSelector = selectorNode !== undefined && !(isScalar(selectorNode) && selectorNode.value === null);
  if (!hasList && !hasSelector) return true;
  if (namespace === undefined) return true;
  if (hasList) {
    const list = asSeq(listNode);
    if (!list || list.items.some((item) => scalarString(item) === undefined || scalarString(item) === namespace)) return true;
  }
  if (hasSelector) {
    const selector = parseLabelSelector(selectorNode);
    if (!selector || matches(selector, { 'kubernetes.io/metadata.name': namespace })) return true;
  }
  return false;
}

/** Null and empty collections configure nothing; anything else (an alias included) gets the benefit of the doubt. */
function isSet(node: Node | undefined): boolean {
  if (node === undefined || (isScalar(node) && node.value === null)) return false;
  return !(isMap(node) || isSeq(node)) || node.items.length > 0;
}
