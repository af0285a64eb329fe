/** Public entry point of the schema validator (pure: data comes in through arguments). */
export type { SchemaProblem, SchemaProblemTarget, SchemaSource, SchemaValidator } from './types';
export { createSchemaValidator } from './validator';
export { loadSchemaSourceFromJson, schemaKey } from './catalog';
