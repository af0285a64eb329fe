/** The read-only view of the workspace index that cross-object rules receive. */
import type { K8sObject } from '../k8s/objects';

export interface IndexedObject {
  readonly uri: string;
  /** Offset of the object's document chunk in its file; add it to node ranges to get file offsets. */
  readonly offset: number;
  readonly object: K8sObject;
}

export interface WorkspaceIndexView {
  /**
   * Objects of `kind` named `name` that could be the one meant from `namespace`. An undefined
   * namespace matches any namespace, so lookups never claim "not found" when the namespace is open.
   */
  find(kind: string, name: string, namespace: string | undefined): IndexedObject[];
  /** Every indexed object of the given kind. */
  ofKind(kind: string): readonly IndexedObject[];
}
