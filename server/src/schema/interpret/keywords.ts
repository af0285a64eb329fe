/**
 * One check per keyword, each a transcription of the code ajv 8 generates for it with allErrors
 * (ajv/dist/vocabularies/*): the same conditions, the same params, the same subschema paths.
 * A keyword value that ajv would reject at compile time throws Unsupported, so ajv handles it.
 */
import ajvEqual from 'ajv/dist/runtime/equal';
import ucs2length from 'ajv/dist/runtime/ucs2length';
import { escapeFragment, escapePointer, isAnyType, type GroupType } from './ajv-rules';
import { keywordError, run } from './run';
import { linearRegExpEngine } from '../linear-regexp';
import { Unsupported, type Builder, type Check, type Schema } from './types';

// ajv's own deep equality (fast-deep-equal), so enum, const and uniqueItems compare as ajv does.
// Its declaration file types the namespace rather than the function.
const equal = ajvEqual as unknown as (a: unknown, b: unknown) => boolean;

const LIMITS: Readonly<Record<string, { okStr: string; fails: (data: number, limit: number) => boolean }>> = {
  maximum: { okStr: '<=', fails: (d, l) => d > l },
  minimum: { okStr: '>=', fails: (d, l) => d < l },
  exclusiveMaximum: { okStr: '<', fails: (d, l) => d >= l },
  exclusiveMinimum: { okStr: '>', fails: (d, l) => d <= l },
};

export function keywordCheck(builder: Builder, schema: Schema, at: string, keyword: string, group: GroupType | undefined): Check | undefined {
  const value = schema[keyword];
  const fail = (ok: boolean) => {
    if (!ok) throw new Unsupported(`${keyword} at ${at} has an unexpected value`);
  };
  const error = (params: Record<string, unknown>, data: unknown, path: string) => keywordError(schema, at, keyword, params, data, path);
  switch (keyword) {
    case 'type':
      return undefined; // checked by run() itself, before the keywords or in the group of its type
    case '$ref': {
      fail(typeof value === 'string');
      const target = builder.refPlan(value as string);
      return (data, path, errors) => run(target, data, path, errors);
    }
    case 'const':
      if (value !== null && typeof value === 'object') return (data, path, errors) => void (equal(data, value) || errors.push(error({ allowedValue: value }, data, path)));
      return (data, path, errors) => void (value === data || errors.push(error({ allowedValue: value }, data, path)));
    case 'enum':
      return enumCheck(value, fail, error);
    case 'not':
    case 'anyOf':
    case 'oneOf':
    case 'allOf':
      return combinatorCheck(builder, schema, at, keyword, fail, error);
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum': {
      fail(typeof value === 'number');
      const { okStr, fails } = LIMITS[keyword] as (typeof LIMITS)[string];
      const limit = value as number;
      return (data, path, errors) => {
        const n = data as number;
        if (fails(n, limit) || Number.isNaN(n)) errors.push(error({ comparison: okStr, limit }, data, path));
      };
    }
    case 'multipleOf': {
      fail(typeof value === 'number');
      const divisor = value as number;
      return (data, path, errors) => {
        const res = (data as number) / divisor;
        if (divisor === 0 || res !== parseInt(String(res))) errors.push(error({ multipleOf: divisor }, data, path));
      };
    }
    case 'maxLength':
    case 'minLength':
    case 'maxItems':
    case 'minItems':
    case 'maxProperties':
    case 'minProperties':
      fail(typeof value === 'number');
      return sizeCheck(keyword, value as number, error);
    case 'pattern': {
      fail(typeof value === 'string');
      try {
        new RegExp(value as string, 'u');
      } catch {
        throw new Unsupported(`pattern at ${at} does not compile`);
      }
      // Never JavaScript's backtracking RegExp on schema data: see linear-regexp.ts.
      const regExp = linearRegExpEngine(value as string);
      return (data, path, errors) => void (regExp.test(data as string) || errors.push(error({ pattern: value }, data, path)));
    }
    case 'format':
      return formatCheck(builder, value, group, fail, error);
    case 'required': {
      fail(Array.isArray(value) && value.every((v) => typeof v === 'string'));
      const names = value as string[];
      if (names.length === 0) return undefined;
      return (data, path, errors) => {
        const object = data as Record<string, unknown>;
        for (const name of names) if (object[name] === undefined) errors.push(error({ missingProperty: name }, data, path));
      };
    }
    case 'uniqueItems':
      fail(typeof value === 'boolean');
      return value ? uniqueItemsCheck(schema, builder.options.strictNumbers, error) : undefined;
    case 'items': {
      fail(typeof value === 'boolean' || (value !== null && typeof value === 'object'));
      if (Array.isArray(value)) throw new Unsupported(`tuple items at ${at}`);
      if (builder.alwaysValid(value)) return undefined;
      const item = builder.plan(value, `${at}/items`);
      return (data, path, errors) => {
        const list = data as unknown[];
        for (let i = 0; i < list.length; i++) run(item, list[i], `${path}/${i}`, errors);
      };
    }
    case 'properties':
      return propertiesCheck(builder, schema, at, fail);
    case 'additionalProperties':
      return additionalPropertiesCheck(builder, schema, at, fail, error);
    default:
      if (builder.options.noOpRules.includes(keyword)) {
        fail(typeof value === 'boolean'); // vocabulary.ts declares them with schemaType boolean
        return undefined;
      }
      throw new Unsupported(`keyword ${keyword} at ${at}`);
  }
}

type Fail = (ok: boolean) => void;
type MakeError = (params: Record<string, unknown>, data: unknown, path: string) => ReturnType<typeof keywordError>;

function enumCheck(value: unknown, fail: Fail, error: MakeError): Check {
  fail(Array.isArray(value) && value.length > 0); // ajv throws on an empty enum
  const allowed = value as unknown[];
  // Below ajv's loopEnum (200), primitives compare with ===; from there on, all with deep equality.
  const loop = allowed.length >= 200;
  const matches = (data: unknown) => allowed.some((v) => (loop || (v !== null && typeof v === 'object') ? equal(data, v) : data === v));
  return (data, path, errors) => void (matches(data) || errors.push(error({ allowedValues: allowed }, data, path)));
}

function sizeCheck(keyword: string, limit: number, error: MakeError): Check {
  const max = keyword.startsWith('max');
  const size = keyword.endsWith('Length')
    ? (data: unknown) => ucs2length(data as string)
    : keyword.endsWith('Items') ? (data: unknown) => (data as unknown[]).length : (data: unknown) => Object.keys(data as object).length;
  return (data, path, errors) => {
    const n = size(data);
    if (max ? n > limit : n < limit) errors.push(error({ limit }, data, path));
  };
}

function formatCheck(builder: Builder, value: unknown, group: GroupType | undefined, fail: Fail, error: MakeError): Check | undefined {
  fail(typeof value === 'string');
  const { formats } = builder.options;
  if (!formats) return undefined; // validateFormats: false
  const validate = Object.hasOwn(formats, value as string) ? formats[value as string] : undefined;
  if (!validate) throw new Unsupported(`format ${String(value)}`);
  // Our formats are string formats: ajv runs them in the string group only.
  if (group !== 'string') return undefined;
  return (data, path, errors) => void (validate(data as string) || errors.push(error({ format: value }, data, path)));
}

/** ajv's uniqueItems: a keyed scan when the item type is a scalar type, else pairwise deep equality. */
function uniqueItemsCheck(schema: Schema, strictNumbers: boolean, error: MakeError): Check {
  const items = schema.items;
  const raw = items !== null && typeof items === 'object' && !Array.isArray(items) ? (items as Schema).type : undefined;
  const itemTypes = raw === undefined ? [] : Array.isArray(raw) ? (raw as string[]) : [raw as string];
  if (!itemTypes.every((t) => typeof t === 'string')) throw new Unsupported('uniqueItems with odd item types');
  const keyed = itemTypes.length > 0 && !itemTypes.some((t) => t === 'object' || t === 'array');
  return (data, path, errors) => {
    const list = data as unknown[];
    let i = list.length;
    let j: number | undefined;
    if (i <= 1) return;
    if (keyed) {
      const indices: Record<string, unknown> = {};
      for (; i--;) {
        let item = list[i];
        if (!isAnyType(itemTypes, item, strictNumbers)) continue;
        if (itemTypes.length > 1 && typeof item === 'string') item += '_';
        const key = item as string;
        if (typeof indices[key] === 'number') {
          j = indices[key] as number;
          errors.push(error({ i, j }, data, path));
          return;
        }
        indices[key] = i;
      }
      return;
    }
    for (; i--;) {
      for (j = i; j--;) {
        if (equal(list[i], list[j])) {
          errors.push(error({ i, j }, data, path));
          return;
        }
      }
    }
  };
}

function propertiesCheck(builder: Builder, schema: Schema, at: string, fail: Fail): Check | undefined {
  const value = schema.properties;
  fail(value !== null && typeof value === 'object' && !Array.isArray(value));
  const props = Object.keys(value as Schema).filter((p) => p !== '__proto__');
  const entries = props
    .filter((p) => !builder.alwaysValid((value as Schema)[p]))
    .map((p) => ({ name: p, step: `/${escapePointer(p)}`, plan: builder.plan((value as Schema)[p], `${at}/properties/${escapeFragment(p)}`) }));
  if (entries.length === 0) return undefined;
  return (data, path, errors) => {
    const object = data as Record<string, unknown>;
    for (const entry of entries) {
      const item = object[entry.name];
      if (item !== undefined) run(entry.plan, item, path + entry.step, errors);
    }
  };
}

function additionalPropertiesCheck(builder: Builder, schema: Schema, at: string, fail: Fail, error: MakeError): Check | undefined {
  const value = schema.additionalProperties;
  fail(typeof value === 'boolean' || (value !== null && typeof value === 'object' && !Array.isArray(value)));
  if (builder.alwaysValid(value)) return undefined;
  const properties = schema.properties;
  const listed = properties !== null && typeof properties === 'object' ? (properties as Schema) : undefined;
  const props = listed ? Object.keys(listed).filter((p) => p !== '__proto__') : [];
  const known = new Set(props);
  // With more than 8 properties ajv asks hasOwnProperty of the properties object, which (unlike the
  // list it compares against otherwise) can answer yes for "__proto__".
  const protoKnown = props.length > 8 && !!listed && Object.hasOwn(listed, '__proto__');
  const isAdditional = (key: string) => !(known.has(key) || (protoKnown && key === '__proto__'));
  if (value === false) {
    return (data, path, errors) => {
      for (const key in data as object) if (isAdditional(key)) errors.push(error({ additionalProperty: key }, data, path));
    };
  }
  const plan = builder.plan(value, `${at}/additionalProperties`);
  return (data, path, errors) => {
    const object = data as Record<string, unknown>;
    for (const key in object) if (isAdditional(key)) run(plan, object[key], `${path}/${escapePointer(key)}`, errors);
  };
}

function combinatorCheck(builder: Builder, schema: Schema, at: string, keyword: string, fail: Fail, error: MakeError): Check | undefined {
  const value = schema[keyword];
  if (keyword === 'not') {
    fail(typeof value === 'boolean' || (value !== null && typeof value === 'object' && !Array.isArray(value)));
    if (builder.alwaysValid(value)) return (data, path, errors) => void errors.push(error({}, data, path));
    const plan = builder.plan(value, `${at}/not`);
    return (data, path, errors) => {
      const scratch: typeof errors = [];
      run(plan, data, path, scratch);
      if (scratch.length === 0) errors.push(error({}, data, path));
    };
  }
  fail(Array.isArray(value));
  const branches = value as unknown[];
  const valid = branches.map((branch) => builder.alwaysValid(branch));
  // An always-valid branch makes anyOf pass without running anything.
  if (keyword === 'anyOf' && valid.some(Boolean)) return undefined;
  const plans = branches.map((branch, i) => (valid[i] ? undefined : builder.plan(branch, `${at}/${keyword}/${i}`)));
  if (keyword === 'allOf') {
    const active = plans.filter((plan) => plan !== undefined);
    return (data, path, errors) => {
      for (const plan of active) run(plan, data, path, errors);
    };
  }
  if (keyword === 'anyOf') {
    return (data, path, errors) => {
      const start = errors.length;
      for (const plan of plans) {
        const before = errors.length;
        run(plan as NonNullable<typeof plan>, data, path, errors);
        if (errors.length === before) {
          errors.length = start; // a passing branch takes back the other branches' errors
          return;
        }
      }
      errors.push(error({}, data, path));
    };
  }
  return (data, path, errors) => {
    const start = errors.length;
    let passed = false;
    let passing: number | [unknown, number] | null = null;
    for (let i = 0; i < plans.length; i++) {
      const plan = plans[i];
      const before = errors.length;
      if (plan) run(plan, data, path, errors);
      const ok = errors.length === before;
      if (i > 0 && ok && passed) {
        // A second passing branch fails oneOf; ajv runs no later branch.
        passed = false;
        passing = [passing, i];
        break;
      }
      if (ok) {
        passed = true;
        passing = i;
      }
    }
    if (passed) errors.length = start;
    else errors.push(error({ passingSchemas: passing }, data, path));
  };
}
