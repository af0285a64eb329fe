/**
 * Finds the YAML token a schema problem belongs on: the unknown key, the bad value, or the key of
 * the mapping that lacks a required field. Paths come from `doc.toJS()`, where every key became a
 * string, so keys are compared as strings (`80:` matches "80").
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { K8sObject } from '../../k8s/objects';
import type { SchemaProblem } from '../../schema/types';
import { getNode } from '../../yaml/nodes';

type Path = readonly (string | number)[];

export interface ProblemLocation {
  /** What to underline. */
  readonly at: Node | Pair<unknown, unknown>;
  /** The node a suggestion replaces (the key for unknown fields, the value for bad values). */
  readonly replace?: Node;
}

export function locateProblem(object: K8sObject, problem: SchemaProblem): ProblemLocation | undefined {
  const { path } = problem;
  if (problem.target === 'key') {
    const pair = pairAt(object.root, path);
    const key = pair?.key as Node | undefined;
    return key ? { at: key, replace: key } : undefined;
  }
  if (problem.target === 'value') {
    const pair = path.length > 0 && typeof path[path.length - 1] === 'string' ? pairAt(object.root, path) : undefined;
    const value = pair ? (pair.value as Node | null) : nodeAt(object.root, path);
    // A whole mapping or list is too much to underline: its key says where, the message what.
    if (pair && (isMap(value) || isSeq(value))) return { at: pair };
    if (value) return { at: value, replace: value };
    return pair ? { at: pair } : undefined;
  }
  // A missing field: on the key that owns the incomplete mapping.
  if (path.length === 0) {
    const kind = getNode(object.root, 'kind');
    return kind ? { at: kind } : undefined;
  }
  const last = path[path.length - 1];
  if (typeof last === 'string') {
    const pair = pairAt(object.root, path);
    return pair ? { at: pair } : undefined;
  }
  // A list item has no key of its own: use its first key, or the item itself.
  const item = nodeAt(object.root, path);
  if (isMap(item) && item.items[0]?.key) return { at: item.items[0].key as Node };
  return item ? { at: item } : undefined;
}

/** The pair whose key is the last segment of `path`. */
export function pairAt(root: Node, path: Path): Pair<unknown, unknown> | undefined {
  const parent = nodeAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (!isMap(parent) || typeof key !== 'string') return undefined;
  return parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key);
}

export function nodeAt(root: Node, path: Path): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) {
    if (typeof segment === 'number') node = isSeq(node) ? (node.items[segment] as Node | undefined) : undefined;
    else node = isMap(node) ? ((pairAt(node, [segment])?.value ?? undefined) as Node | undefined) : undefined;
    if (!node) return undefined;
  }
  return node;
}
