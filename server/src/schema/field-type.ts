/** Short descriptions of a field's schema for completion details and hover: "integer", "one of: A, B". */
import type { FieldSchema } from './types';

const WORDS: Readonly<Record<string, string>> = { array: 'list', object: 'mapping', integer: 'integer', number: 'number', string: 'string', boolean: 'boolean' };

/** "integer", "string", "integer or string", "quantity", "list of mappings", "map of string". */
export function fieldType(schema: FieldSchema): string {
  // A nested reference is named by its type, as the API reference names it ("list of Container").
  if (schema.$ref !== undefined) return schema.$ref.slice(schema.$ref.lastIndexOf('.') + 1);
  if (schema.format === 'quantity') return 'quantity (e.g. 500m, 2, 1Gi)';
  const types = Array.isArray(schema.type) ? schema.type : schema.type !== undefined ? [schema.type] : [];
  if (types.length === 0) return schema['x-kubernetes-preserve-unknown-fields'] ? 'any value' : schema.properties ? 'mapping' : 'any value';
  if (types.length > 1) return types.map((t) => WORDS[t] ?? t).join(' or ');
  const type = types[0] as string;
  if (type === 'array') {
    return schema.items ? `list of ${plural(fieldType(schema.items))}` : 'list';
  }
  if (type === 'object' && !schema.properties && typeof schema.additionalProperties === 'object') {
    return `map of ${fieldType(schema.additionalProperties)}`;
  }
  return WORDS[type] ?? type;
}

/** The allowed values of an enum, or of a boolean; undefined for open values. */
export function allowedValues(schema: FieldSchema): string[] | undefined {
  if (schema.enum) return schema.enum.map((v) => (v === '' ? '""' : String(v)));
  return schema.type === 'boolean' ? ['true', 'false'] : undefined;
}

/** True when the field holds a mapping or a list, so a completion writes `key:` and no value. */
export function isCollection(schema: FieldSchema): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.includes('object') || types.includes('array') || (schema.type === undefined && schema.properties !== undefined);
}

function plural(text: string): string {
  if (text === 'mapping') return 'mappings';
  if (text === 'string') return 'strings';
  if (text === 'integer') return 'integers';
  return text;
}
