/**
 * How objects found through the workspace index relate to each other: which ones certainly belong together, which workloads an autoscaler drives.
 *
 * Two scopes keep cross-object findings free of false positives on partial checkouts and on
 * repositories that hold several environments or projects side by side:
 *
 * - **Together** (for findings that claim a conflict between two objects): the same folder and the
 *   same namespace (both unset counts as the same). Two HPAs for "web" in `envs/dev/` and
 *   `envs/prod/` are applied to different places, so they are not a conflict.
 * - **Evidence** (for findings that claim something is missing by name): the claim is made only
 *   when the linted object's own file defines objects of the kind looked for, in a namespace that
 *   could match, and the name is found nowhere in the workspace. Folders are not enough: example
 *   folders and partial checkouts hold files whose companions (the Deployment of an HPA, the
 *   headless Service of a StatefulSet) were never copied, while a file that defines Deployments
 *   but not the one its HPA names is a real mistake.
 * - **Related** (for selectors that match nothing): a pod template in the same folder, in a
 *   namespace that could match, that is clearly meant (see service-selects-no-pods).
 */
import type { IndexedObject, WorkspaceIndexView } from '../index/types';
import { folderOf, namespacesMayMatch } from '../index/scope';
import { isMap, type Node } from 'yaml';
import { getMap, getNode } from '../yaml/nodes';
import { memoizeByObject } from '../core/memo';
import { POD_SELECTION, SERVICE_SELECTION } from '../index/facets';
import { hpaViewOf, type HpaMetric, type HpaView } from './hpa';
import type { K8sObject } from './objects';
import { matches, type LabelSelector } from './selectors';
import { serviceSelector } from './services';
import { podSpecOf, replicasOf, type PodSpecView } from './workloads';

export { REPLICATED_KINDS } from './workloads';
export { folderOf };

/** Anything with a place in the workspace: an indexed object. */
export interface Placed {
  readonly uri: string;
  readonly object: K8sObject;
}

/** True for two objects that are certainly applied to the same place: same folder, same namespace. */
export function together(a: Placed, b: Placed): boolean {
  return folderOf(a.uri) === folderOf(b.uri) && a.object.namespace === b.object.namespace;
}

/** True when `other` is evidence about what `self`'s file defines (same file, namespace could match). */
export function inEvidenceScope(self: Placed, other: Placed): boolean {
  return self.uri === other.uri && namespacesMayMatch(self.object.namespace, other.object.namespace);
}

/** True when `other` sits in `self`'s folder, in a namespace that could match. */
export function inFolderScope(self: Placed, other: Placed): boolean {
  return folderOf(self.uri) === folderOf(other.uri) && namespacesMayMatch(self.object.namespace, other.object.namespace);
}

/** Same entry (identity by file and position, since parses differ between the index and a lint). */
export function sameEntry(a: IndexedObject, b: IndexedObject): boolean {
  return a.uri === b.uri && a.offset === b.offset;
}

export interface PodObject {
  readonly entry: IndexedObject;
  readonly podSpec: PodSpecView;
}

/**
 * The objects of one `ofKind` list that have a pod spec. The index keeps a kind's list until an
 * object of that kind changes, so the list itself is the memo key.
 */
const podsOfList = memoizeByObject((entries: readonly IndexedObject[]): readonly PodObject[] =>
  entries.flatMap((entry) => {
    const podSpec = podSpecOf(entry.object);
    return podSpec ? [{ entry, podSpec }] : [];
  }),
);

/**
 * Every indexed object with a pod spec (the same array while no object of a pod kind changes).
 * The lookup depends on the pod-selection facet only: read nothing of these objects beyond their
 * identity, namespace, file, template labels and replicas (index/facets.ts), or look them up by
 * name too.
 */
export function podObjects(index: WorkspaceIndexView): readonly PodObject[] {
  return podsOfList(index.ofFacet(POD_SELECTION));
}

interface PodLabelIndex {
  /** Pods by `key=value` of their template labels. */
  readonly byPair: ReadonlyMap<string, readonly PodObject[]>;
  /** Pods by label key. */
  readonly byKey: ReadonlyMap<string, readonly PodObject[]>;
}

const labelIndexOf = memoizeByObject((pods: readonly PodObject[]): PodLabelIndex => {
  const byPair = new Map<string, PodObject[]>();
  const byKey = new Map<string, PodObject[]>();
  const add = (map: Map<string, PodObject[]>, key: string, pod: PodObject) => {
    const list = map.get(key);
    if (list) list.push(pod);
    else map.set(key, [pod]);
  };
  for (const pod of pods) {
    for (const [key, value] of Object.entries(pod.podSpec.labels)) {
      add(byPair, `${key}=${value}`, pod);
      add(byKey, key, pod);
    }
  }
  return { byPair, byKey };
});

/**
 * The pod objects that `selector` may select: every one it selects, and perhaps others, so callers
 * still test each candidate. A Service or PDB selector names a label or two, and a large
 * workspace holds hundreds of pod templates; narrowing through an inverted label index keeps each
 * lookup proportional to the pods that share a label rather than to all pods.
 */
export function podCandidates(index: WorkspaceIndexView, selector: LabelSelector): readonly PodObject[] {
  const pods = podObjects(index);
  const { byPair, byKey } = labelIndexOf(pods);
  let best: readonly PodObject[] = pods;
  for (const requirement of selector.requirements) {
    let narrowed: readonly PodObject[] | undefined;
    if (requirement.operator === 'In') {
      const lists = requirement.values.map((value) => byPair.get(`${requirement.key}=${value}`) ?? []);
      // Several values: keep the pods' order, which messages and hovers list workloads in.
      const union = lists.length === 1 ? undefined : new Set(lists.flat());
      narrowed = union ? pods.filter((pod) => union.has(pod)) : lists[0];
    } else if (requirement.operator === 'Exists') {
      narrowed = byKey.get(requirement.key) ?? [];
    }
    if (narrowed && narrowed.length < best.length) best = narrowed;
  }
  return best;
}

/** HorizontalPodAutoscalers that certainly drive `workload` (same folder and namespace, matching ref). */
export function hpasFor(index: WorkspaceIndexView, workload: Placed): { entry: IndexedObject; hpa: HpaView }[] {
  const targeting = hpasByTarget(index.ofKind('HorizontalPodAutoscaler')).get(`${workload.object.kind}/${workload.object.name ?? ''}`) ?? [];
  return workload.object.name === undefined ? [] : targeting.filter(({ entry }) => together(entry, workload));
}

/**
 * HPAs by the `Kind/name` their scaleTargetRef names, built once per HPA list (the index keeps a
 * kind's list until an HPA changes): every workload asks which HPAs drive it.
 */
export const hpasByTarget = memoizeByObject((entries: readonly IndexedObject[]): ReadonlyMap<string, readonly { entry: IndexedObject; hpa: HpaView }[]> => {
  const byTarget = new Map<string, { entry: IndexedObject; hpa: HpaView }[]>();
  for (const entry of entries) {
    const hpa = hpaViewOf(entry.object);
    const { kind, name } = hpa?.scaleTargetRef ?? {};
    if (!hpa || kind === undefined || name === undefined) continue;
    const key = `${kind}/${name}`;
    const list = byTarget.get(key);
    if (list) list.push({ entry, hpa });
    else byTarget.set(key, [{ entry, hpa }]);
  }
  return byTarget;
});

/** The fewest and most pods a workload runs: the HPA's range when one drives it, else its replicas. */
export function scaleOf(index: WorkspaceIndexView, workload: Placed): { min: number; max: number; hpa?: string } | undefined {
  const driven = hpasFor(index, workload).filter(({ hpa }) => hpa.maxReplicas !== undefined);
  if (driven.length === 1) {
    const { entry, hpa } = driven[0]!;
    return { min: hpa.minReplicas, max: hpa.maxReplicas!, hpa: entry.object.name ?? '(unnamed)' };
  }
  const replicas = replicasOf(workload.object);
  return replicas === undefined ? undefined : { min: replicas, max: replicas };
}

/**
 * The object a reference names (an HPA's scaleTargetRef, a VPA's targetRef): the single entry of
 * that kind and name that sits together with the referrer. Undefined when there is none, or more
 * than one, or when a Kustomize patch of that name exists (the manifest alone is not the object).
 */
export function resolveTogether(index: WorkspaceIndexView, from: Placed, kind: string, name: string): IndexedObject | undefined {
  const candidates = index.find(kind, name, from.object.namespace);
  if (candidates.some((entry) => index.isPatch(entry.uri))) return undefined;
  const close = candidates.filter((entry) => together(entry, from));
  return close.length === 1 ? close[0] : undefined;
}

/** Up to three names, quoted and joined, for messages. */
export function nameList(names: readonly string[]): string {
  return listOf(names.map((name) => `"${name}"`));
}

/** Up to three items, sorted and joined, with a count of the rest. */
export function listOf(items: readonly string[]): string {
  const unique = [...new Set(items)].sort();
  const shown = unique.slice(0, 3);
  return unique.length > 3 ? `${shown.join(', ')} and ${unique.length - 3} more` : shown.join(', ');
}

/** `Deployment "web"`, for messages. */
export function describeObject(object: K8sObject): string {
  return `${object.kind} "${object.name ?? '(unnamed)'}"`;
}

/** Where a finding about an HPA metric sits: the `name: cpu` value of a (Container)Resource metric, or v1's percentage. */
export function metricResourceNameNode(metric: HpaMetric): Node | undefined {
  if (!isMap(metric.node)) return metric.node;
  return getNode(getMap(metric.node, metric.type === 'ContainerResource' ? 'containerResource' : 'resource'), 'name') ?? metric.node;
}

/**
 * Services of the workspace that certainly select the pods of `podSpec`: in the same folder and the
 * same namespace as its workload (see relations.ts, "together"), with a selector its template labels
 * satisfy. `self` is the workload's index entry (RuleContext.self), which places it in its folder.
 */
export function selectingServices(podSpec: PodSpecView, index: WorkspaceIndexView | undefined, self: IndexedObject | undefined): IndexedObject[] {
  if (!index || !self) return [];
  const object = podSpec.object;
  return index.ofFacet(SERVICE_SELECTION).filter((entry) => {
    if (folderOf(entry.uri) !== folderOf(self.uri) || entry.object.namespace !== object.namespace) return false;
    const selector = serviceSelector(entry.object);
    return selector !== undefined && matches(selector, podSpec.labels);
  });
}
