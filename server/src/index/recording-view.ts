/**
 * Wraps an index view and records what a lint asked it, as dependency keys (`Kind` for a scan of a
 * kind, `Kind/name` for a lookup). When a file changes, only documents whose recorded keys intersect
 * the changed keys need to be linted again.
 */
import type { Facet } from './facets';
import type { IndexedObject, WorkspaceIndexView } from './types';

export function recordingView(index: WorkspaceIndexView): { view: WorkspaceIndexView; dependencies: Set<string> } {
  const dependencies = new Set<string>();
  const view: WorkspaceIndexView = {
    find(kind: string, name: string, namespace: string | undefined): IndexedObject[] {
      dependencies.add(`${kind}/${name}`);
      return index.find(kind, name, namespace);
    },
    ofKind(kind: string): readonly IndexedObject[] {
      dependencies.add(kind);
      return index.ofKind(kind);
    },
    ofFacet(facet: Facet): readonly IndexedObject[] {
      dependencies.add(facet.key);
      return index.ofFacet(facet);
    },
    isPatch: (uri: string) => index.isPatch(uri),
    getsSelectorLabels: (uri: string) => index.getsSelectorLabels(uri),
    keyVersion: (key: string) => index.keyVersion(key),
  };
  return { view, dependencies };
}

/** True when a document that recorded `dependencies` must be linted again after `changed`. */
export function isAffected(dependencies: ReadonlySet<string>, changed: ReadonlySet<string>): boolean {
  for (const key of changed) {
    if (dependencies.has(key)) return true;
    const kind = key.split('/')[0] ?? key;
    if (dependencies.has(kind)) return true;
  }
  return false;
}
