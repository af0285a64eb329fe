/**
 * Where a `yaml-syntax` error for an unclosed `[` or `{` belongs. The yaml package reports it where
 * it gave up, at the end of the document (so at column 1 of the next `---` line, with no width),
 * and once per nested collection. The mistake is the bracket that is never closed: this module puts
 * one error on it, for each outermost unclosed collection, and keeps every other range at least one
 * character wide without splitting a surrogate pair.
 */
import { isCollection, visit, type Document } from 'yaml';
import type { YamlError } from './parse';

/** The yaml package's wording for these errors ("… must end with a ]", "… and end with a }"). */
const UNCLOSED_FLOW = /end with a [\]}]/;

export function placeUnclosedFlow(text: string, doc: Document.Parsed, errors: readonly YamlError[]): YamlError[] {
  const unclosed = errors.some((e) => UNCLOSED_FLOW.test(e.message)) ? outermostUnclosed(text, doc) : [];
  const kept = unclosed.length > 0 ? errors.filter((e) => !UNCLOSED_FLOW.test(e.message)) : errors;
  const placed = unclosed.map(({ start, bracket }): YamlError => ({
    start,
    end: start + 1,
    message: bracket === '[' ? 'This [ is never closed: a flow sequence must end with a ].' : 'This { is never closed: a flow mapping must end with a }.',
  }));
  return [...placed, ...kept.map((e) => widen(text, e))].sort((a, b) => a.start - b.start);
}

interface Unclosed { start: number; end: number; bracket: '[' | '{' }

/** Flow collections whose source does not end with their closing bracket, minus those nested in one. */
function outermostUnclosed(text: string, doc: Document.Parsed): Unclosed[] {
  const found: Unclosed[] = [];
  visit(doc, (_key, node) => {
    if (!isCollection(node) || !node.flow || !node.range) return undefined;
    const [start, end] = node.range;
    const bracket = text[start];
    if (bracket !== '[' && bracket !== '{') return undefined;
    if (text[end - 1] === (bracket === '[' ? ']' : '}')) return undefined;
    found.push({ start, end, bracket });
    return visit.SKIP; // what is inside is part of the same unclosed run
  });
  return found;
}

/**
 * At least one character wide and never half a surrogate pair: the yaml package may point at the
 * end of the text (an empty range) or at either half of an astral character.
 */
function widen(text: string, error: YamlError): YamlError {
  if (text.length === 0) return error;
  let start = Math.min(error.start, text.length - 1);
  if (isLowSurrogate(text, start) && isHighSurrogate(text, start - 1)) start--;
  let end = Math.max(Math.min(error.end, text.length), start + 1);
  if (isHighSurrogate(text, end - 1) && isLowSurrogate(text, end)) end++;
  return start === error.start && end === error.end ? error : { ...error, start, end };
}

function isHighSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}
