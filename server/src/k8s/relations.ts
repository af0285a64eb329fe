/**
 * How objects found through the workspace index relate to each other: which one is the object being
 * linted, which ones certainly belong together, which workloads an autoscaler drives.
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
import { namespacesMayMatch } from '../index/workspace-index';
import { isMap, type Node } from 'yaml';
import { getMap, getNode, scalarNumber } from '../yaml/nodes';
import { hpaViewOf, type HpaMetric, type HpaView } from './hpa';
import type { K8sObject } from './objects';
import { podSpecOf, type PodSpecView } from './workloads';

/** Anything with a place in the workspace: an indexed object. */
export interface Placed {
  readonly uri: string;
  readonly object: K8sObject;
}

/** Kinds that carry a pod template (or are a pod). */
export const POD_KINDS: readonly string[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Pod'];

/** Kinds with a `spec.replicas` that an autoscaler can drive through the scale subresource. */
export const REPLICATED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

export function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/') + 1);
}

/**
 * The index entry of the object being linted: same kind and name, same document text. Undefined
 * when the index does not hold it (then no cross-object claim is made).
 */
export function selfEntry(index: WorkspaceIndexView, object: K8sObject, text: string): IndexedObject | undefined {
  return index.find(object.kind, object.name ?? '', object.namespace).find((entry) => entry.text === text && entry.object.namespace === object.namespace);
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

/** Every indexed object with a pod spec. */
export function podObjects(index: WorkspaceIndexView): { entry: IndexedObject; podSpec: PodSpecView }[] {
  return POD_KINDS.flatMap((kind) =>
    index.ofKind(kind).flatMap((entry) => {
      const podSpec = podSpecOf(entry.object);
      return podSpec ? [{ entry, podSpec }] : [];
    }),
  );
}

/**
 * The replica count a workload asks for: `spec.replicas`, 1 when not written; 1 for a bare Pod.
 * Undefined for kinds whose pod count is not a number in the manifest (DaemonSet, Job, CronJob) and
 * for a `replicas` that is not a plain number.
 */
export function replicasOf(object: K8sObject): number | undefined {
  if (object.kind === 'Pod') return 1;
  if (!REPLICATED_KINDS.has(object.kind)) return undefined;
  const node = getNode(getMap(object.root, 'spec'), 'replicas');
  if (node === undefined) return 1;
  return scalarNumber(node);
}

/** HorizontalPodAutoscalers that certainly drive `workload` (same folder and namespace, matching ref). */
export function hpasFor(index: WorkspaceIndexView, workload: Placed): { entry: IndexedObject; hpa: HpaView }[] {
  return index.ofKind('HorizontalPodAutoscaler').flatMap((entry) => {
    const hpa = hpaViewOf(entry.object);
    if (!hpa || !together(entry, workload)) return [];
    const ref = hpa.scaleTargetRef;
    return ref.kind === workload.object.kind && ref.name !== undefined && ref.name === workload.object.name ? [{ entry, hpa }] : [];
  });
}

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
