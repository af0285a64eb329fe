/** Pieces every migration uses: the apiVersion edit and reading plain values out of the object. */
import { isScalar, type Node } from 'yaml';
import type { TextEdit } from '../../core/finding';
import type { InsertMap, InsertValue, YamlFixer } from '../../yaml/fixer';
import { getNode } from '../../yaml/nodes';
import type { K8sObject } from '../objects';
import type { Json } from './types';

/** Replaces the apiVersion value, keeping its quoting style. */
export function renameApiVersion(object: K8sObject, fixer: YamlFixer, to: string): TextEdit | undefined {
  const node = getNode(object.root, 'apiVersion');
  if (!isScalar(node)) return undefined;
  const quote = node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : '';
  return fixer.replaceNode(node as Node, `${quote}${to}${quote}`);
}

/** The object as plain data; undefined when aliases make it too large to expand. */
export function plainObject(object: K8sObject): Record<string, Json> | undefined {
  try {
    const value = object.doc.toJS({ maxAliasCount: 1000 }) as unknown;
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Plain data as something the fixer can write; undefined for nulls, which it cannot. */
export function toInsert(value: Json | undefined): InsertValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(toInsert);
    return items.every((item) => item !== undefined) ? (items as InsertValue[]) : undefined;
  }
  if (typeof value === 'object') {
    const out: InsertMap = {};
    for (const [key, item] of Object.entries(value)) {
      const converted = toInsert(item);
      if (converted === undefined) return undefined;
      out[key] = converted;
    }
    return out;
  }
  return value;
}

/** Collects edits, failing as a whole when any part fails. */
export function allOrNothing(edits: readonly (TextEdit | undefined)[]): TextEdit[] | undefined {
  return edits.every((edit): edit is TextEdit => edit !== undefined) ? [...edits] : undefined;
}
