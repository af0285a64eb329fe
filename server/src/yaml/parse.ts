/**
 * Parses a manifest file document by document. Parsing never throws: YAML errors are returned as
 * data, and each document is parsed on its own so one broken document leaves the others intact.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, YAMLParseError, type Alias, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import { splitDocuments } from './split';
import { placeUnclosedFlow } from './unclosed-flow';

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
  /**
   * The last whole file parsed through this cache. The server's index and linter both parse each
   * new text of a file; the second call then costs nothing, not even the split.
   */
  lastFile?: { readonly text: string; readonly documents: readonly PlacedDocument[] };
}

/** Counts real parses; tests use it to prove incrementality by behaviour rather than timing. */
export const parseStats = { documentsParsed: 0 };

// Limits the damage of alias bombs ("billion laughs"): the yaml package stops expanding and reports
// an error instead of building a huge value. parseYamlDocument adds the options every parse has.
const PARSE_OPTIONS = { keepSourceTokens: false, prettyErrors: false, maxAliasCount: 1000 } as const;

/**
 * The only way the server and CLI call the yaml package's parser. Two options are
 * fixed. `logLevel: 'error'`: with the package's default, converting a document with a complex key
 * (`? {a: x}` or `[x]: y`) prints a process warning on stderr ("Keys with collection values will be
 * stringified…"), which is user input showing up as if it were a fault of ours. Duplicate keys are
 * always reported, in linear time (addDuplicateKeyErrors), never by the package's `uniqueKeys`
 * check, which compares each new key with every earlier key of its mapping (a 44,440-key ConfigMap
 * took 17 s).
 * The lint forbids `parseDocument` elsewhere.
 */
export function parseYamlDocument(text: string, options: Omit<ParseOptions & DocumentOptions & SchemaOptions, 'logLevel' | 'uniqueKeys'> = {}): Document.Parsed {
  const doc = parseDocument(text, { ...options, uniqueKeys: false, logLevel: 'error' });
  addDuplicateKeyErrors(doc);
  return doc;
}

/** Deeper than any real manifest (CRD schemas stay well below 100); deeper documents are not analysed. */
export const MAX_NESTING_DEPTH = 500;

/**
 * parseYamlDocument with the hostile-input guards every manifest gets (absurd nesting, alias bombs,
 * alias cycles): they become one RESOURCE_EXHAUSTION error on the document, never a stack overflow
 * downstream. For other YAML the server reads, such as config files.
 */
export function parseGuardedDocument(text: string, options: Parameters<typeof parseYamlDocument>[1] = {}): Document.Parsed {
  const deep = excessiveNesting(text);
  if (deep !== undefined) {
    const doc = parseYamlDocument('', options);
    doc.errors.push(new YAMLParseError([deep, deep + 1], 'RESOURCE_EXHAUSTION', TOO_DEEP));
    return doc;
  }
  const doc = parseYamlDocument(text, options);
  checkLimits(doc);
  return doc;
}

export function parseChunk(text: string): ParsedDocument {
  parseStats.documentsParsed++;
  let doc: Document.Parsed;
  const deep = excessiveNesting(text);
  if (deep !== undefined) {
    // The yaml package copes with such input but slowly (it recovers from one stack overflow after
    // another): decline it up front.
    doc = parseYamlDocument('', PARSE_OPTIONS);
    doc.errors.push(new YAMLParseError([deep, deep + 1], 'RESOURCE_EXHAUSTION', TOO_DEEP));
    return { text, doc, errors: [{ start: Math.min(deep, text.length), end: Math.min(deep + 1, text.length), message: TOO_DEEP }] };
  }
  try {
    doc = parseYamlDocument(text, PARSE_OPTIONS);
  } catch (error) {
    // The yaml package is not expected to throw, but a parse failure must never escape the engine.
    doc = parseYamlDocument('', PARSE_OPTIONS);
    return { text, doc, errors: [{ start: 0, end: Math.min(text.length, 1), message: `YAML could not be parsed: ${String(error)}` }] };
  }
  checkLimits(doc);
  const errors = doc.errors.map((e) => ({
    start: Math.min(e.pos[0], text.length),
    end: Math.min(Math.max(e.pos[1], e.pos[0] + 1), text.length),
    message: e.message.split('\n')[0] ?? e.message,
  }));
  return { text, doc, errors: placeUnclosedFlow(text, doc, errors) };
}

const TOO_DEEP = `The YAML is nested too deeply (over ${MAX_NESTING_DEPTH} levels) to be analysed.`;

/**
 * A linear scan, before parsing, for nesting no manifest has: more than MAX_NESTING_DEPTH open flow
 * brackets (`[[[[…`, `{a: {a: …`) or compact sequence dashes on one line (`- - - …`). Quotes are not
 * tracked, so brackets inside strings count too; only absurd input reaches the limit. Returns the
 * offset where the limit is passed.
 */
function excessiveNesting(text: string): number | undefined {
  let depth = 0;
  let dashes = 0;
  let lineStart = true;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      lineStart = true;
      comment = false;
      dashes = 0;
      continue;
    }
    if (comment) continue;
    if (c === 0x23 /* # */ && (i === 0 || text.charCodeAt(i - 1) <= 0x20)) {
      comment = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > MAX_NESTING_DEPTH) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth = Math.max(0, depth - 1);
    } else if (lineStart && c === 0x2d /* - */ && (text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 1) === 0x09)) {
      if (++dashes > MAX_NESTING_DEPTH) return i;
      i++;
      continue;
    }
    if (c !== 0x20 && c !== 0x09) lineStart = false;
  }
  return undefined;
}

/**
 * Reports every repeated scalar key of a mapping, on the repeated key, with the yaml package's own
 * code and message, in linear time: one Map of the keys seen per mapping. Keys are equal when their
 * values are (`1` and `'1'` differ), as in the package's own check; collection keys are never equal.
 * Iterative, so hostile nesting cannot overflow the stack. Parse with `uniqueKeys: false`.
 */
function addDuplicateKeyErrors(doc: Document.Parsed): void {
  const found: YAMLParseError[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isMap(node) && !isSeq(node)) continue;
    const seen = isMap(node) ? new Set<unknown>() : undefined;
    for (const item of node.items as unknown[]) {
      if (!isPair(item)) {
        stack.push(item);
        continue;
      }
      if (seen && isScalar(item.key)) {
        if (seen.has(item.key.value)) {
          const start = item.key.range?.[0] ?? 0;
          found.push(new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else {
          seen.add(item.key.value);
        }
      }
      stack.push(item.key, item.value);
    }
  }
  // Document order, as the parser reported them.
  found.sort((a, b) => a.pos[0] - b.pos[0]);
  doc.errors.push(...found);
}

/**
 * Hostile shapes become RESOURCE_EXHAUSTION errors on the document, so that it is reported and never
 * treated as a Kubernetes object: nesting deeper than MAX_NESTING_DEPTH (recursive code anywhere
 * downstream stays safe), aliases that expand too far ("billion laughs") and aliases inside the node
 * they refer to (a cycle, which would make any conversion to plain data endless). Iterative.
 */
function checkLimits(doc: Document.Parsed): void {
  // The yaml package reports its own stack overflows, under more than one code: say what they mean.
  let reported = false;
  for (let i = 0; i < doc.errors.length; i++) {
    const error = doc.errors[i]!;
    if (!/call stack/i.test(error.message)) continue;
    if (reported) {
      doc.errors.splice(i--, 1); // once per document is enough
      continue;
    }
    error.code = 'RESOURCE_EXHAUSTION';
    error.message = TOO_DEEP;
    reported = true;
  }
  if (doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION')) return;
  const aliases: Alias[] = [];
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isAlias(node)) aliases.push(node);
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_NESTING_DEPTH) {
      doc.errors.push(new YAMLParseError(node.range ? [node.range[0], node.range[0] + 1] : [0, 1], 'RESOURCE_EXHAUSTION', TOO_DEEP));
      return;
    }
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      } else {
        stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  if (aliases.length === 0) return;
  const at = (alias: Alias): [number, number] => (alias.range ? [alias.range[0], alias.range[1]] : [0, 1]);
  for (const alias of aliases) {
    const target = alias.resolve(doc);
    const range = target?.range;
    if (range && alias.range && alias.range[0] >= range[0] && alias.range[1] <= range[1]) {
      doc.errors.push(new YAMLParseError(at(alias), 'RESOURCE_EXHAUSTION', `The alias *${alias.source} refers to a node that contains it; this cycle cannot be analysed.`));
      return;
    }
  }
  try {
    doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) {
      doc.errors.push(new YAMLParseError(at(aliases[0]!), 'RESOURCE_EXHAUSTION', 'The aliases expand to too many nodes (an alias bomb?); the document is not analysed.'));
    }
  }
}

export function parseFile(text: string, cache?: ParseCache): readonly PlacedDocument[] {
  const last = cache?.lastFile;
  if (last?.text === text) return last.documents;
  // An edit leaves the documents before it where they were and moves the ones after it by the
  // length it added: those find their previous parse by offset, compared as strings, with no
  // hashing of a megabyte of chunk texts; and the texts stay the same string objects, which the
  // findings cache and the index then look up at no cost either.
  const previous = last ? new Map(last.documents.map((d) => [d.offset, d.parsed])) : undefined;
  const shift = last ? text.length - last.text.length : 0;
  const documents = splitDocuments(text).map((chunk) => {
    const before = previous?.get(chunk.offset) ?? previous?.get(chunk.offset - shift);
    if (before !== undefined && before.text === chunk.text) return { offset: chunk.offset, parsed: before };
    let parsed = cache?.get(chunk.text);
    if (!parsed) {
      parsed = parseChunk(chunk.text);
      cache?.set(chunk.text, parsed);
    }
    return { offset: chunk.offset, parsed };
  });
  if (cache) cache.lastFile = { text, documents };
  return documents;
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
