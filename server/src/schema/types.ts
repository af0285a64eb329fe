/** Public types of the schema validator. Plain data only, so any layer can import them. */

/**
 * Schemas as plain data. `index` maps `"<apiVersion>/<kind>"` (e.g. `"apps/v1/Deployment"`,
 * `"v1/Pod"`) to a key of `definitions`; definitions refer to each other with
 * `{"$ref": "#/definitions/<name>"}`.
 */
export interface SchemaSource {
  index: Record<string, string>;
  definitions: Record<string, object>;
}

/** Which token an editor should underline for a problem. */
export type SchemaProblemTarget = 'key' | 'value' | 'parentKey';

export interface SchemaProblem {
  /**
   * Path in the object. For 'key': the path of the unknown key itself. For 'parentKey': the path
   * of the object that lacks a field ([] for the document root). For 'value': the offending value.
   */
  path: (string | number)[];
  target: SchemaProblemTarget;
  message: string;
  /** Replacement text for the underlined token, when we can guess one (used by quick fixes). */
  suggestion?: string;
}

export interface SchemaValidator {
  hasSchema(apiVersion: string, kind: string): boolean;
  /** The apiVersions with a schema for `kind`, stable ones first, newest first within a level. */
  servedApiVersions(kind: string): readonly string[];
  /** `value` is `doc.toJS()` of one YAML document; it is never mutated. */
  validate(apiVersion: string, kind: string, value: unknown): SchemaProblem[];
  /** The resolved schema of the field at `path` in an object of that kind (completion, hover). */
  schemaAt(apiVersion: string, kind: string, path: readonly (string | number)[]): FieldSchema | undefined;
}

/** The parts of a JSON Schema that completion and hover read. */
export interface FieldSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, FieldSchema>;
  additionalProperties?: boolean | FieldSchema;
  items?: FieldSchema;
  required?: string[];
  $ref?: string;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
}

