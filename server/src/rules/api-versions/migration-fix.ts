/**
 * The quick fix of the api-version rules: the kind's migration, offered only when the migrated
 * object passes the bundled schema of the target version. An object the migration cannot fully
 * convert (an unknown field, an odd shape, an unrelated mistake) gets no fix rather than one that
 * would be rejected in turn.
 */
import { applyEdits } from '../../core/apply-fixes';
import type { ProposedFix } from '../../core/finding';
import { migrationFor } from '../../k8s/migrations/index';
import type { K8sObject } from '../../k8s/objects';
import type { SchemaValidator } from '../../schema/types';
import type { YamlFixer } from '../../yaml/fixer';
import { parseYamlDocument } from '../../yaml/parse';

export function migrationFix(object: K8sObject, to: string, fixer: YamlFixer, schemas: SchemaValidator | undefined): ProposedFix | undefined {
  if (!schemas?.hasSchema(to, object.kind)) return undefined;
  const edits = migrationFor(object.kind)(object, fixer, to);
  if (!edits || edits.length === 0) return undefined;
  if (!passesTargetSchema(applyEdits(fixer.text, edits), to, object.kind, schemas)) return undefined;
  return { title: `Migrate to ${to}`, kind: 'suggestion', edits };
}

function passesTargetSchema(text: string, apiVersion: string, kind: string, schemas: SchemaValidator): boolean {
  try {
    const doc = parseYamlDocument(text);
    if (doc.errors.length > 0) return false;
    const value = doc.toJS({ maxAliasCount: 1000 }) as { apiVersion?: unknown; kind?: unknown } | null;
    return value?.apiVersion === apiVersion && value.kind === kind && schemas.validate(apiVersion, kind, value).length === 0;
  } catch {
    return false;
  }
}
