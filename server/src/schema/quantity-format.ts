/**
 * The Kubernetes quantity grammar, used as the ajv format "quantity" for string values.
 * (Numbers need no check: YAML `cpu: 2` is a valid quantity.)
 *
 * A quantity is a signed decimal number followed by at most one suffix: a binary unit
 * (Ki Mi Gi Ti Pi Ei), a decimal unit (n u m k M G T P E), or a decimal exponent (e3, E-2).
 * The API server trims surrounding spaces before parsing. Whether a value makes sense for a
 * resource (negative memory, "512m" bytes) is for rules to judge, not for the schema.
 */
const QUANTITY = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$/;

export function isQuantity(text: string): boolean {
  return QUANTITY.test(text.trim());
}

const BINARY_BY_LETTER: Record<string, string> = { k: 'Ki', m: 'Mi', g: 'Gi', t: 'Ti', p: 'Pi', e: 'Ei' };
const DECIMAL_BY_LETTER: Record<string, string> = { k: 'k', m: 'M', g: 'G', t: 'T', p: 'P', e: 'E' };

export interface QuantityAdvice {
  message: string;
  suggestion?: string;
}

/**
 * Explains a malformed quantity and, for the usual slips (wrong case, a trailing "b", a space
 * before the unit), proposes a fixed spelling. For "mb"/"gb" we propose the binary unit, the
 * convention for memory in Kubernetes, and name the decimal one in the message.
 */
export function adviseQuantity(raw: string): QuantityAdvice {
  const text = raw.trim();
  const shown = JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  const match = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))\s*([A-Za-z]+)$/.exec(text);
  if (match) {
    const [, number, unit] = match as unknown as [string, string, string];
    const lower = unit.toLowerCase();
    const letter = lower[0] as string;
    if (isQuantity(`${number}${unit}`)) {
      return { message: `Malformed quantity ${shown}: remove the space between number and unit.`, suggestion: `${number}${unit}` };
    }
    const binary = BINARY_BY_LETTER[letter];
    const decimal = DECIMAL_BY_LETTER[letter];
    if (binary && (lower === `${letter}i` || lower === `${letter}ib` || lower === `${letter}b`)) {
      const alt = lower.endsWith('ib') || lower.endsWith('i') ? '' : ` ("${number}${decimal}" would mean powers of 1000)`;
      return {
        message: `Malformed quantity ${shown}: units are case-sensitive and have no "b"; did you mean "${number}${binary}"${alt}?`,
        suggestion: `${number}${binary}`,
      };
    }
    if (decimal && lower === letter && isQuantity(`${number}${decimal}`)) {
      return { message: `Malformed quantity ${shown}: units are case-sensitive; did you mean "${number}${decimal}"?`, suggestion: `${number}${decimal}` };
    }
  }
  return {
    message: `Malformed quantity ${shown}: expected a number with an optional unit (m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei) or exponent, e.g. "500m", "2", "1.5Gi", "1e3".`,
  };
}
