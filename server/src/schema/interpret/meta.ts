/**
 * A conservative stand-in for the checks ajv makes when it compiles a CRD schema: validation
 * against the draft-07 meta-schema, and its own refusals (an empty enum, a pattern JavaScript
 * cannot read). Any of them makes ajv throw, and crd.ts then reports nothing for that CRD; since
 * plans are built lazily, this must be known before the first finding. Compiling the meta-schema
 * alone costs ajv ~30 ms, so the interpreter path asks this instead.
 *
 * It answers true only where ajv's meta-validation surely passes and ajv's schema scan (ids,
 * anchors, `$async`) finds nothing to act on; anything else is false and goes to ajv, which then
 * decides. Being stricter than ajv costs only speed; being looser would change findings, so every
 * accepted keyword value is checked at least as strictly as the meta-schema does.
 */
import ajvEqual from 'ajv/dist/runtime/equal';
import { JSON_TYPES } from './ajv-rules';
import { isJavaScriptPattern } from '../linear-regexp';

const equal = ajvEqual as unknown as (a: unknown, b: unknown) => boolean;

export function isVettedSchema(schema: unknown): boolean {
  if (typeof schema === 'boolean') return true;
  if (!isPlainObject(schema)) return false;
  for (const key of Object.keys(schema)) {
    if (!isVettedKeyword(key, schema[key])) return false;
  }
  return true;
}

/** One switch rather than lookups in sets: this runs once per CRD, mostly before V8 has optimised it. */
function isVettedKeyword(key: string, value: unknown): boolean {
  switch (key) {
    case 'type':
      return isTypeName(value) || (Array.isArray(value) && value.length > 0 && value.every(isTypeName) && new Set(value).size === value.length);
    case 'properties':
      return isPlainObject(value) && Object.keys(value).every((name) => name !== '__proto__' && isVettedSchema(value[name]));
    case 'items':
    case 'additionalProperties':
    case 'not':
      return isVettedSchema(value);
    case 'required':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') && new Set(value).size === value.length;
    case 'enum':
      return Array.isArray(value) && value.length > 0 && allDistinct(value);
    case 'allOf':
    case 'anyOf':
    case 'oneOf':
      return Array.isArray(value) && value.length > 0 && value.every(isVettedSchema);
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum':
      return Number.isFinite(value);
    case 'maxLength':
    case 'minLength':
    case 'maxItems':
    case 'minItems':
    case 'maxProperties':
    case 'minProperties':
      return Number.isInteger(value) && (value as number) >= 0;
    case 'multipleOf':
      return Number.isFinite(value) && (value as number) > 0;
    case 'uniqueItems':
      return typeof value === 'boolean';
    case 'pattern':
      // ajv compiles every pattern up front and throws on one JavaScript cannot read (crd.ts's
      // rewrite already drops those; this keeps the guarantee where it is relied on).
      return typeof value === 'string' && isJavaScriptPattern(value);
    case 'title':
    case 'description':
    case 'format':
      return typeof value === 'string';
    // ajv neither validates these values as schemas nor scans them for ids.
    case 'default':
    case 'const':
      return true;
    // Keywords of the meta-schema (or of ajv) that we do not vet; a schema using one goes to ajv.
    case 'id':
    case 'readOnly':
    case 'writeOnly':
    case 'examples':
    case 'contentMediaType':
    case 'contentEncoding':
    case 'contentSchema':
    case 'definitions':
    case 'dependencies':
    case 'patternProperties':
    case 'propertyNames':
    case 'if':
    case 'then':
    case 'else':
    case 'contains':
    case 'additionalItems':
    case 'nullable':
    case 'deprecated':
    case 'discriminator':
    case '__proto__':
      return false;
    default:
      // `$id`, `$ref`, `$schema`, `$async`, `$comment`, `$defs`, anchors: all change what ajv does.
      if (key.startsWith('$')) return false;
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
