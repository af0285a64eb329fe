/**
 * The committed schemas under schemas/k8s/1.36 must be exactly what the generator produces from
 * the Kubernetes OpenAPI document, and must be complete and description-free.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { convertOpenApi, serializeMap } from '../../scripts/schema-gen/convert';
import { createSchemaValidator, loadSchemaSourceFromJson } from '../../server/src/schema';

const ROOT = resolve(__dirname, '../..');
const OUT = join(ROOT, 'schemas/k8s/1.36');
const OPENAPI = process.env.KUBE_OPENAPI ?? resolve(ROOT, '../shared/kubernetes/openapi-v2-1.36.json');
const openApiSkip = existsSync(OPENAPI) ? false : `OpenAPI document not found at ${OPENAPI} (set KUBE_OPENAPI to check freshness)`;

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const index = readJson(join(OUT, 'index.json')) as Record<string, string>;
const definitions = readJson(join(OUT, 'definitions.json')) as Record<string, object>;
const vpa = readJson(join(ROOT, 'schemas/k8s/vpa/autoscaling.k8s.io.v1.VerticalPodAutoscaler.json'));

test('committed schemas equal a fresh generation, and generation is deterministic', { skip: openApiSkip }, () => {
  const doc = readJson(OPENAPI);
  const first = convertOpenApi(doc);
  const second = convertOpenApi(JSON.parse(JSON.stringify(doc)));
  assert.equal(serializeMap(first.index), serializeMap(second.index));
  assert.equal(serializeMap(first.definitions), serializeMap(second.definitions));
  assert.equal(serializeMap(first.index), readFileSync(join(OUT, 'index.json'), 'utf8'), 'index.json is stale: run the generator');
  assert.equal(serializeMap(first.definitions), readFileSync(join(OUT, 'definitions.json'), 'utf8'), 'definitions.json is stale: run the generator');
});

test('the index covers the kinds we care about, with core kinds under apiVersion "v1"', () => {
  for (const key of [
    'v1/Pod', 'v1/Service', 'v1/ConfigMap', 'v1/PersistentVolumeClaim', 'apps/v1/Deployment', 'apps/v1/StatefulSet',
    'apps/v1/DaemonSet', 'batch/v1/CronJob', 'batch/v1/Job', 'autoscaling/v2/HorizontalPodAutoscaler',
    'policy/v1/PodDisruptionBudget', 'networking.k8s.io/v1/Ingress', 'storage.k8s.io/v1/StorageClass',
  ]) {
    assert.ok(index[key], `missing ${key}`);
  }
  assert.equal(index['apps/v1/Deployment'], 'io.k8s.api.apps.v1.Deployment');
  // Request/response envelopes that exist in every group are not manifests.
  assert.equal(Object.keys(index).some((k) => k.endsWith('/DeleteOptions') || k.endsWith('/WatchEvent')), false);
});

test('every $ref resolves, no descriptions are shipped, objects with properties are closed', () => {
  const problems: string[] = [];
  // Walks schema positions only: a field literally named "properties" (as in CRD schemas) is
  // a property, not a keyword.
  const visit = (node: unknown, where: string): void => {
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if ('description' in obj && typeof obj.description === 'string') problems.push(`${where}: description`);
    if (typeof obj.$ref === 'string' && !(obj.$ref.replace('#/definitions/', '') in definitions)) problems.push(`${where}: dangling ${obj.$ref}`);
    if (obj.properties && obj['x-kubernetes-preserve-unknown-fields'] !== true && obj.additionalProperties !== false) {
      problems.push(`${where}: open object`);
    }
    for (const [k, v] of Object.entries((obj.properties ?? {}) as object)) visit(v, `${where}.${k}`);
    visit(obj.items, `${where}[]`);
    visit(obj.additionalProperties, `${where}{}`);
  };
  for (const [name, schema] of Object.entries(definitions)) visit(schema, name);
  for (const [key, name] of Object.entries(index)) if (!(name in definitions)) problems.push(`${key}: no definition ${name}`);
  assert.deepEqual(problems, []);
});

test('special types have the shapes the validator relies on', () => {
  assert.deepEqual(definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString'], { type: ['integer', 'string'] });
  assert.deepEqual(definitions['io.k8s.apimachinery.pkg.api.resource.Quantity'], { format: 'quantity', type: ['number', 'string'] });
  assert.deepEqual(definitions['io.k8s.apimachinery.pkg.runtime.RawExtension'], { 'x-kubernetes-preserve-unknown-fields': true });
});

test('every kind, the VPA bundle included, compiles under ajv strict mode', () => {
  const validator = createSchemaValidator(loadSchemaSourceFromJson(index, definitions, [vpa]));
  const keys = [...Object.keys(index), 'autoscaling.k8s.io/v1/VerticalPodAutoscaler'];
  for (const key of keys) {
    const slash = key.lastIndexOf('/');
    const apiVersion = key.slice(0, slash);
    const kind = key.slice(slash + 1);
    assert.ok(validator.hasSchema(apiVersion, kind), key);
    assert.ok(Array.isArray(validator.validate(apiVersion, kind, { apiVersion, kind })), key);
  }
});

test('the generator exits 2 and names the path when the input is unreadable', () => {
  const missing = join(ROOT, 'no-such-dir/openapi.json');
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/generate-schemas.ts'), missing], { encoding: 'utf8' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /no-such-dir\/openapi\.json/);
});
