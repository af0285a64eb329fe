/** Plain result types shared by the engine, the LSP layer and the CLI. Offsets are UTF-16 code units into the file text. */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface OffsetRange {
  start: number;
  end: number;
}

/** One replacement of the text between two offsets. Insertions have start === end. */
export interface TextEdit extends OffsetRange {
  newText: string;
  /**
   * Set only for edits in another object found through the workspace index (possibly another file):
   * then the offsets are already offsets into that file. Unset: the document being linted.
   */
  uri?: string;
}

/**
 * A fix is a set of non-overlapping edits. `safe` fixes may be applied without a person looking
 * (fix-all, CLI --fix); `suggestion` fixes are only offered as explicit quick fixes.
 */
export interface Fix {
  title: string;
  kind: 'safe' | 'suggestion';
  edits: TextEdit[];
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
