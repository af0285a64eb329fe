/**
 * Facets: the parts of objects that a family of cross-object lookups reads, so that findings depend
 * on those parts only. A Service's "selects no pods" finding depends on the labels of every pod
 * template in the workspace, but not on their images or probes; recording the whole `Deployment`
 * kind as its dependency would re-run every Service after any keystroke in any Deployment.
 *
 * The index bumps a facet's key only when the fingerprints of the facet's objects change.
 * Contract for callers of `ofFacet`: read nothing of the returned objects beyond what the facet's
 * fingerprint covers (plus their file), or look the object up by name as well so that the
 * dependency on the whole object is recorded.
 */
import type { K8sObject } from '../k8s/objects';
import { isHeadless, serviceSelector } from '../k8s/services';
import { POD_KINDS, podSpecOf, replicasOf } from '../k8s/workloads';

export interface Facet {
  /** The dependency key recorded for lookups of this facet (never a kind: it starts with `@`). */
  readonly key: string;
  readonly kinds: readonly string[];
  /** What lookups through the facet read of an object; equal fingerprints mean nothing they read changed. */
  fingerprint(object: K8sObject): string;
}

/** Pod templates as selectors see them: identity, namespace, template labels and replica count. */
export const POD_SELECTION: Facet = {
  key: '@pod-selection',
  kinds: POD_KINDS,
  fingerprint: (object) => JSON.stringify([object.kind, object.group, object.name, object.namespace, podSpecOf(object)?.labels ?? null, replicasOf(object) ?? null]),
};

/** Services as the pods they select see them: identity, namespace, selector and whether they are headless. */
export const SERVICE_SELECTION: Facet = {
  key: '@service-selection',
  kinds: ['Service'],
  fingerprint: (object) => JSON.stringify([object.apiVersion, object.name, object.namespace, serviceSelector(object)?.matchLabels ?? null, isHeadless(object)]),
};

export const FACETS: readonly Facet[] = [POD_SELECTION, SERVICE_SELECTION];
