/**
 * The schema interpreter's corners, each checked against ajv itself: the rule order it copies, the
 * cases where ajv's generated code behaves in ways a reading of the spec would not predict, the
 * fallback to ajv, and the meta-schema vetting of CRD schemas. The broad comparison over real and
 * generated inputs is schema-differential.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';
import { crdErrors, rewrite } from '../../server/src/schema/crd';
import { RULE_GROUPS, UNSUPPORTED_RULES } from '../../server/src/schema/interpret/ajv-rules';
import { isVettedSchema } from '../../server/src/schema/interpret/meta';
import { kindErrors } from '../../server/src/schema/kind-errors';
import { ANNOTATION_KEYWORDS, KUBERNETES_FORMATS, registerKubernetesVocabulary } from '../../server/src/schema/vocabulary';
import { CORPUS, CORPUS_MISSING, yamlFiles } from '../support/corpus';
import { mutate, rng } from '../support/schema-fuzz';

type Schema = Record<string, unknown>;

/** Both engines on a one-definition schema source (the built-in path: strict ajv, formats, $ref). */
function builtIn(definitions: Record<string, Schema>) {
  const source = { index: { 'v1/Thing': 'Thing' }, definitions };
  const fallbacks: string[] = [];
  const ajv = kindErrors(source, { engine: 'ajv' });
  const interpreter = kindErrors(source, { onFallback: (_key, reason) => fallbacks.push(reason) });
  return {
    fallbacks,
    same(data: unknown): void {
      assert.deepStrictEqual(interpreter('v1', 'Thing', data), ajv('v1', 'Thing', data), JSON.stringify(data));
    },
  };
}

let crdCount = 0;
/** Both engines on a CRD whose openAPIV3Schema is `schema` (the CRD path: non-strict ajv). */
function custom(schema: Schema) {
  const name = `thing${crdCount++}`;
  const crd = { spec: { group: 'example.com', names: { kind: 'Thing' }, versions: [{ name: 'v1', served: true, schema: { openAPIV3Schema: schema } }] } };
  const fallbacks: string[] = [];
  const run = (data: unknown, engine: 'ajv' | 'interpreter') =>
    crdErrors(name, () => crd, 'example.com/v1', data, { engine, onFallback: (reason) => fallbacks.push(reason) });
  return {
    fallbacks,
    same(data: unknown): void {
      assert.deepStrictEqual(run(data, 'interpreter'), run(data, 'ajv'), JSON.stringify(data));
    },
    errors: (data: unknown) => run(data, 'interpreter'),
  };
}

describe('ajv facts the interpreter copies', () => {
  test('rule groups and keyword order are those of the installed ajv', () => {
    const strict = new Ajv({ strict: true, allowUnionTypes: true });
    registerKubernetesVocabulary(strict);
    const loose = new Ajv({ strict: false });
    for (const [ajv, extra] of [[strict, ANNOTATION_KEYWORDS], [loose, []]] as const) {
      const rules = (ajv as unknown as { RULES: { rules: { type?: string; rules: { keyword: string }[] }[]; post: { rules: unknown[] } } }).RULES;
      const expected = RULE_GROUPS.map((g) => ({ type: g.type, keywords: g.type === undefined ? [...g.keywords, ...extra] : [...g.keywords] }));
      assert.deepEqual(rules.rules.map((g) => ({ type: g.type, keywords: g.rules.map((r) => r.keyword) })), expected);
      assert.equal(rules.post.rules.length, 0);
    }
  });
});

describe('the bundled schemas', () => {
  // Plans are built as data reaches them, so a keyword the interpreter lacks would otherwise show
  // only as a fallback when some document happens to use that field.
  test('use only keywords and formats the interpreter implements', () => {
    const read = (file: string) => JSON.parse(readFileSync(path.join(__dirname, '../..', file), 'utf8')) as { definitions?: Record<string, Schema> } & Record<string, Schema>;
    const definitions = { ...read('schemas/k8s/1.36/definitions.json'), ...read('schemas/k8s/vpa/autoscaling.k8s.io.v1.VerticalPodAutoscaler.json').definitions };
    const implemented = new Set([...RULE_GROUPS.flatMap((g) => g.keywords), ...ANNOTATION_KEYWORDS].filter((k) => !UNSUPPORTED_RULES.has(k)));
    const found = new Set<string>();
    const walk = (schema: unknown): void => {
      if (typeof schema !== 'object' || schema === null) return;
      for (const [key, value] of Object.entries(schema)) {
        if (!implemented.has(key)) found.add(key);
        if (key === 'format' && !Object.hasOwn(KUBERNETES_FORMATS, value as string)) found.add(`format ${String(value)}`);
        if (key === 'properties') Object.values(value as object).forEach(walk);
        if (key === 'items' || key === 'additionalProperties') walk(value);
      }
    };
    Object.values(definitions).forEach(walk);
    assert.deepEqual([...found], []);
  });
});

describe('corners of ajv reproduced', () => {
  test('oneOf: a second passing branch fails it, and no later branch runs', () => {
    const t = custom({ type: 'object', oneOf: [{ required: ['a'] }, { required: ['b'] }, { properties: { c: { type: 'string' } } }, {}] });
    for (const data of [{ a: 1 }, { a: 1, b: 2 }, { c: 5 }, { a: 1, c: 5 }, {}, { b: 1, c: 1 }]) t.same(data);
    assert.deepEqual(t.errors({ a: 1, b: 2 })?.filter((e) => e.keyword === 'oneOf').map((e) => e.params), [{ passingSchemas: [0, 1] }]);
  });

  test('anyOf takes back its branches\' errors when one passes; not reports only itself', () => {
    const t = custom({ type: 'object', anyOf: [{ required: ['a'] }, { required: ['b'] }], not: { required: ['a', 'b'] } });
    for (const data of [{ a: 1 }, {}, { a: 1, b: 1 }, []]) t.same(data);
  });

  test('a type error comes first, or in the group of its type when that group has keywords', () => {
    const t = custom({ type: 'string', maximum: 3, enum: ['a', 5], maxLength: 1 });
    for (const data of [5, 'ab', 2, 'a', null, [1]]) t.same(data);
    const u = custom({ type: 'integer', minimum: 2, enum: [1, 2, 2.5] });
    for (const data of [1, 2.5, '3', 3]) u.same(data);
  });

  test('NaN and Infinity are numbers only where strictNumbers is off (the CRD instance)', () => {
    const schema = { type: 'object', properties: { n: { type: 'integer', maximum: 10 }, x: { type: 'number' } } };
    const loose = custom(schema);
    const strict = builtIn({ Thing: schema });
    for (const data of [{ n: Number.NaN }, { n: Number.POSITIVE_INFINITY, x: Number.NEGATIVE_INFINITY }, { n: 5 }]) {
      loose.same(data);
      strict.same(data);
    }
  });

  test('additionalProperties: more than 8 properties, own "__proto__" keys and prototype names', () => {
    const many = Object.fromEntries('abcdefghij'.split('').map((k) => [k, { type: 'string' }]));
    const withProto = JSON.parse('{"type":"object","additionalProperties":false,"properties":{"__proto__":{"type":"string"},"a":{"type":"string"},"b":{},"c":{},"d":{},"e":{},"f":{},"g":{},"h":{},"i":{}}}') as Schema;
    const data = JSON.parse('{"__proto__": 1, "constructor": 2, "a": 3, "zz": 4}') as unknown;
    for (const schema of [{ type: 'object', additionalProperties: false, properties: many }, withProto, { type: 'object', additionalProperties: { type: 'integer' } }]) {
      custom(schema).same(data);
      builtIn({ Thing: schema }).same(data);
    }
  });

  test('uniqueItems: keyed scan for scalar item types (strings and numbers kept apart), deep equality otherwise', () => {
    for (const items of [{ type: ['integer', 'string'] }, { type: 'string' }, { type: 'object' }, {}]) {
      const t = custom({ type: 'array', items, uniqueItems: true });
      for (const data of [[1, '1'], ['a', 'a'], [{ a: 1 }, { a: 1 }], [1, 2, 1, 2], [[1], [1]], ['__proto__', '__proto__']]) t.same(data);
    }
  });

  test('enum: below 200 values === (NaN matches nothing), from 200 on deep equality (NaN matches NaN)', () => {
    for (const size of [3, 250]) {
      const values = [Number.NaN, { a: 1 }, ...Array.from({ length: size }, (_, i) => i)];
      const t = builtIn({ Thing: { enum: values } });
      for (const data of [Number.NaN, { a: 1 }, 2, 'x']) t.same(data);
    }
  });

  test('formats run on strings only; quantity also accepts numbers', () => {
    const t = builtIn({ Thing: { type: 'object', properties: { q: { type: ['number', 'string'], format: 'quantity' }, b: { type: 'string', format: 'byte' }, d: { type: 'string', format: 'date-time' } } } });
    for (const data of [{ q: '1Gi', b: 'aGk=', d: '2024-01-31T12:00:00Z' }, { q: '512mb', b: 'hi there', d: 'yesterday' }, { q: 5, b: 5, d: true }]) t.same(data);
  });

  test('$ref chains, self-reference and refs next to other keywords', () => {
    const t = builtIn({
      Thing: { type: 'object', properties: { node: { $ref: '#/definitions/Node' }, q: { $ref: '#/definitions/Leaf', type: 'string' }, w: { $ref: '#/definitions/Wrapper' } }, additionalProperties: false },
      // A $ref inside a list makes ajv compile Wrapper as its own function: schema paths restart at "#".
      Wrapper: { type: 'string', allOf: [{ $ref: '#/definitions/Leaf' }] },
      Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/Node' } } } },
      Leaf: { type: 'string', enum: ['x'] },
    });
    for (const data of [{ node: { name: 1, children: [{ children: [{ name: true }] }] } }, { q: 'y' }, { q: 5 }, { extra: 1 }, { w: 'z' }, { w: 5 }]) t.same(data);
    assert.deepEqual(t.fallbacks, []);
  });
});

describe('fallback to ajv', () => {
  test('a keyword the interpreter lacks, reached only by some data, hands the kind to ajv with the same errors', () => {
    const t = builtIn({
      Thing: { type: 'object', properties: { ok: { type: 'string' }, odd: { $ref: '#/definitions/Odd' } } },
      Odd: { type: 'object', patternProperties: { '^x': { type: 'integer' } } },
    });
    t.same({ ok: 1 });
    assert.deepEqual(t.fallbacks, []); // nothing unusual reached yet
    t.same({ ok: 1, odd: { xa: 'no' } });
    assert.equal(t.fallbacks.length, 1);
    assert.match(t.fallbacks[0] ?? '', /patternProperties/);
    t.same({ odd: { xb: 1, y: 's' } });
  });

  test('a CRD schema outside the vetted subset goes to ajv; one ajv refuses gives no verdict from either', () => {
    const declined = custom({ type: 'object', properties: { spec: { type: 'object', propertyNames: { maxLength: 2 } } } });
    declined.same({ spec: { abc: 1 } });
    assert.match(declined.fallbacks[0] ?? '', /vetted/);
    const refused = custom({ type: 'object', properties: { n: { type: 'integer', exclusiveMinimum: true } } });
    assert.equal(refused.errors({ n: 1 }), undefined);
    refused.same({ n: 1 });
  });
});

describe('meta-schema vetting of CRD schemas (interpret/meta.ts)', () => {
  const ajv = new Ajv({ strict: false, logger: false, validateFormats: false, allowUnionTypes: true });
  const ajvAccepts = (schema: unknown) => ajv.validateSchema(schema as Schema) === true;
  const ajvCompiles = (schema: unknown) => {
    try {
      ajv.compile(schema as Schema);
      return true;
    } catch {
      return false;
    }
  };

  test('vetted implies that ajv compiles it, on broken keyword values', () => {
    const broken: Schema[] = [
      { type: 'strng' }, { type: [] }, { type: ['string', 'string'] }, { enum: [] }, { enum: ['a', 'a'] }, { enum: [{ a: 1 }, { a: 1 }] }, { required: ['a', 'a'] },
      { required: [1] }, { minLength: -1 }, { minLength: 1.5 }, { maximum: '3' }, { multipleOf: 0 }, { anyOf: [] }, { oneOf: [1] }, { properties: { a: 'x' } },
      { items: [] }, { not: null }, { uniqueItems: 'yes' }, { exclusiveMinimum: true }, { pattern: 5 }, { title: 1 }, { $ref: '#' }, { definitions: { a: {} } },
      { 'x-custom': { $id: 'x' } }, { readOnly: 'no' }, { pattern: '[' }, { pattern: '\\p{Foo}' }, { anyOf: [{}, { enum: [] }] },
    ];
    let refused = 0;
    for (const schema of broken) {
      const nested = { type: 'object', properties: { nested: schema } };
      if (!ajvCompiles(nested)) refused++;
      assert.ok(!isVettedSchema(schema) || ajvCompiles(schema), JSON.stringify(schema));
      assert.ok(!isVettedSchema(nested) || ajvCompiles(nested), JSON.stringify(nested));
    }
    assert.ok(refused > 20, `ajv refused only ${refused} of the broken schemas`);
  });

  test('vetted implies valid for ajv, on mutations of the corpus CRD schemas', { skip: CORPUS_MISSING }, () => {
    const schemas: Schema[] = [];
    for (const file of yamlFiles(path.join(CORPUS, 'real'))) {
      for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
        const value = doc.errors.length === 0 ? (doc.toJS() as { kind?: unknown; spec?: { versions?: { schema?: { openAPIV3Schema?: Schema } }[] } } | null) : null;
        if (value?.kind !== 'CustomResourceDefinition') continue;
        for (const version of value.spec?.versions ?? []) if (version.schema?.openAPIV3Schema) schemas.push(rewrite(version.schema.openAPIV3Schema, 'root'));
      }
    }
    assert.ok(schemas.length > 50);
    let rejectedByAjv = 0;
    const random = rng(7);
    for (const schema of schemas) {
      assert.ok(isVettedSchema(schema) && ajvAccepts(schema));
      for (let i = 0; i < 10; i++) {
        const mutated = mutate(schema, random).value;
        const accepted = ajvAccepts(mutated);
        if (!accepted) rejectedByAjv++;
        assert.ok(!isVettedSchema(mutated) || accepted, 'vetted a schema ajv rejects');
      }
    }
    assert.ok(rejectedByAjv > 100, `only ${rejectedByAjv} mutated schemas were invalid`);
  });
});
