/**
 * The unified diff that `--fix-dry-run` prints (3 lines of context), made by jsdiff so that it is a
 * patch `git apply` and `patch` accept: a last line without a newline is marked
 * `\ No newline at end of file`, and CRLF endings and a byte order mark stay in the lines as they are.
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string): string {
  if (oldText === newText) return '';
  return createTwoFilesPatch(oldName, newName, oldText, newText, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
