/**
 * Ingress (extensions/v1beta1, networking.k8s.io/v1beta1) → networking.k8s.io/v1.
 *
 * v1 names the backend service as `service: {name, port: {number | name}}` instead of
 * `serviceName`/`servicePort`, renames `spec.backend` to `spec.defaultBackend`, and requires a
 * `pathType` on every path. The beta default behaved like `ImplementationSpecific`, so that is
 * the value added where it is missing: the routing stays as it was.
 */
import type { YAMLMap } from 'yaml';
import type { TextEdit } from '../../core/finding';
import type { InsertMap, YamlFixer } from '../../yaml/fixer';
import { asMap, asSeq, getMap, getNode, getPair } from '../../yaml/nodes';
import { allOrNothing, isRecord, plainObject, renameApiVersion, toInsert } from './common';
import type { Json, Migration } from './types';

export const migrateIngress: Migration = (object, fixer, to) => {
  if (to !== 'networking.k8s.io/v1') return undefined;
  const plain = plainObject(object);
  const spec = getMap(object.root, 'spec');
  const edits: (TextEdit | undefined)[] = [renameApiVersion(object, fixer, to)];
  const plainSpec = isRecord(plain?.spec) ? plain.spec : {};
  const defaultBackend = getPair(spec, 'backend');
  if (spec && defaultBackend) {
    const converted = convertBackend(plainSpec.backend);
    edits.push(converted ? fixer.replacePair(spec, defaultBackend, { defaultBackend: converted }) : undefined);
  }
  const rules = asSeq(getNode(spec, 'rules'));
  const plainRules = Array.isArray(plainSpec.rules) ? plainSpec.rules : [];
  rules?.items.forEach((rule, r) => {
    const paths = asSeq(getNode(getMap(asMap(rule), 'http'), 'paths'));
    const plainPaths = (plainRules[r] as { http?: { paths?: Json[] } } | null)?.http?.paths ?? [];
    paths?.items.forEach((item, p) => edits.push(...migratePath(fixer, asMap(item), plainPaths[p])));
  });
  return allOrNothing(edits);
};

/** Edits for one `paths` entry: its backend in the v1 shape and a pathType when there is none. */
function migratePath(fixer: YamlFixer, item: YAMLMap | undefined, plain: Json | undefined): (TextEdit | undefined)[] {
  if (!item || !isRecord(plain)) return [undefined];
  const needsType = plain.pathType === undefined || plain.pathType === null;
  const backend = getPair(item, 'backend');
  const converted = convertBackend(plain.backend);
  if (backend && converted && isRecord(plain.backend) && 'serviceName' in plain.backend) {
    // pathType goes in with the rewritten backend: one edit per path.
    const entries: InsertMap = needsType ? { pathType: 'ImplementationSpecific', backend: converted } : { backend: converted };
    return [fixer.replacePair(item, backend, entries)];
  }
  if (!converted) return [undefined];
  if (!needsType) return [];
  const pathPair = getPair(item, 'path');
  const edit = fixer.addToMap(item, { pathType: 'ImplementationSpecific' })
    ?? (pathPair && typeof plain.path === 'string' ? fixer.replacePair(item, pathPair, { path: plain.path, pathType: 'ImplementationSpecific' }) : undefined);
  return [edit];
}

/** A backend in the v1 shape; undefined for fields we do not know. */
function convertBackend(backend: Json | undefined): InsertMap | undefined {
  if (!isRecord(backend)) return undefined;
  const { serviceName, servicePort, ...rest } = backend;
  if (serviceName === undefined) {
    // Already v1-shaped (service or resource): keep it.
    return 'service' in backend || 'resource' in backend ? (toInsert(backend) as InsertMap | undefined) : undefined;
  }
  if (typeof serviceName !== 'string' || Object.keys(rest).length > 0) return undefined;
  let port: InsertMap;
  if (typeof servicePort === 'number') port = { number: servicePort };
  else if (typeof servicePort === 'string' && /^[0-9]+$/.test(servicePort)) port = { number: Number(servicePort) };
  else if (typeof servicePort === 'string' && servicePort !== '') port = { name: servicePort };
  else return undefined;
  return { service: { name: serviceName, port } };
}
