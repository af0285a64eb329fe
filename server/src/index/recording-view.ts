/**
 * Wraps an index view and records what a lint asked it, as dependency keys (`Kind` for a scan of a
 * kind, `Kind/name` for a lookup, a facet's key, `@kustomize:<uri>` for what Kustomize makes of a
 * file). The index's `update` returns the keys whose versions moved; a document needs linting again
 * exactly when one of its recorded keys is among them.
 */
import type { Facet } from './facets';
import { kustomizeKeyOf } from './kustomize';
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
    entryAt: (uri: string, offset: number) => index.entryAt(uri, offset),
    isPatch(uri: string): boolean {
      dependencies.add(kustomizeKeyOf(uri));
      return index.isPatch(uri);
    },
    getsSelectorLabels(uri: string): boolean {
      dependencies.add(kustomizeKeyOf(uri));
      return index.getsSelectorLabels(uri);
    },
    keyVersion: (key: string) => index.keyVersion(key),
  };
  return { view, dependencies };
}
