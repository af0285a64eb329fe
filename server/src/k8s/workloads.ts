/** Finds pod templates and their containers in workload objects, whatever the workload kind. */
import type { Node, YAMLMap } from 'yaml';
import { asMap, getMap, getNode, getSeq, scalarNumber, scalarString } from '../yaml/nodes';
import { memoizeByObject } from '../core/memo';
import { stringMap, type K8sObject } from './objects';

/** Where each kind keeps its pod spec, and which API groups define that kind. */
const POD_SPEC_PATHS: Record<string, { groups: readonly string[]; path: readonly string[] }> = {
  Pod: { groups: [''], path: ['spec'] },
  PodTemplate: { groups: [''], path: ['template', 'spec'] },
  ReplicationController: { groups: [''], path: ['spec', 'template', 'spec'] },
  Deployment: { groups: ['apps', 'extensions'], path: ['spec', 'template', 'spec'] },
  StatefulSet: { groups: ['apps'], path: ['spec', 'template', 'spec'] },
  DaemonSet: { groups: ['apps', 'extensions'], path: ['spec', 'template', 'spec'] },
  ReplicaSet: { groups: ['apps', 'extensions'], path: ['spec', 'template', 'spec'] },
  Job: { groups: ['batch'], path: ['spec', 'template', 'spec'] },
  CronJob: { groups: ['batch'], path: ['spec', 'jobTemplate', 'spec', 'template', 'spec'] },
};

/** Kinds that carry a pod template (or are a pod). */
export const POD_KINDS: readonly string[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Pod'];

/** Kinds with a `spec.replicas` that an autoscaler can drive through the scale subresource. */
export const REPLICATED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

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

/** Kinds whose pods run until stopped, as opposed to run-to-completion Jobs. */
export const LONG_RUNNING_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);

export interface PodSpecView {
  readonly object: K8sObject;
  readonly spec: YAMLMap;
  /** The pod template's labels (the object's own labels for a bare Pod). */
  readonly labels: Readonly<Record<string, string>>;
}

export type ContainerRole = 'container' | 'initContainer' | 'sidecar';

export interface ContainerView {
  readonly podSpec: PodSpecView;
  readonly node: YAMLMap;
  readonly name: string | undefined;
  /** Where findings about something missing in this container are placed. */
  readonly anchor: Node;
  readonly role: ContainerRole;
  readonly resources: YAMLMap | undefined;
  readonly requests: YAMLMap | undefined;
  readonly limits: YAMLMap | undefined;
}

/** The keys from the object's root to its pod spec, for workload kinds. */
export function podSpecPath(object: K8sObject): readonly string[] | undefined {
  const entry = POD_SPEC_PATHS[object.kind];
  return entry && entry.groups.includes(object.group) ? entry.path : undefined;
}

export const podSpecOf: (object: K8sObject) => PodSpecView | undefined = memoizeByObject(readPodSpec);

function readPodSpec(object: K8sObject): PodSpecView | undefined {
  const entry = POD_SPEC_PATHS[object.kind];
  if (!entry || !entry.groups.includes(object.group)) return undefined;
  let node: Node | undefined = object.root;
  for (const key of entry.path) node = getNode(asMap(node), key);
  const spec = asMap(node);
  if (!spec) return undefined;
  const templatePath = entry.path.slice(0, -1);
  let template: Node | undefined = object.root;
  for (const key of templatePath) template = getNode(asMap(template), key);
  const labels = object.kind === 'Pod' ? object.labels : stringMap(getMap(getMap(asMap(template), 'metadata'), 'labels'));
  return { object, spec, labels };
}

/** The pod's containers, init containers and sidecars, in file order (init containers first). */
export const containersOf: (podSpec: PodSpecView) => readonly ContainerView[] = memoizeByObject(readContainers);

function readContainers(podSpec: PodSpecView): ContainerView[] {
  const result: ContainerView[] = [];
  for (const [key, role] of [['initContainers', 'initContainer'], ['containers', 'container']] as const) {
    const list = getSeq(podSpec.spec, key);
    if (!list) continue;
    for (const item of list.items) {
      const node = asMap(item);
      if (!node) continue;
      const nameNode = getNode(node, 'name');
      const isSidecar = role === 'initContainer' && scalarString(getNode(node, 'restartPolicy')) === 'Always';
      const resources = getMap(node, 'resources');
      result.push({
        podSpec,
        node,
        name: scalarString(nameNode),
        anchor: nameNode ?? (node.items[0]?.key as Node | undefined) ?? node,
        role: isSidecar ? 'sidecar' : role,
        resources,
        requests: getMap(resources, 'requests'),
        limits: getMap(resources, 'limits'),
      });
    }
  }
  return result;
}

/** Containers that run for the pod's whole life: app containers and sidecars (not plain init containers). */
export function isLongLived(container: ContainerView): boolean {
  return container.role !== 'initContainer';
}
