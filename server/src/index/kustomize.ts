/** Reads what a kustomization.yaml says about the files it lists: which are patches (partial objects), and which get selector labels. */
import type { Node } from 'yaml';
import { asMap, asSeq, getNode, scalarString } from '../yaml/nodes';

/**
 * The dependency key of what Kustomize makes of the file `uri` (whether it is a patch, whether it
 * gets selector labels). The engine records it for every linted file, so that adding, editing or
 * removing a kustomization.yaml re-lints exactly the files it lists.
 */
export function kustomizeKeyOf(uri: string): string {
  return `@kustomize:${uri}`;
}

/** `root` is the kustomization document's contents, parsed with the engine's limits (yaml/parse.ts). */
export function patchPathsOf(contents: Node | null | undefined): string[] {
  const root = asMap(contents);
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

/**
 * The `resources` entries (files or folders) of a kustomization that adds labels to selectors:
 * `commonLabels`, or a `labels` entry with `includeSelectors: true`. Kustomize writes those labels
 * into `spec.selector` of every workload it builds, so a workload there may leave its selector out.
 */
export function selectorLabelledResourcesOf(contents: Node | null | undefined): string[] {
  const root = asMap(contents);
  if (!root) return [];
  const common = asMap(getNode(root, 'commonLabels'));
  const labelled = (asSeq(getNode(root, 'labels'))?.items ?? []).some((item) => {
    const entry = asMap(item);
    return getNode(entry, 'includeSelectors')?.toJSON() === true && (asMap(getNode(entry, 'pairs'))?.items.length ?? 0) > 0;
  });
  if (!labelled && (common?.items.length ?? 0) === 0) return [];
  return (asSeq(getNode(root, 'resources'))?.items ?? []).map((item) => scalarString(item)).filter((path): path is string => path !== undefined && !path.includes('\n') && !/^[a-z]+:\/\//i.test(path));
}
