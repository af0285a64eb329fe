/** The read-only view of the workspace index that cross-object rules receive. */
import type { K8sObject } from '../k8s/objects';
import type { Facet } from './facets';

export interface IndexedObject {
  readonly uri: string;
  /**
   * Offset of the object's document chunk in its file; add it to node ranges to get file offsets.
   * The index moves it when documents before it change, so read it when it is needed, never keep it.
   */
  readonly offset: number;
  /** The document's position among its file's documents (0-based); moves like `offset`. */
  readonly docIndex: number;
  /** The object's document text (the chunk its node ranges refer to). */
  readonly text: string;
  readonly object: K8sObject;
}

export interface WorkspaceIndexView {
  /**
   * Objects of `kind` named `name` that could be the one meant from `namespace`. An undefined
   * namespace matches any namespace, so lookups never claim "not found" when the namespace is open.
   */
  find(kind: string, name: string, namespace: string | undefined): IndexedObject[];
  /**
   * The indexed object whose document starts at `offset` in the file `uri`: how the engine finds
   * the entry of the object being linted (never by its content, which two files may share).
   */
  entryAt(uri: string, offset: number): IndexedObject | undefined;
  /** Every indexed object of the given kind. */
  ofKind(kind: string): readonly IndexedObject[];
  /**
   * Every indexed object of the facet's kinds, for lookups that read only what the facet covers
   * (see index/facets.ts): their findings then depend on the facet, not on whole kinds.
   */
  ofFacet(facet: Facet): readonly IndexedObject[];
  /** True for documents a kustomization.yaml lists as patches: partial objects, not whole ones. */
  isPatch(uri: string): boolean;
  /** True for files that a kustomization adds selector labels to (commonLabels): their workloads may omit `spec.selector`. */
  getsSelectorLabels(uri: string): boolean;
  /**
   * A counter that grows whenever the answer for a dependency key (`Kind` or `Kind/name`) may have
   * changed; cached findings stay valid while the counters of the keys they looked up stand still.
   */
  keyVersion(key: string): number;
}
