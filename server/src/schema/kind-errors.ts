/**
 * The errors of one object against the bundled schema of its kind, ajv-shaped (the layer below
 * map-errors.ts). By default the schema interpreter (interpret/) runs each kind: it reports exactly
 * the errors ajv would, but costs a walk over the part of the schema the data reaches instead of
 * ajv's code generation (~110 ms for the first Deployment). A kind whose schema uses something the
 * interpreter does not implement falls back to ajv, and `engine: 'ajv'` forces ajv everywhere (the
 * differential tests compare the two).
 *
 * For ajv, all definitions are registered as a single schema with a fixed id, so `$ref`s between
 * them (and from extra bundles such as the VPA CRD into built-in types like Quantity) resolve
 * without ajv compiling anything up front; compiling a kind only compiles what it reaches.
 */
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { schemaKey } from './catalog';
import { createBuilder } from './interpret/plan';
import { run } from './interpret/run';
import type { Builder, Schema } from './interpret/types';
import type { SchemaSource } from './types';
import { ANNOTATION_KEYWORDS, KUBERNETES_FORMATS, registerKubernetesVocabulary } from './vocabulary';
import { linearRegExpEngine } from './linear-regexp';

const ROOT_ID = 'kube-guardrails:k8s';

export type SchemaEngine = 'interpreter' | 'ajv';

export interface SchemaValidatorOptions {
  engine?: SchemaEngine;
  /** Told when the interpreter declines a kind's schema and ajv compiles it instead. */
  onFallback?: (key: string, reason: string) => void;
}

/** Validates one object (nulls already stripped): ajv-shaped errors, none when it is valid. */
type Validate = (data: unknown) => readonly ErrorObject[];

/** `errorsOf(apiVersion, kind, data)`: undefined when the kind has no schema. Validators are built lazily and cached. */
export function kindErrors(source: SchemaSource, options: SchemaValidatorOptions = {}): (apiVersion: string, kind: string, data: unknown) => readonly ErrorObject[] | undefined {
  const cache = new Map<string, Validate>();
  let ajv: Ajv | undefined;
  let builder: Builder | undefined;

  function viaAjv(ref: string): Validate {
    ajv ??= createAjv(source);
    const compiled = ajv.compile({ $ref: ref });
    return (data) => (compiled(data) ? [] : compiled.errors ?? []);
  }

  /** The interpreter, until it meets something it does not implement: then ajv, for good. */
  function viaInterpreter(key: string, ref: string): Validate {
    builder ??= createBuilder({ strictNumbers: true, noOpRules: ANNOTATION_KEYWORDS, formats: KUBERNETES_FORMATS, resolveRef: (r) => resolveDefinition(source, r) });
    const plan = builder.plan({ $ref: ref }, '#');
    return (data) => {
      const errors: ErrorObject[] = [];
      try {
        run(plan, data, '', errors);
      } catch (error) {
        // Plan nodes are built as data reaches them, so this can come from any document.
        options.onFallback?.(key, error instanceof Error ? error.message : String(error));
        const fallback = viaAjv(ref);
        cache.set(key, fallback);
        return fallback(data);
      }
      return errors;
    };
  }

  return (apiVersion, kind, data) => {
    const key = schemaKey(apiVersion, kind);
    let validate = cache.get(key);
    if (!validate) {
      const name = source.index[key];
      if (name === undefined || !Object.hasOwn(source.index, key)) return undefined;
      const ref = `${ROOT_ID}#/definitions/${encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
      validate = options.engine === 'ajv' ? viaAjv(ref) : viaInterpreter(key, ref);
      cache.set(key, validate);
    }
    return validate(data);
  };
}

/** The strict ajv instance the validator used before the interpreter, created on first need. */
function createAjv(source: SchemaSource): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    // Quantity and int-or-string are `type: [..., ...]`; ajv's strict mode wants this opt-in.
    allowUnionTypes: true,
    // Errors carry the failing data and parent schema, which messages and did-you-mean need.
    verbose: true,
    // We write every message ourselves, so skip ajv's.
    messages: false,
    // With ajv's code optimiser off, the first Deployment compiles in ~110 ms instead of
    // ~175 ms (measured here); validation per document stayed at ~0.007 ms either way.
    // Patterns run on the linear-time matcher, as in the interpreter (linear-regexp.ts).
    code: { optimize: false, regExp: linearRegExpEngine },
    // The generated definitions are checked against the meta-schema by the generator's test;
    // repeating that on every start cost ~130 ms of the first diagnostic (measured here).
    validateSchema: false,
  });
  registerKubernetesVocabulary(ajv);
  ajv.addSchema({ $id: ROOT_ID, definitions: source.definitions });
  return ajv;
}

/**
 * The definition a `$ref` of the bundled schemas names: `#/definitions/<name>` (between
 * definitions) or `<ROOT_ID>#/definitions/<name>` (a kind's root), the name pointer-escaped.
 */
function resolveDefinition(source: SchemaSource, ref: string): { name: string; schema: Schema } | undefined {
  const prefix = ref.startsWith('#/definitions/') ? '#/definitions/' : ref.startsWith(`${ROOT_ID}#/definitions/`) ? `${ROOT_ID}#/definitions/` : undefined;
  if (prefix === undefined) return undefined;
  const raw = ref.slice(prefix.length);
  if (raw.includes('/')) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch {
    return undefined;
  }
  return Object.hasOwn(source.definitions, name) ? { name, schema: source.definitions[name] as Schema } : undefined;
}

