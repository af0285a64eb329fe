/**
 * Kubernetes resource quantities ("500m", "1.5", "129e6", "128Mi"). Parsing follows the API's
 * grammar: a signed decimal number, then a binary suffix (Ki…Ei), a decimal suffix (n u m k M G T P E)
 * or a decimal exponent (e3, E-2).
 */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

// Anchored and without nested quantifiers, so it runs in linear time on any input.
const QUANTITY = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?[0-9]+))?$/;

export interface Quantity {
  /** The text as written. */
  text: string;
  /** The amount in base units (cores for cpu, bytes for memory). */
  value: number;
  suffix: string;
}

export type QuantityResult = { ok: true; quantity: Quantity } | { ok: false; reason: string };

export function parseQuantity(raw: string): QuantityResult {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'is empty' };
  const match = QUANTITY.exec(text);
  if (!match) return { ok: false, reason: explainMalformed(text) };
  const number = Number(match[1]);
  const suffix = match[2] ?? '';
  let value: number;
  if (match[3] !== undefined) value = number * 10 ** Number(match[3]);
  else value = number * (BINARY[suffix] ?? DECIMAL[suffix] ?? 1);
  if (!Number.isFinite(value)) return { ok: false, reason: 'is too large' };
  if (value < 0) return { ok: false, reason: 'is negative; resource amounts cannot be below zero' };
  return { ok: true, quantity: { text, value, suffix: match[3] !== undefined ? `e${match[3]}` : suffix } };
}

function explainMalformed(text: string): string {
  const unit = /^[+-]?[0-9.]+\s*([A-Za-z]+)$/.exec(text)?.[1];
  if (unit) {
    const lower = unit.toLowerCase();
    const hint = SUFFIX_HINTS[lower];
    if (hint) return `has unit "${unit}", which Kubernetes does not accept; write ${hint}`;
    return `has unit "${unit}", which Kubernetes does not accept; use one of Ki Mi Gi Ti Pi Ei, k M G T P E, or m (milli)`;
  }
  if (/\s/.test(text)) return 'contains a space; write the number and its unit together, e.g. "512Mi"';
  return 'is not a number with an optional unit (e.g. "500m", "2", "512Mi", "1Gi")';
}

const SUFFIX_HINTS: Record<string, string> = {
  mb: '"M" (10^6 bytes) or "Mi" (2^20 bytes)',
  mib: '"Mi"',
  gb: '"G" (10^9 bytes) or "Gi" (2^30 bytes)',
  gib: '"Gi"',
  kb: '"k" (10^3 bytes) or "Ki" (2^10 bytes)',
  kib: '"Ki"',
  tb: '"T" or "Ti"',
  b: 'the plain number of bytes, without "b"',
  cores: 'the number of cores alone (e.g. "2") or millicores (e.g. "500m")',
  core: 'the number of cores alone (e.g. "1") or millicores (e.g. "500m")',
  mi: '"Mi" (capital M)',
  gi: '"Gi" (capital G)',
  ki: '"Ki" (capital K)',
};

const GROUP = new Intl.NumberFormat('en-US');

export function formatBytes(bytes: number): string {
  const exact = Number.isInteger(bytes) ? `${GROUP.format(bytes)} bytes` : `${GROUP.format(Math.round(bytes * 1000) / 1000)} bytes`;
  const units: [string, number][] = [['EiB', 2 ** 60], ['PiB', 2 ** 50], ['TiB', 2 ** 40], ['GiB', 2 ** 30], ['MiB', 2 ** 20], ['KiB', 2 ** 10]];
  for (const [unit, size] of units) {
    if (bytes >= size) return `${exact} (${trimNumber(bytes / size)} ${unit})`;
  }
  return exact;
}

export function formatCores(cores: number): string {
  const text = trimNumber(cores);
  // "0.25 CPU core", "1 CPU core", "2 CPU cores": fractions read as a part of one core.
  return `${text} CPU ${cores > 1 ? 'cores' : 'core'}`;
}

function trimNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** A memory quantity with a lowercase `m` means milli-bytes: valid for the API, almost always a typo. */
export function isMilliBytes(quantity: Quantity): boolean {
  return quantity.suffix === 'm';
}
