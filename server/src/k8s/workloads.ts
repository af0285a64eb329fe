/** Finds pod templates and their containers in workload objects, whatever the workload kind. */
import type { Node, YAMLMap } from 'yaml';
import { asMap, getMap, getNode, getSeq, scalarString } from '../yaml/nodes';
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

export function isWorkloadKind(object: K8sObject): boolean {
  const entry = POD_SPEC_PATHS[object.kind];
  return entry !== undefined && entry.groups.includes(object.group);
}

/** The keys from the object's root to its pod spec, for workload kinds. */
export function podSpecPath(object: K8sObject): readonly string[] | undefined {
  const entry = POD_SPEC_PATHS[object.kind];
  return entry && entry.groups.includes(object.group) ? entry.path : undefined;
}

export function podSpecOf(object: K8sObject): PodSpecView | undefined {
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

export function containersOf(podSpec: PodSpecView): ContainerView[] {
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
