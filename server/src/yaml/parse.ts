/**
 * Parses a manifest file document by document. Parsing never throws: YAML errors are returned as
 * data, and each document is parsed on its own so one broken document leaves the others intact.
 */
import { parseDocument, type Document } from 'yaml';
import { splitDocuments } from './split';

export interface YamlError {
  /** Offsets relative to the document chunk. */
  start: number;
  end: number;
  message: string;
}

/** One YAML document. Node ranges inside `doc` are relative to `text` (the chunk), not the file. */
export interface ParsedDocument {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly errors: readonly YamlError[];
}

export interface PlacedDocument {
  /** Offset of the chunk in the file; add it to any range computed from `parsed`. */
  readonly offset: number;
  readonly parsed: ParsedDocument;
}

/** Caches parses by chunk text, so editing one document of a large file re-parses only that one. */
export interface ParseCache {
  get(text: string): ParsedDocument | undefined;
  set(text: string, parsed: ParsedDocument): void;
}

/** Counts real parses; tests use it to prove incrementality by behaviour rather than timing. */
export const parseStats = { documentsParsed: 0 };

// Limits the damage of alias bombs ("billion laughs"): the yaml package stops expanding and reports
// an error instead of building a huge value.
const PARSE_OPTIONS = { keepSourceTokens: false, prettyErrors: false, uniqueKeys: true, maxAliasCount: 1000 } as const;

export function parseChunk(text: string): ParsedDocument {
  parseStats.documentsParsed++;
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, PARSE_OPTIONS);
  } catch (error) {
    // The yaml package is not expected to throw, but a parse failure must never escape the engine.
    doc = parseDocument('', PARSE_OPTIONS);
    return { text, doc, errors: [{ start: 0, end: Math.min(text.length, 1), message: `YAML could not be parsed: ${String(error)}` }] };
  }
  const errors = doc.errors.map((e) => ({
    start: Math.min(e.pos[0], text.length),
    end: Math.min(Math.max(e.pos[1], e.pos[0] + 1), text.length),
    message: e.message.split('\n')[0] ?? e.message,
  }));
  return { text, doc, errors };
}

export function parseFile(text: string, cache?: ParseCache): PlacedDocument[] {
  return splitDocuments(text).map((chunk) => {
    let parsed = cache?.get(chunk.text);
    if (!parsed) {
      parsed = parseChunk(chunk.text);
      cache?.set(chunk.text, parsed);
    }
    return { offset: chunk.offset, parsed };
  });
}

/** A bounded map-backed cache; entries not used by the latest parse of a file are dropped by the caller. */
export function createParseCache(): ParseCache & { retainOnly(texts: Iterable<string>): void; readonly size: number } {
  const map = new Map<string, ParsedDocument>();
  return {
    get: (text) => map.get(text),
    set: (text, parsed) => void map.set(text, parsed),
    retainOnly(texts) {
      const keep = new Set(texts);
      for (const key of map.keys()) if (!keep.has(key)) map.delete(key);
    },
    get size() {
      return map.size;
    },
  };
}
