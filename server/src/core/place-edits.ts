/**
 * Turns a fix's edits into file offsets: the one step between findings (plain data, edits in other
 * objects relative to those objects) and what a front end applies or shows. The language server
 * (lsp/convert.ts) and the CLI (cli/report.ts) place edits with their current index, so a cached
 * finding's edit lands on its object wherever that object has moved since.
 */
import type { FixEdit, ObjectRef, TextEdit } from './finding';

/** An edit in file offsets of the file `uri`. */
export interface PlacedEdit extends TextEdit {
  readonly uri: string;
}

/** Where an object is now: its document's offset in its file and its document text; undefined when it is gone or has changed. */
export type LocateObject = (ref: ObjectRef) => { readonly offset: number; readonly text: string } | undefined;

/**
 * The edits in file offsets: `self` edits in `selfUri`, the others moved by their object's current
 * offset. `fileText` gives the text the placed offsets will be applied to; an object whose document
 * is not at the located offset of that text (the index lags behind an editor) places nothing.
 * Undefined when any edit cannot be placed: a fix is offered whole or not at all.
 */
export function placeEdits(edits: readonly FixEdit[], selfUri: string, locate: LocateObject, fileText: (uri: string) => string | undefined): PlacedEdit[] | undefined {
  const placed: PlacedEdit[] = [];
  for (const edit of edits) {
    if (edit.target === 'self') {
      placed.push({ uri: selfUri, start: edit.start, end: edit.end, newText: edit.newText });
      continue;
    }
    const where = locate(edit.target);
    const text = where && fileText(edit.target.uri);
    if (!where || text === undefined || !text.startsWith(where.text, where.offset) || edit.end > where.text.length) return undefined;
    placed.push({ uri: edit.target.uri, start: where.offset + edit.start, end: where.offset + edit.end, newText: edit.newText });
  }
  return placed;
}
