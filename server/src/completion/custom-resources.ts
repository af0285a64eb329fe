/**
 * The schema completion reads for a custom resource: the `openAPIV3Schema` of the workspace CRD
 * that defines its group and kind, for the version it names, as `schema/crd.ts` rewrites it for
 * validation. The CRD is found as `schema-validation` finds it (the first v1 CRD in the index with
 * that group and kind), so completion offers what validation then accepts.
 */
import type { IndexedObject } from '../index/types';
import { crdSchema } from '../schema/crd';
import type { FieldSchema } from '../schema/types';
import { getIn, scalarString } from '../yaml/nodes';

/** The part of the workspace index completion needs. */
export interface CrdLookup {
  ofKind(kind: string): readonly IndexedObject[];
}

export function customResourceSchema(index: CrdLookup | undefined, apiVersion: string, kind: string): FieldSchema | undefined {
  const slash = apiVersion.lastIndexOf('/');
  if (!index || slash <= 0) return undefined; // core-group kinds have no CRD
  const group = apiVersion.slice(0, slash);
  for (const entry of index.ofKind('CustomResourceDefinition')) {
    const crd = entry.object;
    if (crd.apiVersion !== 'apiextensions.k8s.io/v1') continue;
    if (scalarString(getIn(crd.root, ['spec', 'group'])) !== group) continue;
    if (scalarString(getIn(crd.root, ['spec', 'names', 'kind'])) !== kind) continue;
    // crd.ts caches by the CRD's text, so the conversion runs once per CRD version of the text.
    return crdSchema(entry.text, () => plainValue(crd.doc), apiVersion) as FieldSchema | undefined;
  }
  return undefined;
}

function plainValue(doc: IndexedObject['object']['doc']): unknown {
  try {
    // toJS expands aliases; a document that aliases its way to a huge value throws here.
    return doc.toJS({ maxAliasCount: 1000 });
  } catch {
    return undefined;
  }
}
