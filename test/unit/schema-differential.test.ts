/**
 * The schema interpreter (server/src/schema/interpret/) against ajv, the engine it replaces: on
 * every input, both must give the same ajv-shaped errors (keyword, paths, params, schema, data)
 * and the same SchemaProblems. Inputs: every document of test/fixtures and examples/, and of the
 * shared corpus when present (KG_SHARED, default ../shared), objects generated from every bundled
 * kind and every CRD version, and seeded mutations of all of them (test/support/schema-fuzz.ts).
 * Built-in kinds and custom resources validated against their CRD are both covered.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test, type TestContext } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import type { ErrorObject } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { createSchemaValidator, loadSchemaSourceFromJson } from '../../server/src/schema';
import { crdErrors, crdIdentity, rewrite, validateWithCrd } from '../../server/src/schema/crd';
import { kindErrors } from '../../server/src/schema/kind-errors';
import { stripNulls } from '../../server/src/schema/strip-nulls';
import { CORPUS, CORPUS_MISSING, REPO, yamlFiles } from '../support/corpus';
import { instanceOf, mutate, rng, seedOf, type Rng } from '../support/schema-fuzz';
import { KITCHEN_SINK_CRDS } from '../support/schema-kitchen-sink';

const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(REPO, file), 'utf8'));
const source = loadSchemaSourceFromJson(
  readJson('schemas/k8s/1.36/index.json'),
  readJson('schemas/k8s/1.36/definitions.json'),
  [readJson('schemas/k8s/vpa/autoscaling.k8s.io.v1.VerticalPodAutoscaler.json')],
);

/** Every time the interpreter handed a schema to ajv; for the real schemas this must stay empty. */
const fallbacks: string[] = [];
const ajv = { errors: kindErrors(source, { engine: 'ajv' }), problems: createSchemaValidator(source, { engine: 'ajv' }) };
const interpreter = {
  errors: kindErrors(source, { onFallback: (key, reason) => fallbacks.push(`${key}: ${reason}`) }),
  problems: createSchemaValidator(source, { onFallback: (key, reason) => fallbacks.push(`${key}: ${reason}`) }),
};

interface Crd {
  key: string;
  value: Record<string, unknown>;
  group: string;
  kind: string;
}

/** Tallies of one test: cases compared, cases where ajv found something, keywords seen, mismatches. */
class Comparison {
  cases = 0;
  invalid = 0;
  readonly keywords = new Set<string>();
  readonly mismatches: string[] = [];

  builtIn(label: string, apiVersion: string, kind: string, value: unknown): void {
    const data = stripNulls(value);
    this.errors(label, ajv.errors(apiVersion, kind, data), interpreter.errors(apiVersion, kind, data));
    this.same(label, 'problems', ajv.problems.validate(apiVersion, kind, value), interpreter.problems.validate(apiVersion, kind, value));
  }

  custom(label: string, crd: Crd, apiVersion: string, value: unknown, onFallback = (reason: string) => fallbacks.push(`${crd.key.slice(0, 60)}: ${reason}`)): void {
    const data = stripNulls(value);
    const load = () => crd.value;
    this.errors(label, crdErrors(crd.key, load, apiVersion, data, { engine: 'ajv' }), crdErrors(crd.key, load, apiVersion, data, { onFallback }));
    this.same(label, 'problems', validateWithCrd(crd.key, load, apiVersion, value, { engine: 'ajv' }), validateWithCrd(crd.key, load, apiVersion, value, { onFallback }));
  }

  /** Asserts the mismatches are none, that enough cases ran, and that enough of them were invalid. */
  check(t: TestContext, minCases: number): void {
    t.diagnostic(`${this.cases} cases compared, ${this.invalid} with errors, keywords seen: ${[...this.keywords].sort().join(' ')}`);
    assert.deepEqual(this.mismatches.slice(0, 5), [], `${this.mismatches.length} of ${this.cases} cases differ`);
    assert.ok(this.cases >= minCases, `only ${this.cases} cases compared`);
    assert.ok(this.invalid >= this.cases / 5, `only ${this.invalid} of ${this.cases} cases had errors: the mutations are too weak`);
  }

  private errors(label: string, expected: readonly ErrorObject[] | undefined, actual: readonly ErrorObject[] | undefined): void {
    this.cases++;
    if (expected && expected.length > 0) this.invalid++;
    for (const error of expected ?? []) this.keywords.add(error.keyword);
    this.same(label, 'errors', expected, actual);
  }

  private same(label: string, what: string, expected: unknown, actual: unknown): void {
    if (isDeepStrictEqual(expected, actual)) return;
    // Show where the lists part: the first entry that differs, and the lengths.
    const a = Array.isArray(expected) ? expected : [expected];
    const b = Array.isArray(actual) ? actual : [actual];
    let i = 0;
    while (i < a.length && isDeepStrictEqual(a[i], b[i])) i++;
    const show = (value: unknown) => JSON.stringify(value, (key, v: unknown) => (key === 'parentSchema' ? undefined : v))?.slice(0, 600);
    this.mismatches.push(`${label}: ${what} differ at #${i} (${a.length} vs ${b.length})\n  ajv:         ${show(a[i])}\n  interpreter: ${show(b[i])}`);
  }
}

interface Doc {
  label: string;
  value: Record<string, unknown>;
}

/** The documents of `files` that parse cleanly and have a string apiVersion and kind. */
function documents(files: readonly string[]): Doc[] {
  const docs: Doc[] = [];
  for (const file of files) {
    parseAllDocuments(readFileSync(file, 'utf8')).forEach((doc, i) => {
      if (doc.errors.length > 0) return;
      let value: unknown;
      try {
        value = doc.toJS({ maxAliasCount: 1000 });
      } catch {
        return;
      }
      const object = value as { apiVersion?: unknown; kind?: unknown } | null;
      if (typeof object?.apiVersion !== 'string' || typeof object.kind !== 'string') return;
      docs.push({ label: `${path.relative(path.dirname(REPO), file)}#${i}`, value: object as Record<string, unknown> });
    });
  }
  return docs;
}

function crdsOf(docs: readonly Doc[]): Crd[] {
  return docs.flatMap(({ value }) => {
    const identity = value.apiVersion === 'apiextensions.k8s.io/v1' && value.kind === 'CustomResourceDefinition' ? crdIdentity(value) : undefined;
    return identity ? [{ key: JSON.stringify(value), value, ...identity }] : [];
  });
}

/** The served versions of a CRD with their rewritten schema, as crd.ts reads them. */
function versionsOf(crd: Crd): { apiVersion: string; schema: Record<string, unknown> }[] {
  const versions = (crd.value.spec as { versions?: unknown[] }).versions ?? [];
  return versions.flatMap((v) => {
    const version = v as { name?: unknown; served?: unknown; schema?: { openAPIV3Schema?: unknown } };
    const schema = version.schema?.openAPIV3Schema;
    if (typeof version.name !== 'string' || version.served === false || typeof schema !== 'object' || schema === null) return [];
    return [{ apiVersion: `${crd.group}/${version.name}`, schema: rewrite(schema as Record<string, unknown>, 'root') }];
  });
}

/** The document itself, then `count` mutations of it. */
function withMutations(label: string, value: unknown, count: number, each: (label: string, value: unknown) => void): void {
  each(label, value);
  const random = rng(seedOf(label));
  for (let i = 0; i < count; i++) {
    const { value: mutated, change } = mutate(value, random);
    each(`${label} [${change}]`, mutated);
  }
}

/** Each document against its built-in kind, or against the CRD that defines it. */
function compareDocs(comparison: Comparison, docs: readonly Doc[], crds: readonly Crd[], mutations: number): void {
  for (const { label, value } of docs) {
    const apiVersion = value.apiVersion as string;
    const kind = value.kind as string;
    if (interpreter.problems.hasSchema(apiVersion, kind)) {
      // Large documents (CRDs validated as CRDs) get fewer mutations: each costs a full validation.
      const count = JSON.stringify(value).length > 100_000 ? 2 : mutations;
      withMutations(label, value, count, (l, v) => comparison.builtIn(l, apiVersion, kind, v));
      continue;
    }
    const crd = crds.find((c) => c.kind === kind && apiVersion.startsWith(`${c.group}/`));
    if (crd) withMutations(label, value, mutations * 3, (l, v) => comparison.custom(l, crd, apiVersion, v));
  }
}

/** Objects generated from each served version of each CRD, and their mutations. */
function compareGenerated(comparison: Comparison, crds: readonly Crd[], perVersion: number, onFallback?: (reason: string) => number): void {
  for (const crd of crds) {
    for (const { apiVersion, schema } of versionsOf(crd)) {
      const random = rng(seedOf(`${apiVersion}/${crd.kind}`));
      for (let i = 0; i < perVersion; i++) {
        const generated = { ...(instanceOf(schema, random, () => ({})) as object), apiVersion, kind: crd.kind, metadata: { name: `g${i}` } };
        withMutations(`generated ${apiVersion} ${crd.kind} #${i}`, generated, 3, (l, v) => comparison.custom(l, crd, apiVersion, v, onFallback));
      }
    }
  }
}

const resolveBuiltIn = (ref: string): unknown => source.definitions[decodeURIComponent(ref.replace(/^#\/definitions\//, ''))];

test('every bundled kind: generated objects and their mutations', (t) => {
  const comparison = new Comparison();
  for (const key of Object.keys(source.index).sort()) {
    const split = key.lastIndexOf('/');
    const apiVersion = key.slice(0, split);
    const kind = key.slice(split + 1);
    const random: Rng = rng(seedOf(key));
    for (let i = 0; i < 3; i++) {
      const generated = { ...(instanceOf(source.definitions[source.index[key] as string], random, resolveBuiltIn) as object), apiVersion, kind };
      withMutations(`generated ${key} #${i}`, generated, 3, (l, v) => comparison.builtIn(l, apiVersion, kind, v));
    }
  }
  comparison.check(t, 2000);
  assert.deepEqual(fallbacks, []);
  for (const keyword of ['type', 'required', 'additionalProperties', 'enum', 'format']) assert.ok(comparison.keywords.has(keyword), `no ${keyword} error seen`);
});

test('test/fixtures and examples: every document and seeded mutations, and the kitchen-sink CRDs', (t) => {
  const docs = documents([...yamlFiles(path.join(REPO, 'test/fixtures')), ...yamlFiles(path.join(REPO, 'examples'))]);
  const crds = crdsOf(docs);
  const comparison = new Comparison();
  compareDocs(comparison, docs, crds, 10);
  compareGenerated(comparison, crds, 4);
  assert.deepEqual(fallbacks, []);
  // Hand-written CRDs that use every keyword the interpreter implements, and two it leaves to ajv.
  const declined: string[] = [];
  const sinks = crdsOf(KITCHEN_SINK_CRDS.map((value, i) => ({ label: `kitchen sink #${i}`, value })));
  compareGenerated(comparison, sinks, 60, (reason) => declined.push(reason));
  comparison.check(t, 1500);
  assert.ok(declined.some((reason) => reason.includes('vetted')), 'the CRDs outside the subset went to ajv');
  const keywords = ['type', 'required', 'additionalProperties', 'enum', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
    'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'anyOf', 'oneOf', 'not', 'const', 'false schema'];
  assert.deepEqual(keywords.filter((k) => !comparison.keywords.has(k)), [], 'every implemented keyword failed somewhere');
});

test('shared corpus: every document and seeded mutations, built-in kinds and custom resources', { skip: CORPUS_MISSING }, (t) => {
  const docs = documents(yamlFiles(CORPUS));
  const crds = crdsOf(docs);
  const comparison = new Comparison();
  compareDocs(comparison, docs, crds, 4);
  comparison.check(t, 2000);
  assert.ok(crds.length > 50, `only ${crds.length} CRDs in the corpus`);
  assert.deepEqual(fallbacks, []);
});

test('shared corpus CRDs: generated custom resources of every served version, and mutations', { skip: CORPUS_MISSING }, (t) => {
  const crds = crdsOf(documents(yamlFiles(CORPUS)));
  const comparison = new Comparison();
  compareGenerated(comparison, crds, 2);
  comparison.check(t, 900);
  assert.deepEqual(fallbacks, []);
  for (const keyword of ['type', 'required', 'additionalProperties', 'enum', 'pattern', 'maxLength', 'minimum', 'oneOf', 'not']) assert.ok(comparison.keywords.has(keyword), `no ${keyword} error seen`);
});
