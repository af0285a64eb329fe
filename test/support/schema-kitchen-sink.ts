/**
 * CustomResourceDefinitions written to exercise every keyword the schema interpreter implements
 * (and the corners of ajv it reproduces), plus two it must leave to ajv. Used by the schema
 * differential test, which generates custom resources from them.
 */

const crd = (kind: string, schema: Record<string, unknown>): Record<string, unknown> => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `${kind.toLowerCase()}s.example.com` },
  spec: {
    group: 'example.com',
    names: { kind, plural: `${kind.toLowerCase()}s` },
    scope: 'Namespaced',
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema } }],
  },
});

// ajv compares enums of 200 values or more by deep equality in a loop, shorter ones with ===.
const MANY = Array.from({ length: 210 }, (_, i) => `value-${i}`);

export const KITCHEN_SINK_CRDS: Record<string, unknown>[] = [
  crd('Gadget', {
    type: 'object',
    required: ['spec'],
    properties: {
      spec: {
        type: 'object',
        required: ['size', 'mode'],
        minProperties: 2,
        maxProperties: 12,
        properties: {
          size: { type: 'integer', minimum: 1, maximum: 10, multipleOf: 2 },
          ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
          mode: { type: 'string', enum: ['fast', 'slow', ''] },
          name: { type: 'string', minLength: 2, maxLength: 8, pattern: '^[a-z][a-z0-9-]*$' },
          port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
          note: { type: 'string', nullable: true, maxLength: 3 },
          tags: { type: 'array', items: { type: 'string' }, uniqueItems: true, minItems: 1, maxItems: 2 },
          mixed: { type: 'array', items: { type: ['integer', 'string'] }, uniqueItems: true },
          pairs: { type: 'array', items: { type: 'object', properties: { k: { type: 'string' } } }, uniqueItems: true },
          labels: { type: 'object', additionalProperties: { type: 'string', maxLength: 5 } },
          template: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object', properties: { x: { type: 'integer' } } } } },
          raw: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, minProperties: 1 },
          source: {
            type: 'object',
            properties: { git: { type: 'string' }, oci: { type: 'string' }, local: { type: 'string' } },
            oneOf: [{ required: ['git'] }, { required: ['oci'] }, { required: ['local'] }, {}],
          },
          target: {
            type: 'object',
            properties: { name: { type: 'string' }, selector: { type: 'object', properties: { app: { type: 'string' } } } },
            anyOf: [{ required: ['name'] }, { required: ['selector'] }],
            not: { required: ['name', 'selector'] },
          },
          limits: { allOf: [{ type: 'object', properties: { cpu: { type: 'string' } } }, { properties: { cpu: { maxLength: 4 } } }] },
          // A property named "not": crd.ts's filter of combinator-branch errors matches its path too.
          not: { type: 'string', enum: ['a', 'b'] },
          'a/b~c': { type: 'boolean' },
          level: { type: 'integer', enum: [1, 2, 3] },
          choice: { type: 'string', enum: MANY },
          fixed: { const: { a: 1 } },
          flag: { type: 'boolean', not: { enum: [false] } },
          forbidden: false,
          anything: { not: {} },
        },
      },
      status: { type: 'object', properties: { count: { type: ['integer', 'null'], minimum: 0 } }, additionalProperties: false },
    },
  }),
  // patternProperties is left to ajv.
  crd('Declined', { type: 'object', properties: { spec: { type: 'object', patternProperties: { '^x-': { type: 'string' } } } } }),
  // OpenAPI v3.0's boolean exclusiveMinimum is no draft-07 schema: ajv refuses it, so no findings.
  crd('Refused', { type: 'object', properties: { spec: { type: 'object', properties: { n: { type: 'integer', minimum: 0, exclusiveMinimum: true } } } } }),
];
