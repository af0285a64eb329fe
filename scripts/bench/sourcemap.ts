/** Just enough of source map v3 to turn a bundle line:column into source file:line. */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = BASE64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

export class SourceMap {
  /** Per generated line: [column, sourceIndex, originalLine] triples, sorted by column. */
  private readonly lines: number[][][] = [];
  private readonly sources: string[];

  /** `sourceBase`: the folder the map's relative sources are relative to (default: the map's own). */
  constructor(mapFile: string, sourceBase = path.dirname(mapFile)) {
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; sourceRoot?: string; mappings: string };
    const base = sourceBase;
    this.sources = map.sources.map((s) => path.relative(process.cwd(), path.resolve(base, map.sourceRoot ?? '', s)));
    let source = 0;
    let originalLine = 0;
    for (const line of map.mappings.split(';')) {
      let column = 0;
      const segments: number[][] = [];
      for (const segment of line.split(',')) {
        if (!segment) continue;
        const fields = decodeVlq(segment);
        column += fields[0] ?? 0;
        if (fields.length >= 4) {
          source += fields[1] ?? 0;
          originalLine += fields[2] ?? 0;
          segments.push([column, source, originalLine]);
        }
      }
      this.lines.push(segments);
    }
  }

  /** `file:line` (1-based) for a 0-based generated position, or undefined. */
  lookup(line: number, column: number): string | undefined {
    const segments = this.lines[line];
    if (!segments || segments.length === 0) return undefined;
    let best: number[] | undefined;
    for (const segment of segments) {
      if ((segment[0] as number) <= column) best = segment;
      else break;
    }
    best ??= segments[0];
    return best ? `${this.sources[best[1] as number]}:${(best[2] as number) + 1}` : undefined;
  }

  /** The bundle's map, unless missing or older than the bundle (a later build without source maps). */
  static tryLoad(bundle: string, sourceBase?: string): SourceMap | undefined {
    try {
      if (statSync(`${bundle}.map`).mtimeMs < statSync(bundle).mtimeMs - 2000) return undefined;
      return new SourceMap(`${bundle}.map`, sourceBase);
    } catch {
      return undefined;
    }
  }
}
