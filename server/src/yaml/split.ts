/**
 * Splits a YAML stream into document chunks without parsing it. A line that starts with `---` or
 * `...` at column 0 is a document marker wherever it stands in YAML, so the split is exact and lets
 * each document be parsed (and cached) on its own.
 */

export interface TextChunk {
  /** Offset of the chunk's first character in the whole file. */
  offset: number;
  text: string;
}

/** True when a `---` or `...` marker (three of `char`, then whitespace or the end) starts the line at `at`. */
function markerAt(text: string, at: number, char: string): boolean {
  if (text[at] !== char || text[at + 1] !== char || text[at + 2] !== char) return false;
  const after = text[at + 3];
  return after === undefined || after === ' ' || after === '\t' || after === '\r' || after === '\n';
}

/** True when the line at `at` holds YAML content: something other than blanks, a comment or a directive. */
function contentAt(text: string, at: number, end: number): boolean {
  for (let i = at; i < end; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t') continue;
    return !(c === '\r' || c === '\n' || c === '#' || c === '%' || /\s/.test(c!));
  }
  return false;
}

export function splitDocuments(text: string): TextChunk[] {
  // Lines are examined in place, never sliced: a large file has tens of thousands of them and is
  // split again on every keystroke.
  const chunks: TextChunk[] = [];
  let chunkStart = 0;
  let lineStart = 0;
  let chunkHasContent = false;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    if (markerAt(text, lineStart, '-')) {
      // A `---` opens a new document; everything before it (if it holds more than blank lines and
      // comments) is the previous document.
      if (chunkHasContent) {
        chunks.push({ offset: chunkStart, text: text.slice(chunkStart, lineStart) });
        chunkStart = lineStart;
      }
      chunkHasContent = true;
    } else if (markerAt(text, lineStart, '.')) {
      chunks.push({ offset: chunkStart, text: text.slice(chunkStart, lineEnd) });
      chunkStart = lineEnd;
      chunkHasContent = false;
    } else if (!chunkHasContent && contentAt(text, lineStart, lineEnd)) {
      chunkHasContent = true;
    }
    if (newline === -1) break;
    lineStart = lineEnd;
  }
  if (chunkStart < text.length || chunks.length === 0) {
    chunks.push({ offset: chunkStart, text: text.slice(chunkStart) });
  }
  return chunks;
}
