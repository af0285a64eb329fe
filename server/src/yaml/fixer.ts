/**
 * Builds minimal text edits from node ranges: inserting keys into a block mapping at the mapping's own
 * indentation, replacing a value, removing a pair. Nothing is ever re-serialised, so comments and the
 * bytes around an edit stay as they were. Builders return undefined when the shape is unusual (flow
 * collections, aliases, merge keys) rather than guess.
 */
import { isAlias, isMap, isNode, isScalar, isSeq, stringify, type Node, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit } from '../core/finding';
import { hasUnusualShape } from './nodes';

/** A value to insert: scalars, nested mappings, and lists of either. */
export type InsertValue = string | number | boolean | InsertMap | InsertValue[];
export interface InsertMap {
  [key: string]: InsertValue;
}

export class YamlFixer {
  readonly eol: string;
  private cachedIndentUnit: number | undefined;

  constructor(readonly text: string, private readonly root: Node | null) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  /** Inserts `entries` as new keys at the end of the block mapping `map`. */
  addToMap(map: YAMLMap, entries: InsertMap): TextEdit | undefined {
    if (map.flow || hasUnusualShape(map) || map.items.length === 0 || !map.range) return undefined;
    const column = this.columnOf(map.items[0]?.key as Node | undefined);
    if (column === undefined) return undefined;
    const at = this.lineAfter(map.range[1]);
    const lines = renderMap(entries, column, this.indentUnit());
    return { start: at.offset, end: at.offset, newText: at.prefix + lines.join(this.eol) + this.eol };
  }

  /** Replaces a scalar value's text. */
  replaceNode(node: Node, newText: string): TextEdit | undefined {
    if (!node.range) return undefined;
    return { start: node.range[0], end: node.range[1], newText };
  }

  /** Replaces a scalar with a rendered value of the same kind of quoting-safe YAML. */
  replaceScalar(node: Node, value: string | number | boolean): TextEdit | undefined {
    if (!isScalar(node)) return undefined;
    return this.replaceNode(node, renderScalar(value));
  }

  /** Removes a `key: value` pair of a block mapping, with its whole lines. */
  removePair(map: YAMLMap, pair: Pair<unknown, unknown>): TextEdit | undefined {
    if (map.flow || map.items.length < 2) return undefined;
    const key = pair.key as Node | undefined;
    const value = pair.value as Node | null | undefined;
    if (!key?.range) return undefined;
    const start = this.lineStart(key.range[0]);
    if (this.text.slice(start, key.range[0]).trim() !== '') return undefined; // key shares its line (e.g. after "- ")
    const end = this.lineAfter(value?.range?.[1] ?? key.range[1]).offset;
    return { start, end, newText: '' };
  }

  /** Inserts a whole line (without its line break) before the line holding `offset`, at that line's indentation. */
  insertLineBefore(offset: number, line: string): TextEdit {
    const start = this.lineStart(offset);
    const indent = /^[ \t]*/.exec(this.text.slice(start))?.[0] ?? '';
    return { start, end: start, newText: indent + line + this.eol };
  }

  /** Inserts pre-rendered lines (already indented, without line breaks) after the last entry of the block mapping `map`. */
  appendLines(map: YAMLMap, lines: readonly string[]): TextEdit | undefined {
    if (map.flow || map.items.length === 0 || !map.range || lines.length === 0) return undefined;
    const at = this.lineAfter(map.range[1]);
    return { start: at.offset, end: at.offset, newText: at.prefix + lines.join(this.eol) + this.eol };
  }

  /**
   * Replaces a pair of the block mapping `map`, from its key to the end of its value, with
   * `entries` rendered at the key's column. The first new line takes the key's place, so a pair
   * that follows "- " can be replaced too. Undefined when the text cannot be rewritten line by
   * line: a flow mapping, anchors or aliases, or a comment inside the replaced text (it would be lost).
   */
  replacePair(map: YAMLMap, pair: Pair<unknown, unknown>, entries: InsertMap): TextEdit | undefined {
    const key = pair.key as Node | undefined;
    const value = pair.value as Node | null | undefined;
    const column = this.columnOf(key);
    if (map.flow || !key?.range || column === undefined || hasAnchors(key) || hasAnchors(value)) return undefined;
    const start = key.range[0];
    let end = value?.range?.[1] ?? key.range[1];
    while (end > start && /\s/.test(this.text[end - 1] ?? '')) end--;
    if (/(^|\s)#/.test(this.text.slice(start, end))) return undefined;
    const lines = renderMap(entries, column, this.indentUnit());
    if (lines.length === 0) return undefined;
    return { start, end, newText: [lines[0]!.slice(column), ...lines.slice(1)].join(this.eol) };
  }

  /**
   * The source lines of a pair, from its key to the end of its value, re-indented so the key sits at
   * `column` while nested lines keep their depth relative to the key; comments inside come along.
   * Undefined when the text cannot be moved as is: anchors or aliases (a copy would redefine or
   * dangle), or a line written left of the key (only a comment can be), whose place is ambiguous.
   */
  pairLines(pair: Pair<unknown, unknown>, column: number): string[] | undefined {
    const key = pair.key as Node | undefined;
    const value = pair.value as Node | null | undefined;
    const keyColumn = this.columnOf(key);
    const end = value?.range?.[1] ?? key?.range?.[1];
    if (!key?.range || keyColumn === undefined || end === undefined || hasAnchors(key) || hasAnchors(value)) return undefined;
    const shift = column - keyColumn;
    const [first = '', ...rest] = this.text.slice(key.range[0], end).replace(/\r?\n$/, '').split(/\r?\n/);
    const lines = [' '.repeat(column) + first];
    for (const line of rest) {
      const indent = /^ */.exec(line)?.[0].length ?? 0;
      if (line.trim() === '') lines.push('');
      else if (indent + shift < column) return undefined;
      else lines.push(' '.repeat(indent + shift) + line.slice(indent));
    }
    return lines;
  }

  columnOf(node: Node | undefined): number | undefined {
    if (!node?.range) return undefined;
    return node.range[0] - this.lineStart(node.range[0]);
  }

  /**
   * Where the line holding `offset` starts. The first line starts after a byte order mark: the BOM
   * is no indentation, and keys inserted at the top must stay behind it (LSP clients other than
   * VS Code, and the CLI, hand the text over with its BOM).
   */
  lineStart(offset: number): number {
    const start = this.text.lastIndexOf('\n', offset - 1) + 1;
    return start === 0 && offset > 0 && this.text.charCodeAt(0) === 0xfeff ? 1 : start;
  }

  /** Where a new line can start after the node ending at `end` (which may or may not include its line break). */
  private lineAfter(end: number): { offset: number; prefix: string } {
    if (end > 0 && this.text[end - 1] === '\n') return { offset: end, prefix: '' };
    const newline = this.text.indexOf('\n', end);
    if (newline === -1) return { offset: this.text.length, prefix: this.eol };
    return { offset: newline + 1, prefix: '' };
  }

  /** The document's indentation step: how much deeper a nested mapping sits than its parent key. */
  indentUnit(): number {
    this.cachedIndentUnit ??= findIndentUnit(this.root, this) ?? 2;
    return this.cachedIndentUnit;
  }
}

function hasAnchors(node: unknown): boolean {
  if (isAlias(node)) return true;
  if (isNode(node) && node.anchor) return true;
  if (isMap(node)) return node.items.some((pair) => hasAnchors(pair.key) || hasAnchors(pair.value));
  if (isSeq(node)) return node.items.some(hasAnchors);
  return false;
}

function findIndentUnit(node: Node | null | undefined, fixer: YamlFixer): number | undefined {
  if (!isMap(node) && !isSeq(node)) return undefined;
  for (const item of node.items) {
    const pair = isMap(node) ? (item as Pair<Node, Node>) : undefined;
    const value = pair ? pair.value : (item as Node);
    if (pair && isMap(value) && !value.flow && value.items.length > 0) {
      const parent = fixer.columnOf(pair.key);
      const child = fixer.columnOf(value.items[0]?.key as Node);
      if (parent !== undefined && child !== undefined && child > parent) return child - parent;
    }
    const nested = findIndentUnit(value, fixer);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

function renderMap(entries: InsertMap, column: number, unit: number): string[] {
  const pad = ' '.repeat(column);
  const lines: string[] = [];
  for (const [key, value] of Object.entries(entries)) {
    if (Array.isArray(value)) {
      lines.push(`${pad}${renderScalar(key)}:`);
      for (const item of value) lines.push(...renderSeqItem(item, column + unit, unit));
    } else if (typeof value === 'object') {
      lines.push(`${pad}${renderScalar(key)}:`, ...renderMap(value, column + unit, unit));
    } else {
      lines.push(`${pad}${renderScalar(key)}: ${renderScalar(value)}`);
    }
  }
  return lines;
}

function renderSeqItem(item: InsertValue, column: number, unit: number): string[] {
  const pad = ' '.repeat(column);
  if (typeof item === 'object' && !Array.isArray(item)) {
    const inner = renderMap(item, column + 2, unit);
    const first = inner[0]?.slice(column + 2) ?? '{}';
    return [`${pad}- ${first}`, ...inner.slice(1)];
  }
  if (Array.isArray(item)) return [`${pad}- ${JSON.stringify(item)}`];
  return [`${pad}- ${renderScalar(item)}`];
}

/** Renders one scalar as YAML, quoting only when a plain scalar would change meaning. */
export function renderScalar(value: string | number | boolean): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}
