/**
 * Seeded inputs for the schema differential test: objects generated from a schema, and mutations
 * of real objects (wrong types, unknown keys, missing fields, bad enums and quantities, nulls,
 * nested arrays …). Everything is a pure function of the seed, so a failure names its input.
 */

export type Rng = () => number;
type Schema = Record<string, unknown>;

/** mulberry32: small, fast, and the same on every machine. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable seed for a name (FNV-1a). */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const pick = <T>(random: Rng, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const BAD_QUANTITIES = ['512mb', '1 Gi', '2GB', '1gi', 'abc', '1.2.3', '', ' ', '-', '1e', '100 m', '0x10'];
const ODD_VALUES: readonly unknown[] = [
  0, -1, 1.5, 2 ** 40, Number.NaN, Number.POSITIVE_INFINITY, '', 'x', 'true', '80', '1.5', true, false, {}, [], [null], [[1]], 'Always', 'TCP', '100m', '1Gi',
  '2024-01-31T12:00:00Z', 'aGVsbG8=', 'not base64!', 'a'.repeat(300), '😀x', { nested: { deep: [1, 'two'] } },
];

/**
 * One mutation of `value`: a random walk picks a node, and one change is made there, copying only
 * the containers on the way (so large documents stay cheap). Returns the new value and what changed.
 */
export function mutate(value: unknown, random: Rng): { value: unknown; change: string } {
  const path: (string | number)[] = [];
  let node = value;
  // Walk down while containers last; stop early sometimes so every depth gets changes.
  while (node !== null && typeof node === 'object' && random() > 0.12) {
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    const key = pick(random, keys);
    path.push(key);
    node = (node as Record<string | number, unknown>)[key];
  }
  const { next, change } = changeNode(node, random);
  return { value: replaceAt(value, path, next), change: `${change} at /${path.join('/')}` };
}

function changeNode(node: unknown, random: Rng): { next: unknown; change: string } {
  const r = random();
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    const object = node as Record<string, unknown>;
    const keys = Object.keys(object);
    const key = keys.length > 0 ? pick(random, keys) : 'x';
    if (r < 0.2) return { next: without(object, key), change: `delete ${key}` };
    if (r < 0.4) return { next: { ...object, [nearMiss(key, random)]: pick(random, ODD_VALUES) }, change: `near-miss key of ${key}` };
    if (r < 0.5) return { next: { ...object, unknownField: 1 }, change: 'unknown key' };
    if (r < 0.6) return { next: { ...object, [key]: null }, change: `null ${key}` };
    if (r < 0.65) return { next: withOwn(object, '__proto__', { polluted: true }), change: 'own __proto__ key' };
    if (r < 0.7) return { next: { ...object, constructor: 'x', toString: 1 }, change: 'prototype-named keys' };
    if (r < 0.8) return { next: [object], change: 'mapping wrapped in a list' };
    return { next: pick(random, ODD_VALUES), change: 'mapping replaced' };
  }
  if (Array.isArray(node)) {
    if (r < 0.25 && node.length > 0) return { next: [...node, node[0]], change: 'duplicate item' };
    if (r < 0.45) return { next: [...node, null], change: 'null item' };
    if (r < 0.6) return { next: [node], change: 'nested list' };
    if (r < 0.7) return { next: [], change: 'empty list' };
    if (r < 0.8) return { next: Object.fromEntries(node.map((item, i) => [String(i), item])), change: 'list as mapping' };
    return { next: pick(random, ODD_VALUES), change: 'list replaced' };
  }
  if (typeof node === 'string') {
    if (r < 0.25) return { next: pick(random, BAD_QUANTITIES), change: 'bad quantity' };
    if (r < 0.45) return { next: nearMiss(node, random), change: 'near-miss string' };
    if (r < 0.55) return { next: Number(node) || 7, change: 'string as number' };
    if (r < 0.65) return { next: [node], change: 'string in a list' };
  }
  if (typeof node === 'number') {
    if (r < 0.3) return { next: String(node), change: 'quoted number' };
    if (r < 0.5) return { next: node + 0.5, change: 'fraction' };
    if (r < 0.6) return { next: -node - 1, change: 'negative' };
  }
  if (typeof node === 'boolean' && r < 0.5) return { next: String(node), change: 'quoted boolean' };
  return { next: pick(random, ODD_VALUES), change: 'value replaced' };
}

/** A key or value one slip away: case changed, a letter dropped or doubled, or a suffix. */
function nearMiss(text: string, random: Rng): string {
  if (text.length === 0) return 'x';
  const i = Math.floor(random() * text.length);
  switch (Math.floor(random() * 4)) {
    case 0:
      return text.slice(0, i) + (text[i] === text[i]?.toUpperCase() ? text[i]?.toLowerCase() : text[i]?.toUpperCase()) + text.slice(i + 1);
    case 1:
      return text.length > 1 ? text.slice(0, i) + text.slice(i + 1) : `${text}x`;
    case 2:
      return text.slice(0, i + 1) + text.slice(i);
    default:
      return `${text}s`;
  }
}

function replaceAt(root: unknown, path: readonly (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const child = replaceAt((root as Record<string | number, unknown>)[head], rest, next);
  if (Array.isArray(root)) return root.map((item, i) => (i === head ? child : item));
  return withOwn(root as Record<string, unknown>, String(head), child);
}

function without(object: Record<string, unknown>, key: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(object)) if (k !== key) setOwn(out, k, object[k]);
  return out;
}

function withOwn(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(object)) setOwn(out, k, object[k]);
  setOwn(out, key, value);
  return out;
}

/** As strip-nulls.ts writes keys: a "__proto__" key stays an own key, as YAML gives it. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A random object shaped by `schema`: enum values, required and some optional properties, map
 * entries, list items, branches of anyOf/oneOf. About as often valid as not, which is the point.
 */
export function instanceOf(schema: unknown, random: Rng, resolve: (ref: string) => unknown, depth = 0): unknown {
  if (typeof schema !== 'object' || schema === null || depth > 12) return random() < 0.5 ? 'x' : 1;
  let s = schema as Schema;
  if (typeof s.$ref === 'string') return instanceOf(resolve(s.$ref), random, resolve, depth + 1);
  for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = s[keyword];
    if (Array.isArray(branches) && branches.length > 0 && random() < 0.7) s = { ...pick(random, branches as Schema[]), ...s, [keyword]: undefined };
  }
  if (Array.isArray(s.enum) && s.enum.length > 0 && random() < 0.9) return pick(random, s.enum);
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : s.properties ? ['object'] : s.items ? ['array'] : ['string', 'object'];
  switch (pick(random, types)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
      const properties = (s.properties ?? {}) as Record<string, unknown>;
      for (const [name, sub] of Object.entries(properties)) {
        if ((required.has(name) && random() < 0.95) || random() < 0.35 / (1 + depth / 3)) setOwn(out, name, instanceOf(sub, random, resolve, depth + 1));
      }
      if (typeof s.additionalProperties === 'object' && s.additionalProperties !== null) {
        for (let i = Math.floor(random() * 3); i > 0; i--) out[`key${i}`] = instanceOf(s.additionalProperties, random, resolve, depth + 1);
      }
      return out;
    }
    case 'array': {
      const items: unknown[] = [];
      for (let i = Math.floor(random() * 3); i > 0; i--) items.push(instanceOf(s.items, random, resolve, depth + 1));
      return items;
    }
    case 'integer':
      return pick(random, [0, 1, 3, 80, 65536, -1]);
    case 'number':
      return pick(random, [0, 0.5, 2, 1e9]);
    case 'boolean':
      return random() < 0.5;
    case 'null':
      return null;
    default:
      if (s.format === 'quantity') return pick(random, ['100m', '1Gi', '2', '0.5', '512Mi', '1e3']);
      if (s.format === 'byte') return 'aGVsbG8=';
      if (s.format === 'date-time') return '2024-01-31T12:00:00Z';
      return pick(random, ['web', 'a', 'Always', 'TCP', 'v1', 'app.kubernetes.io/name', '8080', '', 'x'.repeat(70)]);
  }
}
