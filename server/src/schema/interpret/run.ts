/**
 * Runs a Plan against data and appends the errors ajv (allErrors, verbose, no messages) would
 * report, in ajv's order and shape: a node is valid when it added no error.
 */
import type { ErrorObject } from 'ajv';
import { isAnyType, isType } from './ajv-rules';
import type { Errors, Plan, Schema } from './types';

export function run(plan: Plan, data: unknown, path: string, errors: Errors): void {
  if (plan.mode === 'pending') plan.builder.fill(plan);
  if (plan.mode === 'valid') return;
  if (plan.mode === 'ref') return run(plan.ref as Plan, data, path, errors);
  if (plan.mode === 'false') {
    // ajv appends the keyword to the schema path here too: ".../false schema".
    errors.push({ instancePath: path, schemaPath: `${plan.at}/false schema`, keyword: 'false schema', params: {}, schema: false, parentSchema: false, data } as unknown as ErrorObject);
    return;
  }
  const { strictNumbers } = plan;
  if (plan.typeFirst && !isAnyType(plan.types, data, strictNumbers)) errors.push(typeError(plan, data, path));
  for (const group of plan.groups) {
    if (group.type === undefined || isType(group.type, data, strictNumbers)) {
      for (const check of group.checks) check(data, path, errors);
    } else if (group.typeErrorElse) {
      // Keywords of the node's single type exist: ajv checks the type only where they would run.
      errors.push(typeError(plan, data, path));
    }
  }
}

function typeError(plan: Plan, data: unknown, path: string): ErrorObject {
  const schema = plan.schema as Schema;
  return { instancePath: path, schemaPath: `${plan.at}/type`, keyword: 'type', params: { type: schema.type }, schema: schema.type, parentSchema: schema, data } as ErrorObject;
}

/** An error of `keyword` at the node `schema` (whose schema path is `at`). */
export function keywordError(schema: Schema, at: string, keyword: string, params: Record<string, unknown>, data: unknown, path: string): ErrorObject {
  return { instancePath: path, schemaPath: `${at}/${keyword}`, keyword, params, schema: schema[keyword], parentSchema: schema, data } as ErrorObject;
}
