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

const START_MARKER = /^---(?:[ \t\r\n]|$)/;
const END_MARKER = /^\.\.\.(?:[ \t\r\n]|$)/;

export function splitDocuments(text: string): TextChunk[] {
  const chunks: TextChunk[] = [];
  let chunkStart = 0;
  let lineStart = 0;
  let chunkHasContent = false;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    const line = text.slice(lineStart, lineEnd);
    if (START_MARKER.test(line)) {
      // A `---` opens a new document; everything before it (if it holds more than blank lines and
      // comments) is the previous document.
      if (chunkHasContent) {
        chunks.push({ offset: chunkStart, text: text.slice(chunkStart, lineStart) });
        chunkStart = lineStart;
      }
      chunkHasContent = true;
    } else if (END_MARKER.test(line)) {
      chunks.push({ offset: chunkStart, text: text.slice(chunkStart, lineEnd) });
      chunkStart = lineEnd;
      chunkHasContent = false;
    } else if (!chunkHasContent && /^[ \t]*[^\s#%]/.test(line)) {
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
