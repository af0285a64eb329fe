/**
 * The facts about ajv 8 (draft-07, `allErrors`, `verbose`) that the interpreter reproduces: which
 * keywords ajv treats as rules, in which order it runs them, and how it tells data types apart.
 * Read from ajv's own sources (`compile/rules.ts`, `compile/validate/dataType.ts`, the vocabularies);
 * `test/unit/schema-interpreter.test.ts` checks the order against a live ajv instance.
 */

/** A type group in ajv's RULES: keywords that apply only to data of that type. */
export type GroupType = 'number' | 'string' | 'array' | 'object';

/**
 * ajv's rule groups in the order it evaluates them (the untyped group first), each with its
 * keywords in ajv's order. Keywords added to an instance with `addKeyword` go at the end of the
 * untyped group. `format` applies to numbers and strings, so it sits in both groups.
 */
export const RULE_GROUPS: readonly { type: GroupType | undefined; keywords: readonly string[] }[] = [
  { type: undefined, keywords: ['$comment', 'id', '$ref', 'type', 'nullable', 'const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf', 'if', 'then', 'else'] },
  { type: 'number', keywords: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format'] },
  { type: 'string', keywords: ['maxLength', 'minLength', 'pattern', 'format'] },
  { type: 'array', keywords: ['maxItems', 'minItems', 'additionalItems', 'items', 'contains', 'uniqueItems'] },
  { type: 'object', keywords: ['maxProperties', 'minProperties', 'required', 'propertyNames', 'additionalProperties', 'dependencies', 'properties', 'patternProperties'] },
];

/** Rule keywords the interpreter does not implement; a schema using one is left to ajv. */
export const UNSUPPORTED_RULES: ReadonlySet<string> = new Set([
  '$comment', 'id', 'nullable', 'if', 'then', 'else', 'additionalItems', 'contains', 'propertyNames', 'dependencies', 'patternProperties',
]);

export const JSON_TYPES: ReadonlySet<string> = new Set(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']);

/**
 * ajv's `checkDataType`: `strictNumbers` (on in strict mode) makes NaN and ±Infinity no numbers.
 * `integer` is a number with no fraction; an object is a non-null, non-array object.
 */
export function isType(type: string, data: unknown, strictNumbers: boolean): boolean {
  switch (type) {
    case 'null':
      return data === null;
    case 'array':
      return Array.isArray(data);
    case 'object':
      return !!data && typeof data === 'object' && !Array.isArray(data);
    case 'integer':
      return typeof data === 'number' && !(data % 1) && !Number.isNaN(data) && (!strictNumbers || Number.isFinite(data));
    case 'number':
      return typeof data === 'number' && (!strictNumbers || Number.isFinite(data));
    default:
      return typeof data === type;
  }
}

/** ajv's `checkDataTypes` for a union: the data has one of the types. */
export function isAnyType(types: readonly string[], data: unknown, strictNumbers: boolean): boolean {
  for (const type of types) if (isType(type, data, strictNumbers)) return true;
  return false;
}

/** ajv's `escapeJsonPointer`, used for instance paths. */
export function escapePointer(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

/** ajv's `escapeFragment`, used for schema paths. */
export function escapeFragment(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}
