/** Public entry point of the schema validator (pure: data comes in through arguments). */
export type { SchemaValidator } from './types';
export { createSchemaValidator } from './validator';
export { loadSchemaSourceFromJson } from './catalog';
