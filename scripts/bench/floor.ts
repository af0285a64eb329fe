/** The floor: what the `yaml` package alone needs to parse the whole file, and one document of it. */
import { parseAllDocuments } from 'yaml';
import { lineCount, splitDocuments } from './input';
import { median, nowMs } from './stats';

export interface FloorResult {
  wholeFileMs: number;
  wholeFileRuns: number;
  /** The line-weighted median document (where a typical edit lands). */
  oneDocMs: number;
  oneDocLines: number;
  largestDocMs: number;
  largestDocLines: number;
  documents: number;
}

/** Median of runs after one warm-up, at least `minRuns` and until `budgetMs` is spent (at most `maxRuns`). */
function time(fn: () => void, minRuns: number, maxRuns: number, budgetMs: number): { ms: number; runs: number } {
  fn();
  const times: number[] = [];
  const started = nowMs();
  while (times.length < minRuns || (times.length < maxRuns && nowMs() - started < budgetMs)) {
    const t0 = nowMs();
    fn();
    times.push(nowMs() - t0);
  }
  return { ms: median(times), runs: times.length };
}

export function measureFloor(text: string): FloorResult {
  const whole = time(() => parseAllDocuments(text), 5, 15, 3000);
  const docs = splitDocuments(text).map((doc) => ({ doc, lines: lineCount(doc) })).sort((a, b) => a.lines - b.lines);
  // The document a randomly placed edit lands in, typically: the line-weighted median.
  const total = docs.reduce((sum, d) => sum + d.lines, 0);
  let seen = 0;
  const middle = docs.find((d) => (seen += d.lines) >= total / 2) ?? { doc: text, lines: lineCount(text) };
  const largest = docs[docs.length - 1] ?? middle;
  const one = time(() => parseAllDocuments(middle.doc), 50, 500, 500);
  const big = time(() => parseAllDocuments(largest.doc), 10, 200, 1000);
  return { wholeFileMs: whole.ms, wholeFileRuns: whole.runs, oneDocMs: one.ms, oneDocLines: middle.lines, largestDocMs: big.ms, largestDocLines: largest.lines, documents: docs.length };
}
