/**
 * Seeded text mutations for the robustness fuzzer. Every mutation works on the text as lines and is
 * chosen by the PRNG alone, so a run is reproduced exactly from its seed.
 */

/** sfc32: small, fast, good enough for fuzzing, and identical on every platform. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    const t = (this.a + this.b + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * Math.max(0, n));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** Scalars that stress the rules' value handling (quantities, counts, probes, booleans). */
const HOSTILE_SCALARS = [
  '', '~', 'null', '0', '-1', '-0', '1.5', '1e400', '-1e400', '.inf', '-.inf', '.nan', '0x1F', '0o17', '99999999999999999999999',
  '99999999999999999999Ei', '1e3m', '0.0000001m', '1Ki', '1k', '1K', '1kb', '512MB', '-5Gi', '1.5.5', 'm', 'Mi', '+Inf', '1E', '1e',
  'true', 'false', 'yes', 'On', '"1"', "'2'", '"\\u0000"', '"\\ud800"', '!!binary aGVsbG8=', '!!binary not base64', '!!timestamp 2001-12-14',
  '!!int abc', '!!float x', '!custom value', '[]', '{}', '[1, 2', '{a: 1', '*undefinedAlias', '&anchor value', '|', '>-', '"unterminated',
  '{{ .Values.x }}', '${VAR}', '"a: b"', 'a: b', '- x', '? complex', '@reserved', '`backtick', '%percent', '#not-a-comment', ' #comment',
  'x'.repeat(3000), '1'.repeat(400), 'é🚀\u200b\u202e', '\\', '"\\"', 'IfNotPresent', 'Always', 'RollingUpdate',
];

const INSERTED_LINES = [
  '---', '...', '--- !tag', '--- |', '---\t# doc', '%YAML 1.2', '%YAML 1.1\n---', '%TAG ! tag:example.com,2000:', '#', '? key\n: value',
  '<<: *base', '<<: [*a, *b]', 'base: &base {cpu: 1}', '- &item x', 'x: *item', 'apiVersion: v1', 'kind: Pod', 'kind: Deployment',
  'apiVersion: apps/v1', 'metadata:', '  name: fuzz', 'spec:', '  containers:', '  - name: c', '    image: nginx', 'resources:',
  '  limits: {cpu: "1", memory: 1Gi}', '  requests:', '    cpu: 2', 'replicas: 1', 'minReplicas: 5', 'maxReplicas: 2', '\t', ' ', '',
  'key: value # comment', '"quoted key": 1', "'single': 2", 'key: [a, b, {c: d}]', 'key: |\n  block\n   scalar', 'key: >\n folded',
  '!!map {a: 1}', '!!set {a, b}', '!!omap [a: 1]', 'a: &a [*a]', 'x: &x\n  y: *x',
];

const SIGNIFICANT = [':', '-', '[', ']', '{', '}', '"', "'", '|', '>', '#', '&', '*', '!', '%', '@', '`', ',', '?', ' ', '\t', '\n', '\r', '\\'];

export type Mutation = (text: string, rng: Prng) => string;

function lines(text: string): string[] {
  return text.split('\n');
}

function join(parts: string[]): string {
  return parts.join('\n');
}

function randomChars(rng: Prng, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    const r = rng.next();
    if (r < 0.35) out += rng.pick(SIGNIFICANT);
    else if (r < 0.55) out += String.fromCharCode(rng.int(32)); // control characters, NUL included
    else if (r < 0.65) out += String.fromCharCode(0xd800 + rng.int(0x800)); // lone surrogates
    else if (r < 0.75) out += rng.pick(['\ufeff', '\u2028', '\u2029', '\u0085', '\u00a0', '\ufffd', '🚀', 'é', '\u0301', '\uffff']);
    else out += String.fromCharCode(32 + rng.int(95));
  }
  return out;
}

/** Index of a random line that has a `key: value` or `key:` shape, or -1. */
function keyLine(parts: string[], rng: Prng): number {
  const candidates: number[] = [];
  for (let i = 0; i < parts.length; i++) if (/^\s*(?:-\s+)?[\w.\-/"']+:(?:\s|$)/.test(parts[i]!)) candidates.push(i);
  return candidates.length > 0 ? rng.pick(candidates) : -1;
}

export const MUTATIONS: Record<string, Mutation> = {
  deleteLines(text, rng) {
    const parts = lines(text);
    const at = rng.int(parts.length);
    parts.splice(at, 1 + (rng.chance(0.3) ? rng.int(5) : 0));
    return join(parts);
  },
  duplicateLines(text, rng) {
    const parts = lines(text);
    const at = rng.int(parts.length);
    const count = 1 + (rng.chance(0.3) ? rng.int(6) : 0);
    parts.splice(at, 0, ...parts.slice(at, at + count));
    return join(parts);
  },
  swapLines(text, rng) {
    const parts = lines(text);
    if (parts.length < 2) return text;
    const a = rng.int(parts.length);
    const b = rng.chance(0.5) ? Math.min(parts.length - 1, a + 1) : rng.int(parts.length);
    [parts[a], parts[b]] = [parts[b]!, parts[a]!];
    return join(parts);
  },
  changeIndentation(text, rng) {
    const parts = lines(text);
    const at = rng.int(parts.length);
    const count = 1 + rng.int(rng.chance(0.3) ? 20 : 2);
    const delta = rng.pick([-4, -2, -1, 1, 2, 4, 8]);
    for (let i = at; i < Math.min(parts.length, at + count); i++) {
      const line = parts[i]!;
      parts[i] = delta > 0 ? ' '.repeat(delta) + line : line.replace(new RegExp(`^ {0,${-delta}}`), '');
    }
    return join(parts);
  },
  insertTab(text, rng) {
    const parts = lines(text);
    const at = rng.int(parts.length);
    const line = parts[at]!;
    const column = rng.chance(0.6) ? 0 : rng.int(line.length + 1);
    parts[at] = line.slice(0, column) + '\t' + line.slice(column);
    return join(parts);
  },
  truncate(text, rng) {
    return text.slice(0, rng.int(text.length + 1));
  },
  duplicateKey(text, rng) {
    const parts = lines(text);
    const at = keyLine(parts, rng);
    if (at < 0) return text;
    const copy = parts[at]!.replace(/^(\s*)-\s+/, (_, indent: string) => `${indent}  `);
    parts.splice(at + 1 + rng.int(3), 0, copy);
    return join(parts);
  },
  anchorsAndAliases(text, rng) {
    const parts = lines(text);
    const at = keyLine(parts, rng);
    if (at < 0) return text;
    const name = rng.pick(['a', 'base', 'x1', 'dup']);
    const kind = rng.int(6);
    if (kind === 0) parts[at] = parts[at]!.replace(/:(\s|$)/, `: &${name}$1`); // anchor a value
    else if (kind === 1) parts[at] = parts[at]!.replace(/:(\s.*)?$/, `: *${name}`); // alias (maybe undefined)
    else if (kind === 2) {
      const indent = /^\s*/.exec(parts[at]!)![0];
      parts.splice(at + 1, 0, `${indent}<<: *${name}`); // merge key
    } else if (kind === 3) {
      const indent = /^\s*/.exec(parts[at]!)![0];
      parts.splice(at, 0, `${indent}${name}: &${name}`, `${indent}  k: v`, `${indent}self: *${name}`);
    } else if (kind === 4) {
      // a small alias bomb
      const indent = /^\s*/.exec(parts[at]!)![0];
      const bomb = [`${indent}b0: &b0 [x, x, x, x, x, x, x, x]`];
      for (let i = 1; i < 8; i++) bomb.push(`${indent}b${i}: &b${i} [${Array(8).fill(`*b${i - 1}`).join(', ')}]`);
      parts.splice(at, 0, ...bomb);
    } else {
      parts[at] = parts[at]!.replace(/^(\s*)/, `$1&${name} `); // anchor on a key
    }
    return join(parts);
  },
  flipScalar(text, rng) {
    const parts = lines(text);
    const at = keyLine(parts, rng);
    if (at < 0) return text;
    const match = /^(\s*(?:-\s+)?[^:]+):\s*(.*)$/.exec(parts[at]!);
    if (!match) return text;
    const [, key, value] = match as unknown as [string, string, string];
    const indent = ' '.repeat(key.length - key.trimStart().length + 2);
    const shapes = [`${key}: {${value || 'a'}: 1}`, `${key}: [${value}]`, `${key}:\n${indent}- ${value || 'x'}`, `${key}:\n${indent}k: ${value || 'v'}`, `${key}: {}`, `${key}: []`, `${key}:`];
    parts[at] = rng.pick(shapes);
    return join(parts);
  },
  hostileScalar(text, rng) {
    const parts = lines(text);
    const at = keyLine(parts, rng);
    if (at < 0) return text;
    parts[at] = parts[at]!.replace(/:(?:\s.*)?$/, `: ${rng.pick(HOSTILE_SCALARS)}`);
    return join(parts);
  },
  randomBytes(text, rng) {
    const at = rng.int(text.length + 1);
    const remove = rng.chance(0.5) ? rng.int(4) : 0;
    return text.slice(0, at) + randomChars(rng, 1 + rng.int(8)) + text.slice(at + remove);
  },
  significantChar(text, rng) {
    const at = rng.int(text.length);
    return text.slice(0, at) + rng.pick(SIGNIFICANT) + text.slice(at + (rng.chance(0.5) ? 1 : 0));
  },
  lineEndings(text, rng) {
    const kind = rng.int(3);
    if (kind === 0) return text.replace(/\r?\n/g, '\r\n');
    if (kind === 1) return text.replace(/\r\n/g, '\n');
    const parts = lines(text); // mixed: some CRLF, some lone CR
    const at = rng.int(parts.length);
    parts[at] = parts[at]! + rng.pick(['\r', '\r\r', '\u2028']);
    return join(parts);
  },
  byteOrderMark(text, rng) {
    if (rng.chance(0.6)) return text.startsWith('\ufeff') ? text.slice(1) : '\ufeff' + text;
    const at = rng.int(text.length + 1);
    return text.slice(0, at) + '\ufeff' + text.slice(at);
  },
  documentMarkers(text, rng) {
    const parts = lines(text);
    parts.splice(rng.int(parts.length + 1), 0, rng.pick(['---', '...', '--- # c', '---\r', '--- {}', '--- []', '--- x', '%YAML 1.2\n---', '... # end']));
    return join(parts);
  },
  insertLine(text, rng) {
    const parts = lines(text);
    const at = rng.int(parts.length + 1);
    const indent = rng.chance(0.5) ? (/^\s*/.exec(parts[Math.min(at, parts.length - 1)] ?? '')?.[0] ?? '') : '';
    parts.splice(at, 0, ...rng.pick(INSERTED_LINES).split('\n').map((line) => indent + line));
    return join(parts);
  },
  longLine(text, rng) {
    const parts = lines(text);
    const at = keyLine(parts, rng);
    if (at < 0) return text;
    parts[at] = parts[at]!.replace(/:(?:\s.*)?$/, `: ${rng.pick(['a', '- ', ' ', '"\\', '{', '[a,', '1'] as const).repeat(1000 + rng.int(20_000))}`);
    return join(parts);
  },
  deepNesting(text, rng) {
    const parts = lines(text);
    const at = keyLine(parts, rng);
    if (at < 0) return text;
    const depth = 50 + rng.int(3000);
    const shape = rng.int(3);
    const value = shape === 0 ? '['.repeat(depth) + ']'.repeat(depth) : shape === 1 ? '{a: '.repeat(depth) + '1' + '}'.repeat(depth) : '- '.repeat(depth) + 'x';
    parts[at] = parts[at]!.replace(/:(?:\s.*)?$/, `: ${value}`);
    return join(parts);
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** Applies 1–3 random mutations; returns the text and the names applied. */
export function mutate(text: string, rng: Prng): { text: string; applied: string[] } {
  const applied: string[] = [];
  let current = text;
  const count = 1 + (rng.chance(0.35) ? 1 + rng.int(2) : 0);
  for (let i = 0; i < count; i++) {
    const name = rng.pick(MUTATION_NAMES);
    current = MUTATIONS[name]!(current, rng);
    applied.push(name);
  }
  return { text: current, applied };
}
