/** Names an index entry as plain data (`ObjectRef`) for fix edits, and finds the entry a name means. */
import { digestOf } from '../core/digest';
import type { ObjectRef } from '../core/finding';
import { memoizeByObject } from '../core/memo';
import type { IndexedObject } from './types';

/** An entry's text never changes (an edited document gets a new entry), so its digest is computed once. */
const digestOfEntry = memoizeByObject((entry: IndexedObject) => digestOf(entry.text));

export function refOf(entry: IndexedObject): ObjectRef {
  const { kind, name } = entry.object;
  return { uri: entry.uri, docIndex: entry.docIndex, kind, ...(name !== undefined ? { name } : {}), digest: digestOfEntry(entry) };
}

/**
 * The entry among a file's entries that `ref` names: the one with the named text, at the named
 * document position when several documents have that text. Undefined when the text is gone, or
 * when several identical documents leave it ambiguous (a wrong edit is worse than none).
 */
export function entryForRef(entries: readonly IndexedObject[], ref: ObjectRef): IndexedObject | undefined {
  const same = entries.filter((entry) => entry.object.kind === ref.kind && digestOfEntry(entry) === ref.digest);
  return same.find((entry) => entry.docIndex === ref.docIndex) ?? (same.length === 1 ? same[0] : undefined);
}
