/** Services and the pods they select, for cross-object rules and the readiness check. */
import type { IndexedObject, WorkspaceIndexView } from '../index/types';
import { getMap, getNode, scalarString } from '../yaml/nodes';
import type { K8sObject } from './objects';
import { folderOf } from './relations';
import { matches, parseMapSelector, type LabelSelector } from './selectors';
import type { PodSpecView } from './workloads';

export function isService(object: K8sObject): boolean {
  return object.kind === 'Service' && object.group === '' && object.apiVersion === 'v1';
}

/**
 * The pods a Service selects, as a selector; undefined for Services that select no pods by label:
 * no selector or an empty one (endpoints are managed by hand), `type: ExternalName`, or a selector
 * that cannot be read for sure.
 */
export function serviceSelector(object: K8sObject): LabelSelector | undefined {
  if (!isService(object)) return undefined;
  const spec = getMap(object.root, 'spec');
  if (scalarString(getNode(spec, 'type')) === 'ExternalName') return undefined;
  const node = getNode(spec, 'selector');
  const selector = node === undefined ? undefined : parseMapSelector(node);
  return selector && !selector.empty ? selector : undefined;
}

/** True for `clusterIP: None`. */
export function isHeadless(object: K8sObject): boolean {
  return scalarString(getNode(getMap(object.root, 'spec'), 'clusterIP')) === 'None';
}

/**
 * Services of the workspace that certainly select the pods of `podSpec`: in the same folder and the
 * same namespace as its workload (see relations.ts, "together"), with a selector its template labels
 * satisfy. The workload's own file is found through the index by its document text.
 */
export function selectingServices(podSpec: PodSpecView, index: WorkspaceIndexView | undefined, documentText: string): IndexedObject[] {
  if (!index) return [];
  const object = podSpec.object;
  const self = index.find(object.kind, object.name ?? '', object.namespace).find((entry) => entry.text === documentText);
  if (!self) return [];
  return index.ofKind('Service').filter((entry) => {
    if (folderOf(entry.uri) !== folderOf(self.uri) || entry.object.namespace !== object.namespace) return false;
    const selector = serviceSelector(entry.object);
    return selector !== undefined && matches(selector, podSpec.labels);
  });
}

/** True when a Service in the workspace selects the pods of `podSpec` (see selectingServices). */
export function isSelectedByService(podSpec: PodSpecView, index: WorkspaceIndexView | undefined, documentText: string): boolean {
  return selectingServices(podSpec, index, documentText).length > 0;
}
