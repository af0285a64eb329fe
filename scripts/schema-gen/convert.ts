/**
 * Pure conversion of the Kubernetes OpenAPI v2 document into the trimmed JSON Schemas we ship.
 *
 * We keep structure only (types, properties, required, map value types, a few formats, enums
 * from ENUM_OVERLAY) and drop every description: hover texts are written by the project itself,
 * and dropping them cuts the output by roughly 90 %.
 */
import { ENUM_OVERLAY } from './enums';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const REF_PREFIX = '#/definitions/';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

/** Definitions whose wire form differs from what the document declares. */
const SPECIAL: Record<string, Obj> = {
  // A number in YAML (`cpu: 2`) is as valid as a string (`cpu: "2"`); strings are checked by
  // the `quantity` format, numbers need no check.
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: ['number', 'string'], format: 'quantity' },
  // Declared as a string with a custom format; on the wire it is either an integer or a string.
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: ['integer', 'string'] },
  // Opaque payloads: any JSON value is accepted.
  'io.k8s.apimachinery.pkg.runtime.RawExtension': { 'x-kubernetes-preserve-unknown-fields': true },
  [`${META}FieldsV1`]: { 'x-kubernetes-preserve-unknown-fields': true },
};

/** Formats we keep (each is registered by the validator); every other format is dropped. */
const KEPT_FORMATS = new Set(['byte', 'date-time']);

export interface GeneratedSchemas {
  /** `apiVersion/Kind` → definition name. */
  index: Record<string, string>;
  definitions: Record<string, Obj>;
}

export function convertOpenApi(doc: unknown): GeneratedSchemas {
  const defs = (doc as { definitions?: Record<string, Obj> } | null)?.definitions;
  if (!defs || typeof defs !== 'object') throw new Error('input has no "definitions" object');
  const enumsUsed = new Set<string>();
  const index: Record<string, string> = {};
  for (const [name, def] of Object.entries(defs)) {
    const gvks = def['x-kubernetes-group-version-kind'];
    // DeleteOptions and WatchEvent carry one entry per API group: they are request and
    // response envelopes, not objects anyone writes into a manifest.
    if (!Array.isArray(gvks) || gvks.length !== 1) continue;
    const gvk = gvks[0] as { group?: string; version: string; kind: string };
    const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
    index[`${apiVersion}/${gvk.kind}`] = name;
  }
  const definitions: Record<string, Obj> = {};
  const queue = [...new Set(Object.values(index))];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (definitions[name]) continue;
    const def = defs[name];
    if (!def) throw new Error(`dangling $ref to "${name}"`);
    const refs: string[] = [];
    definitions[name] = SPECIAL[name] ?? convertNode(def, { refs, enumsUsed, owner: name });
    queue.push(...refs.filter((r) => !definitions[r]));
  }
  const unused = Object.keys(ENUM_OVERLAY).filter((k) => !enumsUsed.has(k));
  if (unused.length > 0) throw new Error(`enum overlay keys match nothing: ${unused.join(', ')}`);
  return { index: sortKeys(index) as Record<string, string>, definitions: sortKeys(definitions) as Record<string, Obj> };
}

interface Ctx { refs: string[]; enumsUsed: Set<string>; owner?: string }

function convertNode(node: Obj, ctx: Ctx): Obj {
  const ref = node.$ref;
  if (typeof ref === 'string') {
    if (!ref.startsWith(REF_PREFIX)) throw new Error(`unsupported $ref ${ref}`);
    ctx.refs.push(ref.slice(REF_PREFIX.length));
    return { $ref: ref };
  }
  const out: Obj = {};
  const type = node.type;
  const props = node.properties as Record<string, Obj> | undefined;
  // A schema with neither a type nor properties (apiextensions JSON, JSONSchemaPropsOr*) accepts
  // any value; say so explicitly so readers do not take it for an accident.
  if (type === undefined && !props) return { 'x-kubernetes-preserve-unknown-fields': true };
  if (typeof type === 'string') out.type = type;
  if (typeof node.format === 'string') {
    if (node.format === 'int-or-string') out.type = ['integer', 'string'];
    else if (KEPT_FORMATS.has(node.format)) out.format = node.format;
  }
  if (node.items) out.items = convertNode(node.items as Obj, { ...ctx, owner: undefined });
  if (props) {
    out.type = 'object';
    const converted: Obj = {};
    for (const [key, sub] of Object.entries(props)) {
      const child = convertNode(sub, { ...ctx, owner: undefined });
      applyEnum(child, ctx.owner ? `${ctx.owner}.${key}` : undefined, ctx.enumsUsed);
      converted[key] = child;
    }
    out.properties = converted;
    // Kubernetes' strict field validation rejects fields it does not know, unless the schema
    // explicitly preserves unknown fields.
    if (node['x-kubernetes-preserve-unknown-fields'] !== true) out.additionalProperties = false;
  }
  if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    out.additionalProperties = convertNode(node.additionalProperties as Obj, { ...ctx, owner: undefined });
  }
  if (node['x-kubernetes-preserve-unknown-fields'] === true) out['x-kubernetes-preserve-unknown-fields'] = true;
  if (Array.isArray(node.required) && node.required.length > 0) {
    out.required = [...(node.required as string[])].sort();
  }
  return out;
}

function applyEnum(schema: Obj, key: string | undefined, used: Set<string>): void {
  if (!key) return;
  const direct = ENUM_OVERLAY[key];
  if (direct) {
    used.add(key);
    if (schema.type !== 'string') throw new Error(`enum overlay ${key} targets a non-string field`);
    schema.enum = [...direct];
  }
  const forItems = ENUM_OVERLAY[`${key}[]`];
  const items = schema.items as Obj | undefined;
  if (forItems) {
    used.add(`${key}[]`);
    if (!items || items.type !== 'string') throw new Error(`enum overlay ${key}[] targets a non-string list`);
    items.enum = [...forItems];
  }
}

/** Deep copy with object keys sorted, so the output is byte-for-byte reproducible. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/**
 * Serialises a name → schema map with one entry per line: compact like minified JSON, yet a
 * regeneration diff still shows which definitions changed.
 */
export function serializeMap(map: Record<string, unknown>): string {
  const lines = Object.keys(map).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(sortKeys(map[k]))}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}
