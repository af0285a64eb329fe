/**
 * Where the cursor is, for completion: in a mapping (at which path, typing which key) or after a
 * key's colon (typing its value). While a key is being typed the document is often not valid YAML,
 * so the cursor's own line is read as text and the mapping it belongs to is found by indentation:
 * a sibling key at the same column, or the parent key above with less indentation. Only those
 * lines, which parse normally, are looked up in the YAML tree.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { locate } from '../yaml/locate';

export type Path = (string | number)[];

export type CursorContext =
  /** `newItem`: the cursor follows "- ", so the mapping is a list item with no keys yet. */
  | { readonly type: 'key'; readonly path: Path; readonly prefix: string; readonly line: { start: number; end: number }; readonly newItem: boolean }
  | { readonly type: 'value'; readonly path: Path; readonly prefix: string };

const KEY_LINE = /^( *)(- +)?([A-Za-z0-9_.\/-]*)$/;
const VALUE_LINE = /^( *)(- +)?([A-Za-z0-9_.\/-]+):[ \t]+["']?([^"'#]*)$/;

export function cursorContext(text: string, doc: Document.Parsed, offset: number): CursorContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = withoutBom(text.slice(lineStart, offset), lineStart);
  const newline = text.indexOf('\n', offset);
  const line = { start: lineStart, end: newline === -1 ? text.length : newline };
  const value = VALUE_LINE.exec(before);
  if (value) {
    const [, indent = '', dash, key = '', prefix = ''] = value;
    const path = dash ? itemPath(text, doc, lineStart, indent.length) : mappingPath(text, doc, lineStart, indent.length);
    return path && { type: 'value', path: [...path, key], prefix };
  }
  const key = KEY_LINE.exec(before);
  if (!key) return undefined;
  const [, indent = '', dash, prefix = ''] = key;
  const path = dash ? itemPath(text, doc, lineStart, indent.length) : mappingPath(text, doc, lineStart, indent.length);
  return path && { type: 'key', path, prefix, line, newItem: dash !== undefined };
}

interface TextLine {
  start: number;
  /** Column of the first character, or of the key after "- ". */
  column: number;
  dashColumn: number | undefined;
  /** The rest of the line from `column`. */
  content: string;
}

/** Lines above `lineStart`, nearest first, without blank lines, comments and document markers. */
function* linesAbove(text: string, lineStart: number): Generator<TextLine> {
  let end = lineStart - 1;
  while (end >= 0) {
    const rawStart = text.lastIndexOf('\n', end - 1) + 1;
    // The line's text starts after the byte order mark, so that offsets from it stay true.
    const start = rawStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : rawStart;
    const raw = text.slice(start, end).replace(/\r$/, '');
    end = rawStart - 1;
    const trimmed = raw.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (/^(---|\.\.\.)(\s|$)/.test(raw)) return;
    const indent = raw.length - trimmed.length;
    const dash = /^-( +|$)/.exec(trimmed);
    const column = dash ? indent + dash[0].length : indent;
    yield { start, column, dashColumn: dash ? indent : undefined, content: raw.slice(column) };
  }
}

/** The path of the block mapping whose keys sit at `column`, as seen from the line at `lineStart`. */
export function mappingPath(text: string, doc: Document.Parsed, lineStart: number, column: number): Path | undefined {
  if (column === 0) return [];
  for (const line of linesAbove(text, lineStart)) {
    const key = /^([^\s:#][^:#]*?):(\s|$)/.exec(line.content);
    if (line.column === column && key) return keyPath(doc, line.start + column)?.slice(0, -1);
    if (line.dashColumn !== undefined && line.dashColumn >= column) continue; // an item of a list at or right of us
    if (line.column > column) continue; // a nested line of an earlier sibling
    // The first line left of us: our mapping is the value of its key, which must be empty so far.
    if (!key || line.content.slice(key[0].length).replace(/#.*$/, '').trim() !== '') return undefined;
    return keyPath(doc, line.start + line.column);
  }
  return undefined;
}

/** For a line starting with "- ": the path of the new list item's mapping. */
function itemPath(text: string, doc: Document.Parsed, lineStart: number, dashColumn: number): Path | undefined {
  for (const line of linesAbove(text, lineStart)) {
    if (line.dashColumn === dashColumn) {
      // A sibling item: the list is its parent.
      const located = locate(doc, line.start + line.column);
      const index = located?.path.findLastIndex((segment) => typeof segment === 'number');
      if (!located || index === undefined || index < 0) return undefined;
      return [...located.path.slice(0, index), 0];
    }
    if (line.column > dashColumn || (line.dashColumn !== undefined && line.dashColumn > dashColumn)) continue;
    const key = /^([^\s:#][^:#]*?):\s*(#.*)?$/.exec(line.content);
    const path = key ? keyPath(doc, line.start + line.column) : undefined;
    return path && [...path, 0];
  }
  return undefined;
}

/**
 * The text of a line without the byte order mark that the first line may start with (VS Code and
 * the CLI pass it through), so that it does not count as indentation.
 */
function withoutBom(line: string, lineStart: number): string {
  return lineStart === 0 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
}

/** The path of the key starting at `offset`, when the YAML tree has a key there. */
function keyPath(doc: Document.Parsed, offset: number): Path | undefined {
  const located = locate(doc, offset);
  if (!located?.onKey || !isScalar(located.node) || located.node.range?.[0] !== offset) return undefined;
  return [...located.path];
}

/** The YAML node at `path` (keys and list indices). */
export function nodeAtPath(doc: Document.Parsed, path: readonly (string | number)[]): Node | undefined {
  let node: Node | null | undefined = doc.contents;
  for (const segment of path) {
    if (typeof segment === 'number') node = isSeq(node) ? (node.items[segment] as Node | undefined) : undefined;
    else node = isMap(node) ? (node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === segment)?.value as Node | null | undefined) : undefined;
    if (!node) return undefined;
  }
  return node ?? undefined;
}
