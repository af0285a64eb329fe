/**
 * Kubernetes decodes `key: null` and an empty `key:` as "not set". We mirror that by dropping
 * null-valued mapping entries before validation, so they are neither type errors nor unknown
 * fields, and a null required field is reported as missing.
 *
 * Nulls inside lists are kept: `- ` (an empty list item) is a mistake the schema should report.
 * The input is never mutated; untouched subtrees are shared rather than copied.
 */
export function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const next = stripNulls(item);
      if (next !== item) {
        out ??= value.slice();
        out[i] = next;
      }
    }
    return out ?? value;
  }
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    for (const key of Object.keys(source)) {
      const item = source[key];
      if (item === null) {
        out ??= copyUpTo(source, key);
        continue;
      }
      const next = stripNulls(item);
      if (out) setOwn(out, key, next);
      else if (next !== item) {
        out = copyUpTo(source, key);
        setOwn(out, key, next);
      }
    }
    return out ?? value;
  }
  return value;
}

/** A shallow copy holding the entries that come before `stopKey`. */
function copyUpTo(source: Record<string, unknown>, stopKey: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    if (key === stopKey) break;
    setOwn(out, key, source[key]);
  }
  return out;
}

/** Plain assignment would turn a "__proto__" key from YAML into a prototype change. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
