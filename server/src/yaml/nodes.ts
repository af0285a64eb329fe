/** Small, total helpers for reading the yaml package's node tree. None of them throws. */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { OffsetRange } from '../core/finding';

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function asSeq(node: unknown): YAMLSeq | undefined {
  return isSeq(node) ? node : undefined;
}

/** The pair whose key is the scalar `key` (exact, case-sensitive), if any. */
export function getPair(map: YAMLMap | undefined, key: string): Pair<Node, Node | null> | undefined {
  if (!map) return undefined;
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && item.key.value === key) return item as Pair<Node, Node | null>;
  }
  return undefined;
}

export function getNode(map: YAMLMap | undefined, key: string): Node | undefined {
  return getPair(map, key)?.value ?? undefined;
}

export function getMap(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
  return asMap(getNode(map, key));
}

export function getSeq(map: YAMLMap | undefined, key: string): YAMLSeq | undefined {
  return asSeq(getNode(map, key));
}

/** Follows a path of keys through nested mappings. */
export function getIn(map: YAMLMap | undefined, path: readonly string[]): Node | undefined {
  let current: Node | undefined = map;
  for (const key of path) {
    current = getNode(asMap(current), key);
    if (current === undefined) return undefined;
  }
  return current;
}

/** The scalar's value as a string (numbers and booleans included); undefined for null or non-scalars. */
export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** For plain scalars, the text as written (`129e6`, `0.50`), which numeric parsing would lose. */
export function scalarSource(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (node.type === 'PLAIN' && typeof node.source === 'string' && node.source !== '') return node.source;
  return scalarString(node);
}

export function scalarNumber(node: unknown): number | undefined {
  if (!isScalar(node)) return undefined;
  return typeof node.value === 'number' && Number.isFinite(node.value) ? node.value : undefined;
}

export function scalarBoolean(node: unknown): boolean | undefined {
  if (!isScalar(node)) return undefined;
  return typeof node.value === 'boolean' ? node.value : undefined;
}

/** The range of a node's own text, without trailing comments or line breaks. */
export function nodeRange(node: Node | null | undefined): OffsetRange | undefined {
  const range = node?.range;
  if (!range) return undefined;
  return { start: range[0], end: Math.max(range[0], range[1]) };
}

/** The range of a pair's key; for a pair without a usable key, its value's. */
export function keyRange(pair: Pair<unknown, unknown>): OffsetRange | undefined {
  return nodeRange(pair.key as Node) ?? nodeRange(pair.value as Node);
}

/** True when the node or any node below it is written in flow style (`{…}` / `[…]`) or uses an alias. */
export function hasUnusualShape(node: unknown): boolean {
  if (isMap(node) || isSeq(node)) {
    if (node.flow) return true;
    return node.items.some((item) => (isPair(item) ? isUnusualPair(item) : hasUnusualShape(item)));
  }
  return isAlias(node);
}

function isUnusualPair(pair: Pair): boolean {
  if (isScalar(pair.key) && pair.key.value === '<<') return true;
  return hasUnusualShape(pair.value);
}
