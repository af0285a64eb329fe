/**
 * createSchemaValidator: SchemaProblems of objects against the bundled schemas. The errors come
 * from kind-errors.ts (the schema interpreter, or ajv); map-errors.ts words them.
 */
import { schemaKey } from './catalog';
import { kindErrors, type SchemaValidatorOptions } from './kind-errors';
import { mapErrors } from './map-errors';
import { schemaAtPath } from './schema-at';
import { stripNulls } from './strip-nulls';
import type { SchemaProblem, SchemaSource, SchemaValidator } from './types';

export type { SchemaValidatorOptions } from './kind-errors';

export function createSchemaValidator(source: SchemaSource, options: SchemaValidatorOptions = {}): SchemaValidator {
  const errorsOf = kindErrors(source, options);
  let versionsByKind: Map<string, string[]> | undefined;

  function validateOne(apiVersion: string, kind: string, value: unknown): SchemaProblem[] {
    const data = stripNulls(value);
    const errors = errorsOf(apiVersion, kind, data);
    return errors === undefined || errors.length === 0 ? [] : mapErrors(errors, data);
  }

  return {
    hasSchema(apiVersion, kind) {
      return isList(apiVersion, kind) || Object.hasOwn(source.index, schemaKey(apiVersion, kind));
    },
    servedApiVersions(kind) {
      versionsByKind ??= apiVersionsByKind(source);
      return versionsByKind.get(kind) ?? [];
    },
    validate(apiVersion, kind, value): SchemaProblem[] {
      if (!isList(apiVersion, kind)) return validateOne(apiVersion, kind, value);
      return validateListItems(value, validateOne);
    },
    schemaAt(apiVersion, kind, path) {
      const key = schemaKey(apiVersion, kind);
      return Object.hasOwn(source.index, key) ? schemaAtPath(source, source.index[key] as string, path) : undefined;
    },
  };
}

/** Index keys are `<apiVersion>/<kind>`, and an apiVersion may hold a slash itself. */
function apiVersionsByKind(source: SchemaSource): Map<string, string[]> {
  const byKind = new Map<string, string[]>();
  for (const key of Object.keys(source.index)) {
    const slash = key.lastIndexOf('/');
    const kind = key.slice(slash + 1);
    const list = byKind.get(kind) ?? [];
    list.push(key.slice(0, slash));
    byKind.set(kind, list);
  }
  for (const list of byKind.values()) list.sort((a, b) => versionRank(b) - versionRank(a) || a.localeCompare(b));
  return byKind;
}

/** v1 and v2 above any beta, betas above alphas; a higher number first within a level. */
function versionRank(apiVersion: string): number {
  const match = /v(\d+)(?:(alpha|beta)(\d+))?$/.exec(apiVersion);
  if (!match) return 0;
  const level = match[2] === undefined ? 2 : match[2] === 'beta' ? 1 : 0;
  return level * 1e6 + Number(match[1]) * 1e3 + Number(match[3] ?? 0);
}

/**
 * `kind: List` (what `kubectl get -o yaml` prints) is a client-side wrapper with no schema in
 * the API; kubectl applies each item on its own, so each item is validated against its own kind.
 */
function isList(apiVersion: string, kind: string): boolean {
  return apiVersion === 'v1' && kind === 'List';
}

function validateListItems(
  value: unknown,
  validateOne: (apiVersion: string, kind: string, value: unknown) => SchemaProblem[],
): SchemaProblem[] {
  const items = (value as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  const problems: SchemaProblem[] = [];
  items.forEach((item, i) => {
    const { apiVersion, kind } = (item ?? {}) as { apiVersion?: unknown; kind?: unknown };
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') return;
    for (const problem of validateOne(apiVersion, kind, item)) {
      problems.push({ ...problem, path: ['items', i, ...problem.path] });
    }
  });
  return problems;
}
