/** Reads a V8 .cpuprofile and lists where the time went (self and inclusive), optionally within a time window. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceMap } from './sourcemap';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

export interface ProfileRow { name: string; where: string; ms: number; percent: number }
export interface ProfileSummary { totalMs: number; samples: number; windowed: boolean; self: ProfileRow[]; inclusive: ProfileRow[] }

/** Summarises samples taken within [windowStart, windowEnd] (monotonic µs); the whole profile if none fall in it. */
const fileLines = new Map<string, string[]>();
function lineOf(file: string, line: number): string {
  let lines = fileLines.get(file);
  if (!lines) {
    try {
      lines = readFileSync(file, 'utf8').split('\n');
    } catch {
      lines = [];
    }
    fileLines.set(file, lines);
  }
  return lines[line] ?? '';
}

export function summariseProfile(file: string, window: { start: number; end: number } | undefined, sourceBase?: string, top = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const maps = new Map<string, SourceMap | undefined>();
  const where = (frame: CallFrame): string => {
    if (!frame.url) return '';
    let map = maps.get(frame.url);
    if (!maps.has(frame.url)) {
      map = frame.url.startsWith('file:') ? SourceMap.tryLoad(fileURLToPath(frame.url), sourceBase) : undefined;
      maps.set(frame.url, map);
    }
    const mapped = map?.lookup(frame.lineNumber, frame.columnNumber);
    if (mapped) return mapped;
    if (!frame.url.startsWith('file:')) return `${frame.url}:${frame.lineNumber + 1}`;
    const file = fileURLToPath(frame.url);
    // No mapping (e.g. esbuild's runtime helpers): show the bundle's line itself.
    return `${path.relative(process.cwd(), file)}:${frame.lineNumber + 1} \`${lineOf(file, frame.lineNumber).trim().slice(0, 70)}\``;
  };
  const keyOf = (frame: CallFrame) => `${frame.functionName || '(anonymous)'}\u0000${where(frame)}`;

  const inWindow = (t: number) => window === undefined || (t >= window.start && t <= window.end);
  let t = profile.startTime;
  const times: number[] = profile.timeDeltas.map((delta) => (t += delta));
  const anyInWindow = window !== undefined && times.some(inWindow);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let samples = 0;
  profile.samples.forEach((nodeId, i) => {
    const time = times[i] as number;
    if (anyInWindow && !inWindow(time)) return;
    // A sample's cost is the gap to the next sample.
    const next = times[i + 1];
    const cost = next === undefined ? 0 : (next - time) / 1000;
    const node = byId.get(nodeId);
    if (!node || node.callFrame.functionName === '(idle)') return;
    total += cost;
    samples++;
    const key = keyOf(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + cost);
    const seen = new Set<string>();
    for (let id: number | undefined = nodeId; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)?.callFrame;
      if (!frame || !frame.url.includes('dist/server.js')) continue;
      const k = keyOf(frame);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + cost);
    }
  });
  const rows = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([key, ms]) => {
    const [name = '', at = ''] = key.split('\u0000');
    return { name, where: at, ms, percent: total > 0 ? (100 * ms) / total : 0 };
  });
  return { totalMs: total, samples, windowed: anyInWindow, self: rows(self), inclusive: rows(inclusive) };
}

export function formatProfile(summary: ProfileSummary): string {
  const table = (rows: ProfileRow[]) => rows.map((r) => `${r.ms.toFixed(1).padStart(9)} ms ${r.percent.toFixed(1).padStart(5)}%  ${r.name}  ${r.where}`).join('\n');
  return [
    `CPU profile: ${summary.totalMs.toFixed(0)} ms of non-idle samples (${summary.samples} samples)${summary.windowed ? ' within the edit loop' : ' (whole run: no samples fell in the edit-loop window)'}`,
    '',
    'Top self time:',
    table(summary.self),
    '',
    'Top inclusive time (frames in dist/server.js):',
    table(summary.inclusive),
  ].join('\n');
}
