/** Plain result types shared by the engine, the LSP layer and the CLI. Offsets are UTF-16 code units into the file text. */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface OffsetRange {
  start: number;
  end: number;
}

/** One replacement of the text between two offsets of one text. Insertions have start === end. */
export interface TextEdit extends OffsetRange {
  newText: string;
}

/**
 * Names another object that a fix edits, found through the workspace index (maybe in another file),
 * by its file, its document's position in that file and its document text's digest. It is data,
 * not a pointer into the index: a finding can be cached, compared and serialised, and each front end
 * resolves it against its current index on the way out (`core/place-edits.ts`). The digest keeps
 * an edit from landing in an object whose text is no longer the one the edit was computed on.
 */
export interface ObjectRef {
  uri: string;
  /** The document's position among its file's documents (0-based); breaks ties between identical documents. */
  docIndex: number;
  kind: string;
  /** Absent for an object without `metadata.name`. */
  name?: string;
  /** `digestOf` the object's document text (`core/digest.ts`). */
  digest: string;
}

/**
 * An edit of a finding's fix. `target: 'self'`: offsets into the linted file's text. Otherwise the
 * offsets are RELATIVE to the named object's document text, and become file offsets only when a
 * front end places them with its index.
 */
export type FixEdit = (TextEdit & { target: 'self' }) | (TextEdit & { target: ObjectRef });

/**
 * A fix is a set of non-overlapping edits. `safe` fixes may be applied without a person looking
 * (fix-all, CLI --fix); `suggestion` fixes are only offered as explicit quick fixes.
 */
export interface Fix {
  title: string;
  kind: 'safe' | 'suggestion';
  edits: FixEdit[];
}

/** A fix as a rule builds it: edits without a target are in the linted document (the engine marks them `self`). */
export interface ProposedFix {
  title: string;
  kind: 'safe' | 'suggestion';
  edits: readonly (TextEdit | FixEdit)[];
}

export interface Finding {
  ruleId: string;
  /** The key of the rule's message template; tests and tools match on it, never on the text. */
  messageId?: string;
  severity: Severity;
  message: string;
  range: OffsetRange;
  fixes: Fix[];
}
