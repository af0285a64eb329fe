/**
 * Builds edits in another object found through the workspace index (an HPA's target Deployment,
 * maybe in another file). The edits carry that object's URI and file offsets. The offsets are read
 * from the index entry when they are read: the index moves an unchanged entry when documents
 * before it grow or shrink, so a cached finding's fix still lands on the object.
 */
import type { TextEdit } from '../core/finding';
import type { IndexedObject } from '../index/types';
import { YamlFixer } from '../yaml/fixer';

export function editsInObject(entry: IndexedObject, build: (fixer: YamlFixer) => TextEdit[] | undefined): TextEdit[] | undefined {
  const edits = build(new YamlFixer(entry.text, entry.object.doc.contents));
  if (!edits || edits.length === 0) return undefined;
  return edits.map((edit) => ({
    get start() {
      return edit.start + entry.offset;
    },
    get end() {
      return edit.end + entry.offset;
    },
    newText: edit.newText,
    uri: entry.uri,
  }));
}
