/**
 * Turns ajv errors into SchemaProblems: one problem per offending node, pointed at the token an
 * editor should underline, with messages in our own words.
 *
 * ajv (with `allErrors`) reports at most one `type` error per node and does not descend into a
 * node of the wrong type, so cascades are rare; we still keep the first value problem per node,
 * and merge several missing fields of one object into a single problem.
 */
import type { ErrorObject } from 'ajv';
import { describeAllowed, describeExpected, describeValue, quote } from './describe';
import { didYouMean } from './did-you-mean';
import { adviseQuantity } from './quantity-format';
import type { SchemaProblem } from './types';

type Path = (string | number)[];

export function mapErrors(errors: readonly ErrorObject[], data: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const missing = new Map<string, { problem: SchemaProblem; fields: string[] }>();
  for (const error of errors) {
    const path = decodePath(error.instancePath, data);
    if (error.keyword === 'required') {
      const field = String((error.params as { missingProperty: string }).missingProperty);
      const id = `parentKey\u0000${JSON.stringify(path)}`;
      const entry = missing.get(id);
      if (entry) {
        if (!entry.fields.includes(field)) entry.fields.push(field);
        continue;
      }
      const problem: SchemaProblem = { path, target: 'parentKey', message: '' };
      missing.set(id, { problem, fields: [field] });
      problems.push(problem);
      continue;
    }
    const problem = error.keyword === 'additionalProperties' ? unknownField(error, path) : valueProblem(error);
    if (problem.target === 'value') problem.path = path;
    const id = `${problem.target}\u0000${JSON.stringify(problem.path)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push(problem);
  }
  for (const { problem, fields } of missing.values()) {
    problem.message = fields.length === 1
      ? `Missing required field ${quote(fields[0] as string)}.`
      : `Missing required fields ${fields.map((f) => quote(f)).join(', ')}.`;
  }
  return problems;
}

function unknownField(error: ErrorObject, path: Path): SchemaProblem {
  const key = String((error.params as { additionalProperty: string }).additionalProperty);
  const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
  const suggestion = didYouMean(key, known);
  const problem: SchemaProblem = { path: [...path, key], target: 'key', message: '' };
  if (suggestion !== undefined) {
    problem.message = `Unknown field ${quote(key)}. Did you mean ${quote(suggestion)}?`;
    problem.suggestion = suggestion;
  } else if (known.length > 0 && known.length <= 12) {
    problem.message = `Unknown field ${quote(key)}. Known fields here: ${known.join(', ')}.`;
  } else {
    problem.message = `Unknown field ${quote(key)}; Kubernetes rejects fields it does not know.`;
  }
  return problem;
}

function valueProblem(error: ErrorObject): SchemaProblem {
  const value: unknown = error.data;
  const parent = (error.parentSchema ?? {}) as { type?: unknown; format?: unknown };
  const problem: SchemaProblem = { path: [], target: 'value', message: '' };
  switch (error.keyword) {
    case 'type': {
      const expected = describeExpected(parent.type, parent.format);
      problem.message = `Expected ${expected}, got ${describeValue(value)}.`;
      const fix = unquoteFix(parent.type, value);
      if (fix !== undefined) problem.suggestion = fix;
      else if (expected === 'a string' && (typeof value === 'number' || typeof value === 'boolean')) {
        problem.message += ' Put the value in quotes.';
      }
      break;
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      const suggestion = didYouMean(text, allowed.map(String));
      const hint = suggestion !== undefined ? `; did you mean ${quote(suggestion)}?` : '.';
      problem.message = `Value ${quote(text)} is not allowed${hint} Allowed: ${describeAllowed(allowed)}.`;
      if (suggestion !== undefined) problem.suggestion = suggestion;
      break;
    }
    case 'format':
      Object.assign(problem, formatProblem(String((error.params as { format: string }).format), String(value)));
      break;
    case 'minimum':
      problem.message = `Must be at least ${(error.params as { limit: number }).limit}, got ${describeValue(value)}.`;
      break;
    // The keywords below come from CustomResourceDefinition schemas (see crd.ts).
    case 'maximum':
      problem.message = `Must be at most ${(error.params as { limit: number }).limit}, got ${describeValue(value)}.`;
      break;
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      problem.message = `Must have ${error.keyword.startsWith('min') ? 'at least' : 'at most'} ${(error.params as { limit: number }).limit} ${error.keyword.endsWith('Items') ? 'items' : 'characters'}, got ${describeValue(value)}.`;
      break;
    case 'pattern':
      problem.message = `Value ${describeValue(value)} does not match the pattern ${quote(String((error.params as { pattern: string }).pattern))}.`;
      break;
    case 'oneOf':
    case 'anyOf':
      problem.message = `Invalid value: ${describeValue(value)} matches ${error.keyword === 'oneOf' ? 'not exactly one' : 'none'} of the allowed forms.`;
      break;
    default:
      problem.message = `Invalid value: ${describeValue(value)} fails the "${error.keyword}" check.`;
  }
  return problem;
}

function formatProblem(format: string, value: string): Pick<SchemaProblem, 'message' | 'suggestion'> {
  if (format === 'quantity') return adviseQuantity(value);
  if (format === 'byte') {
    return { message: `Expected base64-encoded data, got ${quote(value)}. For plain text in a Secret, use "stringData" instead of "data".` };
  }
  if (format === 'date-time') {
    return { message: `Expected an RFC 3339 timestamp such as "2024-01-31T12:00:00Z", got ${quote(value)}.` };
  }
  return { message: `Value ${quote(value)} is not a valid ${format}.` };
}

/** A quoted number or boolean where the schema wants the bare value: propose the unquoted text. */
function unquoteFix(types: unknown, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const list = Array.isArray(types) ? types : [types];
  if (list.includes('integer') && /^-?[0-9]+$/.test(value)) return value;
  if (list.includes('number') && /^-?[0-9]+(\.[0-9]+)?$/.test(value)) return value;
  if (list.includes('boolean') && (value === 'true' || value === 'false')) return value;
  return undefined;
}

/**
 * Splits a JSON Pointer (`/spec/containers/0/name`) into segments. A segment becomes a number
 * only where the data at that point is a list, so a label key such as "0" stays a string.
 */
export function decodePath(pointer: string, data: unknown): Path {
  if (pointer === '') return [];
  const path: Path = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(segment);
      path.push(index);
      node = node[index];
    } else {
      path.push(segment);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}
