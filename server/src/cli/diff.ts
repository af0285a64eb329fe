/** A unified diff (`diff -u` style, 3 lines of context) of two texts, by Myers' O(ND) line diff. */

type Op = { type: ' ' | '-' | '+'; text: string; oldIndex: number; newIndex: number };

const CONTEXT = 3;

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string): string {
  if (oldText === newText) return '';
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const ops = diffLines(a.lines, b.lines);
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  const changes = ops.map((op, i) => (op.type === ' ' ? -1 : i)).filter((i) => i !== -1);
  let h = 0;
  while (h < changes.length) {
    let last = h;
    while (last + 1 < changes.length && changes[last + 1]! - changes[last]! <= CONTEXT * 2 + 1) last++;
    const from = Math.max(0, changes[h]! - CONTEXT);
    const to = Math.min(ops.length, changes[last]! + CONTEXT + 1);
    const hunk = ops.slice(from, to);
    const oldLines = hunk.filter((op) => op.type !== '+');
    const newLines = hunk.filter((op) => op.type !== '-');
    const oldStart = oldLines.length > 0 ? oldLines[0]!.oldIndex + 1 : hunk[0]!.oldIndex;
    const newStart = newLines.length > 0 ? newLines[0]!.newIndex + 1 : hunk[0]!.newIndex;
    out.push(`@@ -${oldStart},${oldLines.length} +${newStart},${newLines.length} @@`);
    for (const op of hunk) {
      out.push(`${op.type}${op.text}`);
      const missingNewline = (op.type !== '+' && op.oldIndex === a.lines.length - 1 && !a.finalNewline) || (op.type !== '-' && op.newIndex === b.lines.length - 1 && !b.finalNewline);
      if (missingNewline) out.push('\\ No newline at end of file');
    }
    h = last + 1;
  }
  return `${out.join('\n')}\n`;
}

function splitLines(text: string): { lines: string[]; finalNewline: boolean } {
  if (text === '') return { lines: [], finalNewline: true };
  const lines = text.split('\n');
  const finalNewline = lines[lines.length - 1] === '';
  if (finalNewline) lines.pop();
  return { lines, finalNewline };
}

export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m) to (0, 0).
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const row = trace[d]!;
    const at = (k: number) => row[k + d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ type: ' ', text: a[x]!, oldIndex: x, newIndex: y });
    }
    if (d > 0) {
      if (x === prevX) ops.push({ type: '+', text: b[prevY]!, oldIndex: prevX, newIndex: prevY });
      else ops.push({ type: '-', text: a[prevX]!, oldIndex: prevX, newIndex: prevY });
    }
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}
