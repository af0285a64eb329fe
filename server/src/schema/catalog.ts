/**
 * Turns parsed JSON (index, definitions and optional extra bundles such as the VPA CRD schema)
 * into one SchemaSource, checking the shape so a broken schemas folder fails at startup with a
 * clear message instead of producing odd diagnostics later. No file access here: callers read
 * the files and pass their parsed contents.
 */
import type { SchemaSource } from './types';

export function schemaKey(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}

/**
 * `index` and `definitions` are the parsed `schemas/k8s/<version>/index.json` and
 * `definitions.json`; each `extra` item is a bundle `{ index, definitions }` (e.g. the parsed
 * `schemas/k8s/vpa/*.json`) whose definitions may refer to the built-in ones.
 */
export function loadSchemaSourceFromJson(index: unknown, definitions: unknown, extra: unknown[] = []): SchemaSource {
  const source: SchemaSource = { index: {}, definitions: {} };
  merge(source, index, definitions, 'built-in schemas');
  extra.forEach((bundle, i) => {
    if (!isRecord(bundle)) throw new TypeError(`schema bundle #${i} is not an object`);
    merge(source, bundle.index, bundle.definitions, `schema bundle #${i}`);
  });
  for (const [key, name] of Object.entries(source.index)) {
    if (!(name in source.definitions)) throw new TypeError(`schema index entry "${key}" names missing definition "${name}"`);
  }
  return source;
}

function merge(target: SchemaSource, index: unknown, definitions: unknown, label: string): void {
  if (!isRecord(index)) throw new TypeError(`${label}: index is not an object`);
  if (!isRecord(definitions)) throw new TypeError(`${label}: definitions is not an object`);
  for (const [name, schema] of Object.entries(definitions)) {
    if (!isRecord(schema)) throw new TypeError(`${label}: definition "${name}" is not an object`);
    if (name in target.definitions) throw new TypeError(`${label}: definition "${name}" is defined twice`);
    target.definitions[name] = schema;
  }
  for (const [key, name] of Object.entries(index)) {
    if (typeof name !== 'string') throw new TypeError(`${label}: index entry "${key}" is not a string`);
    target.index[key] = name;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
