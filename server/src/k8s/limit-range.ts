/** Default requests and limits that a LimitRange gives containers which do not set their own. */
import { folderOf } from '../index/scope';
import type { IndexedObject, WorkspaceIndexView } from '../index/types';
import type { K8sObject } from './objects';
import { asMap, getMap, getNode, getSeq, scalarString } from '../yaml/nodes';

export interface LimitRangeDefaults {
  /** The LimitRange's name, for messages and hovers. */
  name: string;
  /** Resources that get a default request. */
  requests: Set<string>;
  /** Resources that get a default limit. */
  limits: Set<string>;
}

/** The workload a LimitRange would apply to: its namespace and, when the index holds it, its file. */
export interface LimitRangeTarget {
  readonly namespace: string | undefined;
  readonly uri: string | undefined;
}

/** The target for an object being linted; `self` is its index entry (RuleContext.self), which gives its file. */
export function limitRangeTargetOf(self: IndexedObject | undefined, object: K8sObject): LimitRangeTarget {
  return { namespace: object.namespace, uri: self?.uri };
}

/**
 * LimitRanges that certainly apply to `target`. A LimitRange binds its own namespace, so when both
 * name the same namespace it applies wherever the files are. When either namespace is unset, the
 * namespace is only decided at apply time; then only a LimitRange in the workload's folder or a
 * folder above it counts (a base that the workload's folder builds on), so that a stray test
 * LimitRange elsewhere in a repository never silences findings in every other project.
 */
export function limitRangeDefaults(index: WorkspaceIndexView | undefined, target: LimitRangeTarget): LimitRangeDefaults[] {
  if (!index) return [];
  const result: LimitRangeDefaults[] = [];
  for (const entry of index.ofKind('LimitRange')) {
    if (!applies(entry, target)) continue;
    const defaults: LimitRangeDefaults = { name: entry.object.name ?? '(unnamed)', requests: new Set(), limits: new Set() };
    for (const item of getSeq(asMap(getNode(entry.object.root, 'spec')), 'limits')?.items ?? []) {
      const limit = asMap(item);
      if (scalarString(getNode(limit, 'type')) !== 'Container') continue;
      for (const resource of keysOf(getMap(limit, 'default'))) {
        defaults.limits.add(resource);
        // Without a defaultRequest, the API uses the default limit as the default request.
        defaults.requests.add(resource);
      }
      for (const resource of keysOf(getMap(limit, 'defaultRequest'))) defaults.requests.add(resource);
    }
    if (defaults.requests.size > 0 || defaults.limits.size > 0) result.push(defaults);
  }
  return result;
}

function applies(limitRange: IndexedObject, target: LimitRangeTarget): boolean {
  const other = limitRange.object.namespace;
  if (target.namespace !== undefined && other !== undefined) return target.namespace === other;
  if (target.uri === undefined) return false;
  return target.uri.startsWith(folderOf(limitRange.uri));
}

function keysOf(map: ReturnType<typeof getMap>): string[] {
  return (map?.items ?? []).map((item) => scalarString(item.key)).filter((key): key is string => key !== undefined);
}

/** The first LimitRange that supplies a default for `resource` in `section`, if any. */
export function defaultingLimitRange(index: WorkspaceIndexView | undefined, target: LimitRangeTarget, section: 'requests' | 'limits', resource: string): string | undefined {
  return limitRangeDefaults(index, target).find((d) => d[section].has(resource))?.name;
}
