/** Services: their selector and shape. How they relate to pods is in relations.ts. */
import { getMap, getNode, scalarString } from '../yaml/nodes';
import type { K8sObject } from './objects';
import { parseMapSelector, type LabelSelector } from './selectors';

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
