/**
 * A conservative stand-in for the check ajv makes before it compiles a CRD schema: validation
 * against the draft-07 meta-schema (a failure makes ajv throw, and crd.ts then reports nothing for
 * that CRD). Compiling the meta-schema alone costs ajv ~30 ms, so the interpreter path asks this
 * instead.
 *
 * It answers true only where ajv's meta-validation surely passes and ajv's schema scan (ids,
 * anchors, `$async`) finds nothing to act on; anything else is false and goes to ajv, which then
 * decides. Being stricter than ajv costs only speed; being looser would change findings, so every
 * accepted keyword value is checked at least as strictly as the meta-schema does.
 */
import ajvEqual from 'ajv/dist/runtime/equal';
import { JSON_TYPES } from './ajv-rules';

const equal = ajvEqual as unknown as (a: unknown, b: unknown) => boolean;

const NUMBERS = new Set(['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum']);
const COUNTS = new Set(['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const STRINGS = new Set(['title', 'description', 'pattern', 'format']);
/** Keywords whose values ajv neither validates as schemas nor scans for ids. */
const OPAQUE = new Set(['default', 'const']);
/** Keywords of the meta-schema (or of ajv) that we do not vet; a schema using one goes to ajv. */
const DECLINED = new Set([
  'id', 'readOnly', 'writeOnly', 'examples', 'contentMediaType', 'contentEncoding', 'contentSchema', 'definitions', 'dependencies',
  'patternProperties', 'propertyNames', 'if', 'then', 'else', 'contains', 'additionalItems', 'nullable', 'deprecated', 'discriminator',
]);

export function isVettedSchema(schema: unknown): boolean {
  if (typeof schema === 'boolean') return true;
  if (!isPlainObject(schema)) return false;
  for (const key of Object.keys(schema)) {
    const value = schema[key];
    // `$id`, `$ref`, `$schema`, `$async`, `$comment`, `$defs`, anchors: all change what ajv does.
    if (key.startsWith('$') || key === '__proto__' || DECLINED.has(key)) return false;
    if (!isVettedKeyword(key, value)) return false;
  }
  return true;
}

function isVettedKeyword(key: string, value: unknown): boolean {
  if (NUMBERS.has(key)) return Number.isFinite(value);
  if (COUNTS.has(key)) return Number.isInteger(value) && (value as number) >= 0;
  if (STRINGS.has(key)) return typeof value === 'string';
  if (SCHEMA_LISTS.has(key)) return Array.isArray(value) && value.length > 0 && value.every(isVettedSchema);
  if (OPAQUE.has(key)) return true;
  switch (key) {
    case 'type':
      return isTypeName(value) || (Array.isArray(value) && value.length > 0 && value.every(isTypeName) && new Set(value).size === value.length);
    case 'enum':
      return Array.isArray(value) && value.length > 0 && allDistinct(value);
    case 'required':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') && new Set(value).size === value.length;
    case 'multipleOf':
      return Number.isFinite(value) && (value as number) > 0;
    case 'uniqueItems':
      return typeof value === 'boolean';
    case 'items':
    case 'additionalProperties':
    case 'not':
      return isVettedSchema(value);
    case 'properties':
      return isPlainObject(value) && Object.keys(value).every((name) => name !== '__proto__' && isVettedSchema(value[name]));
    default:
      // Unknown to the meta-schema, so not validated; but ajv scans object values for ids.
      return value === null || typeof value !== 'object' || !hasDollarKey(value);
  }
}

function isTypeName(value: unknown): boolean {
  return typeof value === 'string' && JSON_TYPES.has(value);
}

/** The meta-schema's `uniqueItems` on enum values, with ajv's deep equality. */
function allDistinct(values: readonly unknown[]): boolean {
  for (let i = values.length; i--;) for (let j = i; j--;) if (equal(values[i], values[j])) return false;
  return true;
}

function hasDollarKey(value: object): boolean {
  if (Array.isArray(value)) return value.some((item) => item !== null && typeof item === 'object' && hasDollarKey(item));
  if (!isPlainObject(value)) return true;
  return Object.keys(value).some((key) => key.startsWith('$') || key === '__proto__' || (value[key] !== null && typeof value[key] === 'object' && hasDollarKey(value[key] as object)));
}

/** A plain object: not null, not an array, and with Object.prototype (a "__proto__" key could change it). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}
