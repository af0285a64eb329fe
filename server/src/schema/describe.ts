/** Short English renderings of JSON values and schema types, for problem messages. */

const TYPE_WORDS: Record<string, string> = {
  array: 'a list',
  boolean: 'a boolean',
  integer: 'an integer',
  null: 'null',
  number: 'a number',
  object: 'a mapping',
  string: 'a string',
};

/** Quotes a string for a message, cutting very long values so messages stay one line. */
export function quote(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

export function describeValue(value: unknown): string {
  if (value === null) return 'an empty value (null)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `a string (${quote(value)})`;
    case 'number':
      return Number.isInteger(value) ? `an integer (${value})` : `a number (${value})`;
    case 'boolean':
      return `a boolean (${value})`;
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

export function describeExpected(types: unknown, format: unknown): string {
  if (format === 'quantity') return 'a quantity (a number, or a string such as "500m" or "1Gi")';
  const list = (Array.isArray(types) ? types : [types]).map((t) => TYPE_WORDS[String(t)] ?? String(t));
  return list.join(' or ');
}

/** Renders allowed enum values; the empty string gets quotes so it stays visible. */
export function describeAllowed(values: readonly unknown[]): string {
  return values.map((v) => (v === '' ? '""' : String(v))).join(', ');
}
