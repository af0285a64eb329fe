/**
 * Validation of custom resources against the `openAPIV3Schema` of their CustomResourceDefinition
 * (apiextensions.k8s.io/v1), for the version the resource names.
 *
 * CRD schemas are written by many authors and carry Kubernetes extensions, so they get their own
 * non-strict ajv instance rather than the strict one that checks our generated schemas. Before
 * compiling, each schema is rewritten to mean what the API server makes of it:
 * - unknown fields are rejected (`additionalProperties: false`) where the schema lists properties,
 *   as strict field validation (kubectl's default since 1.27) does, except under
 *   `x-kubernetes-preserve-unknown-fields` and for the apiVersion/kind/metadata of the root and of
 *   `x-kubernetes-embedded-resource` objects;
 * - `x-kubernetes-int-or-string` becomes `type: [integer, string]`, `nullable` adds `null`;
 * - descriptions, formats, defaults and CEL rules are dropped (formats and CEL are not ours to
 *   judge, and a missed check is better than a false one), as are patterns JavaScript cannot read.
 * Validators are cached by the CRD's text, so an edit to the CRD rebuilds them.
 *
 * The rewritten schema runs on the schema interpreter (interpret/), which reports exactly what this
 * non-strict ajv instance would, without ajv's code generation (~220 ms for the Prometheus CRD). A
 * schema the interpreter does not implement, or whose validity against the draft-07 meta-schema it
 * cannot vouch for (interpret/meta.ts), goes to ajv as before; `engine: 'ajv'` forces ajv (tests).
 */
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { isVettedSchema } from './interpret/meta';
import { createBuilder } from './interpret/plan';
import { run } from './interpret/run';
import { mapErrors } from './map-errors';
import { stripNulls } from './strip-nulls';
import type { SchemaProblem } from './types';
import type { SchemaEngine } from './kind-errors';
import { isJavaScriptPattern, linearRegExpEngine } from './linear-regexp';

type Schema = Record<string, unknown>;
/** Validates one object: ajv-shaped errors, none when it is valid; undefined when it cannot tell. */
type Validate = (data: unknown) => readonly ErrorObject[] | undefined;

export interface CrdValidationOptions {
  engine?: SchemaEngine;
  /** Told (on every call) when the interpreter declined the schema and ajv validates instead. */
  onFallback?: (reason: string) => void;
}

interface VersionEntry {
  schema: Schema | undefined;
  /** Per engine: the validator, null when the schema cannot be used (ajv would not compile it). */
  validate: Map<SchemaEngine, Validate | null>;
  fallback?: string;
}

interface CompiledCrd {
  group: string;
  kind: string;
  /** Served versions by name. */
  versions: Map<string, VersionEntry>;
}

const CACHE_LIMIT = 200;
const cache = new Map<string, CompiledCrd | null>();
let ajv: Ajv | undefined;

function crdAjv(): Ajv {
  ajv ??= new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true, messages: false, validateFormats: false, logger: false, code: { optimize: false, regExp: linearRegExpEngine } });
  return ajv;
}

/** The group and kind a CRD defines, or undefined when `crd` is not a usable v1 CRD. */
export function crdIdentity(crd: unknown): { group: string; kind: string } | undefined {
  const spec = record(record(crd)?.spec);
  const group = spec?.group;
  const kind = record(spec?.names)?.kind;
  return typeof group === 'string' && typeof kind === 'string' ? { group, kind } : undefined;
}

/**
 * Problems of the custom resource `value` (already known to be of the CRD's group and kind), or
 * undefined when the CRD does not serve that version or its schema cannot be used. `key`
 * identifies the CRD's text for the cache; `crd` is called only on a cache miss.
 */
export function validateWithCrd(key: string, crd: () => unknown, apiVersion: string, value: unknown, options: CrdValidationOptions = {}): SchemaProblem[] | undefined {
  const data = stripNulls(value);
  const errors = crdErrors(key, crd, apiVersion, data, options);
  if (!errors) return undefined;
  return errors.length === 0 ? [] : mapErrors(topLevelErrors(errors), data);
}

/** The ajv-shaped errors behind validateWithCrd, of `data` with its nulls already stripped. */
export function crdErrors(key: string, crd: () => unknown, apiVersion: string, data: unknown, options: CrdValidationOptions = {}): readonly ErrorObject[] | undefined {
  const entry = versionEntry(key, crd, apiVersion);
  if (!entry?.schema) return undefined;
  const engine = options.engine ?? 'interpreter';
  let validate = entry.validate.get(engine);
  if (validate === undefined) {
    validate = engine === 'ajv' ? viaAjv(entry.schema) : viaInterpreter(entry);
    entry.validate.set(engine, validate);
  }
  const errors = validate?.(data);
  if (engine !== 'ajv' && entry.fallback !== undefined) options.onFallback?.(entry.fallback);
  return errors;
}

/**
 * The rewritten schema that validation checks a custom resource of `apiVersion` against, for
 * completion: the same keys, required list and enums. Undefined when the CRD does not serve it.
 */
export function crdSchema(key: string, crd: () => unknown, apiVersion: string): Readonly<Schema> | undefined {
  return versionEntry(key, crd, apiVersion)?.schema;
}

function versionEntry(key: string, crd: () => unknown, apiVersion: string): VersionEntry | undefined {
  const compiled = compiledCrd(key, crd);
  if (!compiled || !apiVersion.startsWith(`${compiled.group}/`)) return undefined;
  return compiled.versions.get(apiVersion.slice(compiled.group.length + 1));
}

function viaAjv(schema: Schema): Validate | null {
  try {
    const compiled = crdAjv().compile(schema);
    return (data) => (compiled(data) ? [] : compiled.errors ?? []);
  } catch {
    return null; // a schema ajv cannot compile: no findings rather than wrong ones
  }
}

/** The interpreter with this ajv instance's semantics; ajv itself once the interpreter declines. */
function viaInterpreter(entry: VersionEntry): Validate | null {
  const schema = entry.schema as Schema;
  const decline = (reason: string): Validate | null => {
    entry.fallback = reason;
    const fallback = viaAjv(schema);
    entry.validate.set('interpreter', fallback);
    return fallback;
  };
  // Whether ajv would refuse the whole schema must be known before any finding is reported.
  if (!isVettedSchema(schema)) return decline('the schema is outside the vetted draft-07 subset (interpret/meta.ts)');
  const plan = createBuilder({ strictNumbers: false, noOpRules: [], formats: undefined }).plan(schema, '#');
  return (data) => {
    const errors: ErrorObject[] = [];
    try {
      run(plan, data, '', errors);
    } catch (error) {
      const fallback = decline(error instanceof Error ? error.message : String(error));
      return fallback ? fallback(data) : undefined;
    }
    return errors;
  };
}

function compiledCrd(key: string, crd: () => unknown): CompiledCrd | undefined {
  if (cache.has(key)) return cache.get(key) ?? undefined;
  const value = crd();
  const identity = crdIdentity(value);
  let compiled: CompiledCrd | null = null;
  if (identity) {
    compiled = { ...identity, versions: new Map() };
    const versions = record(value)?.spec as { versions?: unknown } | undefined;
    for (const version of Array.isArray(versions?.versions) ? versions.versions : []) {
      const v = record(version);
      if (!v || typeof v.name !== 'string' || v.served === false) continue;
      const schema = record(record(v.schema)?.openAPIV3Schema);
      compiled.versions.set(v.name, { schema: schema ? rewrite(schema, 'root') : undefined, validate: new Map() });
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, compiled);
  return compiled ?? undefined;
}

const DROPPED = new Set(['description', 'format', 'default', 'example', 'externalDocs', 'title', 'nullable', '$schema', 'id', '$id']);
const OBJECT_META_FIELDS = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' } };

/** The ajv-ready copy of one CRD schema node (see the file comment). */
export function rewrite(schema: Schema, role: 'root' | 'nested'): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith('x-kubernetes-')) continue;
    if (key === 'pattern' && !(typeof value === 'string' && isJavaScriptPattern(value))) continue;
    if (key === 'properties' && record(value)) {
      out.properties = Object.fromEntries(Object.entries(value as Schema).map(([name, sub]) => [name, rewriteAny(sub)]));
    } else if ((key === 'items' || key === 'additionalProperties' || key === 'not') && record(value)) {
      out[key] = rewriteAny(value);
    } else if ((key === 'allOf' || key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) {
      out[key] = value.map(rewriteAny);
    } else {
      out[key] = value;
    }
  }
  if (schema['x-kubernetes-int-or-string'] === true) {
    out.type = ['integer', 'string'];
    // The usual spelling is anyOf [{type: integer}, {type: string}], which the type now says.
    delete out.anyOf;
    delete out.oneOf;
  } else if (schema.nullable === true && typeof out.type === 'string') {
    out.type = [out.type, 'null'];
  }
  const embedded = role === 'root' || schema['x-kubernetes-embedded-resource'] === true;
  if (embedded) {
    // The API server checks apiVersion, kind and metadata itself; a CRD may not constrain them.
    out.properties = { ...(record(out.properties) ?? {}), ...OBJECT_META_FIELDS };
  }
  const preserves = schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (record(out.properties) && out.additionalProperties === undefined && !preserves) out.additionalProperties = false;
  return out;
}

function rewriteAny(value: unknown): unknown {
  return record(value) ? rewrite(value as Schema, 'nested') : value;
}

/**
 * With allErrors, a failed anyOf/oneOf also reports every branch's own errors, which contradict
 * each other ("missing a" and "missing b"); the combined error alone says what is true.
 */
function topLevelErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  // The interpreter writes schemaPath exactly as ajv does, so this filter works for both.
  return errors.filter((error) => !/\/(?:anyOf|oneOf|not)\//.test(error.schemaPath));
}

function record(value: unknown): Schema | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Schema) : undefined;
}
