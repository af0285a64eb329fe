/**
 * Builds edits in another object found through the workspace index (an HPA's target Deployment,
 * maybe in another file). Each edit names its object (`ObjectRef`: URI, document position, text
 * digest) and has offsets relative to that object's document text: plain data that stays true
 * while the index moves the object, placed in file offsets only on the way out (core/place-edits.ts).
 */
import type { FixEdit, TextEdit } from '../core/finding';
import { refOf } from '../index/object-ref';
import type { IndexedObject } from '../index/types';
import { YamlFixer } from '../yaml/fixer';

export function editsInObject(entry: IndexedObject, build: (fixer: YamlFixer) => TextEdit[] | undefined): FixEdit[] | undefined {
  const edits = build(new YamlFixer(entry.text, entry.object.doc.contents));
  if (!edits || edits.length === 0) return undefined;
  const target = refOf(entry);
  return edits.map((edit) => ({ target, start: edit.start, end: edit.end, newText: edit.newText }));
}
