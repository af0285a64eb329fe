/**
 * Teaches ajv the Kubernetes-specific words our schemas use. Strict mode stays on: an unknown
 * keyword or format in a schema is a bug in the generator and must fail loudly.
 */
import type Ajv from 'ajv';
import { isQuantity } from './quantity-format';

// RFC 3339 as Go's time.Time accepts it in JSON: date, "T", time, optional fraction, zone.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
// Standard base64 with padding; Go's decoder skips line breaks, so we drop them first.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function isBase64(text: string): boolean {
  return BASE64.test(text.replace(/[\r\n]/g, ''));
}

export function isDateTime(text: string): boolean {
  return DATE_TIME.test(text);
}

/** String formats of the bundled schemas. Shared by ajv and the schema interpreter (interpret/). */
export const KUBERNETES_FORMATS: Readonly<Record<string, (text: string) => boolean>> = { quantity: isQuantity, byte: isBase64, 'date-time': isDateTime };

/**
 * Annotations only: the generator already expressed their meaning structurally (no
 * `additionalProperties: false` under preserve-unknown-fields; `type: [integer, string]` for
 * int-or-string), so there is nothing to check for them.
 */
export const ANNOTATION_KEYWORDS: readonly string[] = ['x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string'];

export function registerKubernetesVocabulary(ajv: Ajv): void {
  for (const [name, validate] of Object.entries(KUBERNETES_FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: 'boolean' });
}
