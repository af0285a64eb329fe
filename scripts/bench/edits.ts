/**
 * The edit series: one-character changes spread over the file, each in the value of a `key: value`
 * line (never apiVersion/kind), alternating replacements and insertions. Planned on the current
 * text, so both servers receive exactly the same edits.
 */

export interface Edit {
  line: number;
  character: number;
  /** 1 for a replacement, 0 for an insertion. */
  removed: 0 | 1;
  text: string;
}

const KEY_VALUE = /^(\s*(?:-\s+)?)([A-Za-z_][\w./-]*):[ \t]+(.*)$/;

function valueRange(line: string): { start: number; end: number } | undefined {
  const match = KEY_VALUE.exec(line);
  if (!match) return undefined;
  const [, , key = '', rawValue = ''] = match;
  if (key === 'apiVersion' || key === 'kind') return undefined;
  if (/^[|>&*!{[#]/.test(rawValue)) return undefined;
  const comment = rawValue.search(/\s#/);
  const value = comment === -1 ? rawValue : rawValue.slice(0, comment);
  if (!/[A-Za-z0-9]/.test(value)) return undefined;
  const start = line.length - rawValue.length;
  return { start, end: start + value.length };
}

function successor(ch: string): string {
  if (/[0-9]/.test(ch)) return String((Number(ch) + 1) % 10);
  if (/[a-z]/.test(ch)) return ch === 'z' ? 'a' : String.fromCharCode(ch.charCodeAt(0) + 1);
  return ch === 'Z' ? 'A' : String.fromCharCode(ch.charCodeAt(0) + 1);
}

/** The `index`-th of `count` edits, at about (index + 0.5) / count through the file. */
export function planEdit(lines: readonly string[], index: number, count: number): Edit {
  const startLine = Math.floor(((index + 0.5) * lines.length) / count);
  for (let step = 0; step < lines.length; step++) {
    const lineNumber = (startLine + step) % lines.length;
    const line = lines[lineNumber] as string;
    if (line.trimStart().startsWith('#')) continue;
    const range = valueRange(line);
    if (!range) continue;
    let at = range.end - 1;
    while (at >= range.start && !/[A-Za-z0-9]/.test(line[at] as string)) at--;
    const ch = line[at] as string;
    if (index % 3 === 2) return { line: lineNumber, character: at + 1, removed: 0, text: /[0-9]/.test(ch) ? '1' : 'x' };
    return { line: lineNumber, character: at, removed: 1, text: successor(ch) };
  }
  throw new Error('no line with a scalar value to edit');
}

export function applyEdit(lines: string[], edit: Edit): void {
  const line = lines[edit.line] as string;
  lines[edit.line] = line.slice(0, edit.character) + edit.text + line.slice(edit.character + edit.removed);
}

/** The LSP `contentChanges` entry (incremental sync) for an edit. */
export function contentChange(edit: Edit): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  return {
    range: { start: { line: edit.line, character: edit.character }, end: { line: edit.line, character: edit.character + edit.removed } },
    text: edit.text,
  };
}
