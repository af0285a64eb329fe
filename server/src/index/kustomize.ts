/** Reads the patch file paths that a kustomization.yaml lists; patched documents are partial objects. */
import { parseDocument } from 'yaml';
import { asMap, asSeq, getNode, scalarString } from '../yaml/nodes';

export function patchPathsOf(text: string): string[] {
  const root = asMap(parseDocument(text).contents);
  if (!root) return [];
  const paths: string[] = [];
  // `patchesStrategicMerge` lists paths; `patches` and `patchesJson6902` list { path, target }.
  for (const item of asSeq(getNode(root, 'patchesStrategicMerge'))?.items ?? []) {
    const path = scalarString(item);
    if (path && !path.includes('\n')) paths.push(path);
  }
  for (const key of ['patches', 'patchesJson6902']) {
    for (const item of asSeq(getNode(root, key))?.items ?? []) {
      const path = scalarString(getNode(asMap(item), 'path'));
      if (path) paths.push(path);
    }
  }
  return paths;
}
