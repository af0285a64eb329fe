/**
 * A fallback for YamlFixer.addToMap. addToMap refuses a mapping when anything below it is in flow
 * style, which rules out most pod specs (`command: ["sh", "-c", "…"]`) and StatefulSets
 * (`accessModes: [ReadWriteOnce]`). When only the mapping's own shape matters (it is a block
 * mapping, its keys are plain and start their lines), new keys can go in front of its first key.
 */
import { isAlias, isScalar, type Node, type YAMLMap } from 'yaml';
import type { TextEdit } from '../core/finding';
import { renderScalar, type InsertMap, type YamlFixer } from './fixer';

/** addToMap when it can; otherwise the keys inserted above the mapping's first key; undefined for odd shapes. */
export function addKeysToMap(fixer: YamlFixer, map: YAMLMap, entries: InsertMap): TextEdit | undefined {
  return fixer.addToMap(map, entries) ?? insertBeforeFirstKey(fixer, map, entries);
}

export function insertBeforeFirstKey(fixer: YamlFixer, map: YAMLMap, entries: InsertMap): TextEdit | undefined {
  if (map.flow || map.items.length === 0) return undefined;
  // Merge keys and aliased values make "the keys of this mapping" ambiguous.
  if (map.items.some((pair) => !isScalar(pair.key) || pair.key.value === '<<' || isAlias(pair.value))) return undefined;
  const first = map.items[0]?.key as Node | undefined;
  if (!first?.range) return undefined;
  const start = fixer.lineStart(first.range[0]);
  if (fixer.text.slice(start, first.range[0]).trim() !== '') return undefined; // e.g. the first key follows "- "
  const lines = render(entries, first.range[0] - start, fixer.indentUnit());
  if (!lines) return undefined;
  return { start, end: start, newText: lines.map((line) => line + fixer.eol).join('') };
}

/** Scalars and nested mappings only; lists have no use here yet and are refused. */
function render(entries: InsertMap, column: number, unit: number): string[] | undefined {
  const pad = ' '.repeat(column);
  const lines: string[] = [];
  for (const [key, value] of Object.entries(entries)) {
    if (Array.isArray(value)) return undefined;
    if (typeof value === 'object') {
      const nested = render(value, column + unit, unit);
      if (!nested) return undefined;
      lines.push(`${pad}${renderScalar(key)}:`, ...nested);
    } else {
      lines.push(`${pad}${renderScalar(key)}: ${renderScalar(value)}`);
    }
  }
  return lines;
}
