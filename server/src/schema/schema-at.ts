/**
 * Walks the bundled schemas along a YAML path, for completion and hover: the schema a field has
 * at `spec.template.spec.containers[0]` is what lists its keys, types and allowed values.
 *
 * `$ref`s are followed (with a depth limit, since definitions such as JSONSchemaProps refer to
 * themselves). A string segment enters `properties`, or the map value schema
 * (`additionalProperties`) of a map; a number enters `items`.
 */
import type { FieldSchema, SchemaSource } from './types';

const MAX_REFS = 32;

export function resolveRef(source: SchemaSource, schema: FieldSchema | undefined): FieldSchema | undefined {
  let current = schema;
  for (let i = 0; i < MAX_REFS && current?.$ref !== undefined; i++) {
    const name = decodeURIComponent(current.$ref.replace(/^#\/definitions\//, ''));
    current = Object.hasOwn(source.definitions, name) ? (source.definitions[name] as FieldSchema) : undefined;
  }
  return current?.$ref === undefined ? current : undefined;
}

/** The resolved schema at `path` inside the object of `rootName` (a key of `source.definitions`). */
export function schemaAtPath(source: SchemaSource, rootName: string, path: readonly (string | number)[]): FieldSchema | undefined {
  let schema = resolveRef(source, { $ref: `#/definitions/${rootName}` });
  for (const segment of path) {
    if (!schema) return undefined;
    let next: FieldSchema | undefined;
    if (typeof segment === 'number') next = schema.items;
    else if (schema.properties && Object.hasOwn(schema.properties, segment)) next = schema.properties[segment];
    else if (typeof schema.additionalProperties === 'object') next = schema.additionalProperties;
    schema = resolveRef(source, next);
  }
  return schema;
}
