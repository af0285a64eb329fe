/**
 * Completion from the bundled schema of the document's kind: the keys a mapping does not have yet
 * (required ones first) and the allowed values of a field. Pure: text in, plain items out; the LSP
 * layer turns them into CompletionItems.
 */
import { isMap, isScalar, type Document } from 'yaml';
import { fieldNote } from '../hover/field-notes';
import { allowedValues, fieldType, isCollection } from '../schema/field-type';
import { schemaAtPath } from '../schema/schema-at';
import type { FieldSchema, SchemaValidator } from '../schema/types';
import { cursorContext, nodeAtPath } from './context';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'field' | 'value';
  /** The field's type, or "required · type". */
  readonly detail: string;
  /** Markdown: our explanation where we have one, else type and allowed values. */
  readonly documentation: string;
  readonly insertText: string;
  /** Required keys sort before optional ones; otherwise alphabetical. */
  readonly sortText: string;
}

export interface CompletionInput {
  /** The document chunk's text and its parse; the offset is relative to the chunk. */
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly offset: number;
  readonly schemas: SchemaValidator | undefined;
  /** The root schema of a custom resource (from a workspace CRD), for kinds without a bundled one. */
  readonly customSchema?: (apiVersion: string, kind: string) => FieldSchema | undefined;
}

type SchemaAt = (path: readonly (string | number)[]) => FieldSchema | undefined;

export function completeAt(input: CompletionInput): CompletionEntry[] {
  const { text, doc, offset } = input;
  const type = typeOf(text);
  const schemaAt = type && schemaLookup(input, type.apiVersion, type.kind);
  if (!type || !schemaAt) return [];
  const context = cursorContext(text, doc, offset);
  if (!context) return [];
  const schema = schemaAt(context.path);
  if (!schema) return [];
  if (context.type === 'value') return valueEntries(schema);
  const present = context.newItem ? new Set<string>() : presentKeys(doc, context.path, context.line);
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([name]) => !present.has(name))
    .map(([name, field]) => {
      const path = [...context.path, name];
      return keyEntry(type.kind, path, name, field, schemaAt(path) ?? field, required.has(name));
    });
}

/** The bundled schema of a built-in kind, else the workspace CRD's schema of a custom resource. */
function schemaLookup(input: CompletionInput, apiVersion: string, kind: string): SchemaAt | undefined {
  const { schemas } = input;
  if (schemas?.hasSchema(apiVersion, kind)) return (path) => schemas.schemaAt(apiVersion, kind, path);
  const root = input.customSchema?.(apiVersion, kind);
  if (!root) return undefined;
  // CRD schemas hold no $ref, so the walk only enters properties, map values and items.
  const source = { index: {}, definitions: { [CUSTOM_ROOT]: root } };
  return (path) => schemaAtPath(source, CUSTOM_ROOT, path);
}

const CUSTOM_ROOT = 'custom-resource';

/** `declared` is the property as written (a reference names its type); `field` is it resolved. */
function keyEntry(kind: string, path: (string | number)[], name: string, declared: FieldSchema, field: FieldSchema, required: boolean): CompletionEntry {
  const typeText = fieldType(declared);
  const note = fieldNote(kind, path);
  const allowed = allowedValues(field);
  const facts = [`Type: ${typeText}.`];
  if (allowed && field.enum) facts.push(`Allowed: ${allowed.join(', ')}.`);
  if (note?.default) facts.push(`Default: ${note.default}.`);
  return {
    label: name,
    kind: 'field',
    detail: required ? `required · ${typeText}` : typeText,
    documentation: [note?.text, facts.join(' ')].filter(Boolean).join('\n\n'),
    insertText: isCollection(field) ? `${name}:` : `${name}: `,
    sortText: `${required ? 0 : 1}${name}`,
  };
}

function valueEntries(field: FieldSchema): CompletionEntry[] {
  const allowed = allowedValues(field) ?? [];
  return allowed.map((value, i) => ({
    label: value,
    kind: 'value',
    detail: fieldType(field),
    documentation: `One of: ${allowed.join(', ')}.`,
    insertText: value,
    sortText: String(i).padStart(3, '0'),
  }));
}

/** Keys the mapping already has, except one being typed on the cursor's line. */
function presentKeys(doc: Document.Parsed, path: readonly (string | number)[], line: { start: number; end: number }): Set<string> {
  const node = nodeAtPath(doc, path);
  const keys = new Set<string>();
  if (!isMap(node)) return keys;
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const start = pair.key.range?.[0] ?? -1;
    if (start >= line.start && start <= line.end) continue;
    keys.add(String(pair.key.value));
  }
  return keys;
}

/** apiVersion and kind from the text, which may not parse while the user types. */
function typeOf(text: string): { apiVersion: string; kind: string } | undefined {
  // The first line may start with a byte order mark.
  const apiVersion = /^\ufeff?apiVersion:[ \t]*["']?([^\s"'#]+)/m.exec(text)?.[1];
  const kind = /^\ufeff?kind:[ \t]*["']?([^\s"'#]+)/m.exec(text)?.[1];
  return apiVersion && kind ? { apiVersion, kind } : undefined;
}
