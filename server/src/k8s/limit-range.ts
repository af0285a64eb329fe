/** Default requests and limits that a LimitRange gives containers which do not set their own. */
import type { WorkspaceIndexView } from '../index/types';
import { asMap, getMap, getNode, getSeq, scalarString } from '../yaml/nodes';

export interface LimitRangeDefaults {
  /** The LimitRange's name, for messages and hovers. */
  name: string;
  /** Resources that get a default request. */
  requests: Set<string>;
  /** Resources that get a default limit. */
  limits: Set<string>;
}

/**
 * LimitRanges that may apply in `namespace`. An unset namespace on either side may match, since the
 * namespace is then decided at apply time; for turning findings off, a possible match is enough.
 */
export function limitRangeDefaults(index: WorkspaceIndexView | undefined, namespace: string | undefined): LimitRangeDefaults[] {
  if (!index) return [];
  const result: LimitRangeDefaults[] = [];
  for (const entry of index.ofKind('LimitRange')) {
    const other = entry.object.namespace;
    if (namespace !== undefined && other !== undefined && namespace !== other) continue;
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

function keysOf(map: ReturnType<typeof getMap>): string[] {
  return (map?.items ?? []).map((item) => scalarString(item.key)).filter((key): key is string => key !== undefined);
}

/** The first LimitRange that supplies a default for `resource` in `section`, if any. */
export function defaultingLimitRange(index: WorkspaceIndexView | undefined, namespace: string | undefined, section: 'requests' | 'limits', resource: string): string | undefined {
  return limitRangeDefaults(index, namespace).find((d) => d[section].has(resource))?.name;
}
