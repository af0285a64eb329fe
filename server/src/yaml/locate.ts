/** Finds the YAML node under an offset, with its path from the document root (for hover and completion). */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

export interface Location {
  /** Keys and indices from the root to the node, e.g. ['spec', 'template', 'spec', 'containers', 0, 'resources']. */
  readonly path: readonly (string | number)[];
  readonly node: Node | undefined;
  /** The pair whose key or value holds the offset, if any. */
  readonly pair: Pair<Node, Node | null> | undefined;
  /** True when the offset is on the key rather than the value. */
  readonly onKey: boolean;
  /** The collections from the root down to (not including) the node. */
  readonly ancestors: readonly Node[];
}

export function locate(doc: Document.Parsed, offset: number): Location | undefined {
  const path: (string | number)[] = [];
  const ancestors: Node[] = [];
  let node: Node | null | undefined = doc.contents;
  let pair: Pair<Node, Node | null> | undefined;
  let onKey = false;
  if (!node || !within(node, offset)) return undefined;
  for (let depth = 0; depth < 10_000; depth++) {
    if (isMap(node)) {
      // findLast: a node's range ends where the next one starts (a block value's range takes its
      // final newline), so at a shared boundary the node that starts there is the one meant.
      const hit = node.items.findLast((item) => isPair(item) && (within(item.key as Node, offset) || within(item.value as Node, offset))) as Pair<Node, Node | null> | undefined;
      if (!hit) break;
      const key = isScalar(hit.key) ? String(hit.key.value) : '?';
      ancestors.push(node);
      path.push(key);
      pair = hit;
      if (within(hit.key, offset)) {
        onKey = true;
        node = hit.key;
        break;
      }
      onKey = false;
      node = hit.value;
    } else if (isSeq(node)) {
      const index = node.items.findLastIndex((item) => within(item as Node, offset));
      if (index === -1) break;
      ancestors.push(node);
      path.push(index);
      node = node.items[index] as Node;
    } else {
      break;
    }
  }
  return { path, node: node ?? undefined, pair, onKey, ancestors };
}

function within(node: Node | null | undefined, offset: number): boolean {
  const range = node?.range;
  return !!range && offset >= range[0] && offset <= range[1];
}
