/**
 * Turns a JSON Schema into a Plan: the same decisions ajv's code generator makes (which keywords
 * run, in which order, where the type is checked, which subschemas are skipped as always valid),
 * taken once per schema node, but kept as data and closures instead of generated source. ajv's
 * `compile` spends ~100 ms (a Deployment) to ~200 ms (a large CRD) generating and parsing code for
 * the whole schema up front; a plan node is built when data first reaches it, so the first object
 * of a kind pays only for the part of the schema it uses.
 *
 * The builder accepts only the subset it implements exactly and throws `Unsupported` for anything
 * else (a rule it does not implement, a keyword value ajv might reject, an unknown format), also
 * from the middle of a run. The caller then uses ajv itself for that schema, so an unusual schema
 * costs speed, never correctness. (Whether ajv would refuse a schema as a whole, where findings
 * depend on it, is settled before the first run: meta.ts for CRDs; the bundled kinds all compile.)
 */
import { JSON_TYPES, RULE_GROUPS, UNSUPPORTED_RULES } from './ajv-rules';
import { keywordCheck } from './keywords';
import { Unsupported, type Builder, type Check, type Plan, type PlanOptions, type Schema } from './types';

/** A builder with its own caches; plans of `$ref` targets are shared by everything it builds. */
export function createBuilder(options: PlanOptions): Builder {
  const groups = RULE_GROUPS.map((group) => (group.type === undefined ? { ...group, keywords: [...group.keywords, ...options.noOpRules] } : group));
  const rules = new Set<string>();
  for (const group of groups) for (const keyword of group.keywords) rules.add(keyword);
  const refPlans = new Map<string, Plan>();
  const hasRefCache = new WeakMap<object, boolean>();

  const builder: Builder = {
    options,
    rules,
    groups,
    plan: (schema, at) => pendingPlan(builder, schema, at),
    fill: (plan) => fillPlan(builder, plan),
    alwaysValid: (schema) => alwaysValid(rules, schema),
    refPlan(ref) {
      const target = options.resolveRef?.(ref);
      if (!target) throw new Unsupported(`$ref ${ref} does not resolve`);
      // ajv follows a target that is itself a lone $ref before deciding; we have no such chains.
      if (typeof target.schema !== 'boolean' && target.schema.$ref !== undefined) throw new Unsupported(`$ref ${ref} names another $ref`);
      // ajv inlines a target that holds no $ref (its errors' schemaPath start at the $ref text);
      // any other target becomes its own function, whose schemaPath start at "#".
      const inline = typeof target.schema === 'boolean' || !hasRef(target.schema, hasRefCache);
      const at = inline ? ref : '#';
      const key = `${at}\u0000${target.name}`;
      let plan = refPlans.get(key);
      if (!plan) refPlans.set(key, (plan = pendingPlan(builder, target.schema, at)));
      return plan;
    },
  };
  return builder;
}

function pendingPlan(builder: Builder, schema: unknown, at: string): Plan {
  return { mode: 'pending', schema: schema as Schema, at, strictNumbers: builder.options.strictNumbers, types: [], typeFirst: false, groups: [], ref: undefined, builder };
}

/** Builds one node; its subschemas get pending plans. Leaves the plan pending when it throws. */
function fillPlan(builder: Builder, plan: Plan): void {
  const { schema, at } = plan;
  if (typeof schema === 'boolean') {
    plan.mode = schema ? 'valid' : 'false';
    return;
  }
  if (!isPlainSchema(schema)) throw new Unsupported(`schema at ${at} is not an object or boolean`);
  let hasRules = false;
  let hasRulesButRef = false;
  for (const key in schema) {
    if (!builder.rules.has(key)) continue;
    if (UNSUPPORTED_RULES.has(key)) throw new Unsupported(`keyword ${key} at ${at}`);
    hasRules = true;
    if (key !== '$ref') hasRulesButRef = true;
  }
  if (!hasRules) {
    plan.mode = 'valid';
    return;
  }
  if (schema.$ref !== undefined && !hasRulesButRef) {
    if (typeof schema.$ref !== 'string') throw new Unsupported(`$ref at ${at} is not a string`);
    plan.ref = builder.refPlan(schema.$ref);
    plan.mode = 'ref';
    return;
  }
  const types = schemaTypes(schema.type, at);
  // ajv's shouldUseGroup: a group runs when the node has one of its keywords.
  const used = builder.groups.map((group) => group.keywords.some((keyword) => schema[keyword] !== undefined));
  const hasRulesFor = (type: string) => builder.groups.some((group, i) => group.type === type && used[i]);
  const [single] = types;
  const typeFirst = types.length > 0 && !(types.length === 1 && hasRulesFor(single as string));
  const groups: Plan['groups'] = [];
  builder.groups.forEach((group, i) => {
    if (!used[i]) return;
    const checks: Check[] = [];
    for (const keyword of group.keywords) {
      if (schema[keyword] === undefined) continue;
      const check = keywordCheck(builder, schema, at, keyword, group.type);
      if (check) checks.push(check);
    }
    groups.push({ type: group.type, checks, typeErrorElse: !typeFirst && types.length === 1 && single === group.type });
  });
  // Assigned last, so a node that threw stays pending (and throws again) rather than half-built.
  Object.assign(plan, { mode: 'node', types, typeFirst, groups });
}

/** ajv's getSchemaTypes, narrowed to well-formed values. */
function schemaTypes(type: unknown, at: string): string[] {
  if (type === undefined) return [];
  const list = Array.isArray(type) ? type : [type];
  const valid = list.length > 0 && list.every((t) => typeof t === 'string' && JSON_TYPES.has(t)) && new Set(list).size === list.length;
  if (!valid) throw new Unsupported(`type at ${at}`);
  return list as string[];
}

/** ajv's alwaysValidSchema: true, {}, or an object with no rule keyword. */
export function alwaysValid(rules: ReadonlySet<string>, schema: unknown): boolean {
  if (typeof schema === 'boolean') return schema;
  if (!isPlainSchema(schema)) return false;
  for (const key in schema) if (rules.has(key)) return false;
  return true;
}

function isPlainSchema(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** ajv's `hasRef` (compile/resolve.ts): any $ref-like key anywhere below, refs not followed. */
function hasRef(schema: object, cache: WeakMap<object, boolean>): boolean {
  const cached = cache.get(schema);
  if (cached !== undefined) return cached;
  let found = false;
  // Lists are walked like objects (by index), as ajv's `sch.some(hasRef)` amounts to.
  for (const key in schema) {
    const value = (schema as Record<string, unknown>)[key];
    found = REF_KEYS.has(key) || (value !== null && typeof value === 'object' && hasRef(value, cache));
    if (found) break;
  }
  cache.set(schema, found);
  return found;
}

const REF_KEYS = new Set(['$ref', '$recursiveRef', '$recursiveAnchor', '$dynamicRef', '$dynamicAnchor']);
