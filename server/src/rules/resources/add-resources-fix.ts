/**
 * The "Add resource limits" fix shared by the container resource rules: it inserts every missing
 * `resources` field of one container (requests cpu/memory, limits memory, and limits cpu when a CPU
 * limit default is configured or the fix is for the missing CPU limit itself), and nothing else.
 */
import type { YAMLMap } from 'yaml';
import type { FixDefaults } from '../../core/config';
import type { ProposedFix, TextEdit } from '../../core/finding';
import { parseQuantity } from '../../k8s/quantity';
import type { ContainerView } from '../../k8s/workloads';
import type { InsertMap, YamlFixer } from '../../yaml/fixer';
import { getNode, scalarSource } from '../../yaml/nodes';

export const ADD_RESOURCES_TITLE = 'Add resource limits';
/** The variant that also caps CPU, offered for the missing CPU limit, so the two never look alike. */
export const ADD_RESOURCES_WITH_CPU_TITLE = 'Add resource limits, including a CPU limit';

/** Used by the CPU-limit fix when no CPU limit default is configured. */
export const FALLBACK_CPU_LIMIT = '1';

export function addResourcesFix(container: ContainerView, defaults: FixDefaults, fixer: YamlFixer, withCpuLimit = false): ProposedFix | undefined {
  const cpuLimit = defaults.cpuLimit !== '' ? defaults.cpuLimit : withCpuLimit ? FALLBACK_CPU_LIMIT : '';
  const wanted = wantedResources(container, { ...defaults, cpuLimit });
  const edits: TextEdit[] = [];
  if (!container.resources) {
    if (getNode(container.node, 'resources') !== undefined) return undefined; // `resources:` present but not a mapping (e.g. empty or {})
    const edit = fixer.addToMap(container.node, { resources: pruneEmpty({ requests: wanted.requests, limits: wanted.limits }) });
    if (edit) edits.push(edit);
  } else {
    for (const section of ['requests', 'limits'] as const) {
      const missing = wanted[section];
      if (Object.keys(missing).length === 0) continue;
      const existing = container[section];
      if (existing && existing.items.length > 0) {
        const edit = fixer.addToMap(existing, missing);
        if (!edit) return undefined;
        edits.push(edit);
      } else if (getNode(container.resources, section) !== undefined) {
        return undefined; // `limits:` with an empty or odd value: leave it to a person
      } else {
        const edit = container.resources.items.length > 0 ? fixer.addToMap(container.resources, { [section]: missing }) : undefined;
        if (!edit) return undefined;
        edits.push(edit);
      }
    }
  }
  if (edits.length === 0) return undefined;
  // CPU limits are a policy choice: a made-up one (the 1-core fallback) is only offered to a person,
  // never applied by fix-all or --fix; a CPU limit the team configured is safe to apply.
  const guessedCpuLimit = withCpuLimit && defaults.cpuLimit === '';
  return { title: withCpuLimit ? ADD_RESOURCES_WITH_CPU_TITLE : ADD_RESOURCES_TITLE, kind: guessedCpuLimit ? 'suggestion' : 'safe', edits: mergeInsertions(edits) };
}

/** The fields to add: only those missing, with limits never below the container's own requests and requests never above its limits. */
function wantedResources(container: ContainerView, defaults: FixDefaults): { requests: InsertMap; limits: InsertMap } {
  const requests: InsertMap = {};
  const limits: InsertMap = {};
  const has = (map: YAMLMap | undefined, key: string): boolean => getNode(map, key) !== undefined;
  // A request above the container's own limit is rejected by the API (container-limit-below-request).
  if (!has(container.requests, 'cpu')) requests.cpu = atMost(defaults.cpuRequest, scalarSource(getNode(container.limits, 'cpu')));
  if (!has(container.requests, 'memory')) requests.memory = atMost(defaults.memoryRequest, scalarSource(getNode(container.limits, 'memory')));
  if (!has(container.limits, 'memory')) {
    const request = scalarSource(getNode(container.requests, 'memory')) ?? defaults.memoryRequest;
    limits.memory = atLeast(defaults.memoryLimit, request);
  }
  if (defaults.cpuLimit !== '' && !has(container.limits, 'cpu')) {
    const request = scalarSource(getNode(container.requests, 'cpu')) ?? defaults.cpuRequest;
    limits.cpu = atLeast(defaults.cpuLimit, request);
  }
  return { requests, limits };
}

/** The larger of two quantities, as written; the default wins when either cannot be parsed. */
function atLeast(preferred: string, floor: string): string {
  const a = parseQuantity(preferred);
  const b = parseQuantity(floor);
  if (a.ok && b.ok && b.quantity.value > a.quantity.value) return floor;
  return preferred;
}

/** The smaller of the default and an existing limit, as written; the default when the limit is absent or cannot be parsed. */
function atMost(preferred: string, ceiling: string | undefined): string {
  if (ceiling === undefined) return preferred;
  const a = parseQuantity(preferred);
  const b = parseQuantity(ceiling);
  if (a.ok && b.ok && b.quantity.value < a.quantity.value) return ceiling;
  return preferred;
}

function pruneEmpty(map: Record<string, InsertMap>): InsertMap {
  const result: InsertMap = {};
  for (const [key, value] of Object.entries(map)) if (Object.keys(value).length > 0) result[key] = value;
  return result;
}

/**
 * Two insertions at the same offset (requests and limits both appended to `resources`) become one
 * edit. When one goes into a nested map that ends there (keys for the last `limits:`) and the other
 * into the map around it (a new `requests:`), the nested one is written first, or its keys would
 * land under the new section.
 */
function mergeInsertions(edits: TextEdit[]): TextEdit[] {
  const indent = (edit: TextEdit): number => /^ */.exec(edit.newText)![0].length;
  const sorted = [...edits].sort((a, b) => a.start - b.start || indent(b) - indent(a));
  const merged: TextEdit[] = [];
  for (const edit of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.start === last.end && edit.start === edit.end && last.start === edit.start) last.newText += edit.newText;
    else merged.push({ ...edit });
  }
  return merged;
}
