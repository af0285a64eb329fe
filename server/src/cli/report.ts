/** The findings of a run, converted to 1-based positions for machines (JSON, SARIF, annotations). */
import type { Finding, Fix, Severity } from '../core/finding';
import { LineIndex } from '../core/line-index';
import { placeEdits, type LocateObject } from '../core/place-edits';

export interface FileFindings {
  /** The path as shown to the user (relative to the working directory, `/` separators). */
  file: string;
  /** The file's URI, for edits that other findings make in its objects. */
  uri?: string;
  text: string;
  findings: readonly Finding[];
}

/** What placing edits in other objects needs: the display path and text of a file (by URI), and where an object is now. */
export interface OtherFile {
  readonly fileOf: (uri: string) => { file: string; text: string } | undefined;
  readonly locate: LocateObject;
}

export interface Position1 {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonEdit extends Position1 {
  /** Set only when the edit is in another file than the finding's. */
  file?: string;
  newText: string;
}

export interface JsonFix {
  title: string;
  kind: Fix['kind'];
  edits: JsonEdit[];
}

export interface JsonFinding extends Position1 {
  file: string;
  ruleId: string;
  severity: Severity;
  message: string;
  fixes: JsonFix[];
}

const indexes = new WeakMap<object, LineIndex>();
function lineIndexOf(owner: object, text: string): LineIndex {
  let index = indexes.get(owner);
  if (!index) indexes.set(owner, (index = new LineIndex(text)));
  return index;
}

export function toPosition(lines: LineIndex, range: { start: number; end: number }): Position1 {
  const start = lines.positionOf(range.start);
  const end = lines.positionOf(range.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** A fix with 1-based edits; undefined when it edits an object we cannot place or a file we cannot show. */
export function toJsonFix(fix: Fix, own: FileFindings, otherFile: OtherFile | undefined): JsonFix | undefined {
  // The finding's own file is named by its URI when the caller knows it (an edit in another object may be in the same file).
  const ownUri = own.uri ?? '';
  const fileOf = (uri: string) => (uri === ownUri ? own : otherFile?.fileOf(uri));
  const placed = placeEdits(fix.edits, ownUri, otherFile?.locate ?? (() => undefined), (uri) => fileOf(uri)?.text);
  if (!placed) return undefined;
  const edits: JsonEdit[] = [];
  for (const edit of placed) {
    const target = fileOf(edit.uri);
    if (!target) return undefined;
    const lines = lineIndexOf(target === own ? own : target, target.text);
    edits.push({ ...(target !== own && target.file !== own.file ? { file: target.file } : {}), ...toPosition(lines, edit), newText: edit.newText });
  }
  return { title: fix.title, kind: fix.kind, edits };
}

/** 1-based lines and columns (UTF-16 units), as editors and CI systems expect. */
export function toJsonFindings(results: readonly FileFindings[], otherFile?: OtherFile): JsonFinding[] {
  return results.flatMap((result) => {
    const lines = lineIndexOf(result, result.text);
    return result.findings.map((finding) => ({
      file: result.file,
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      ...toPosition(lines, finding.range),
      fixes: finding.fixes.map((fix) => toJsonFix(fix, result, otherFile)).filter((fix): fix is JsonFix => fix !== undefined),
    }));
  });
}

export function formatJson(results: readonly FileFindings[], otherFile?: OtherFile): string {
  return `${JSON.stringify(toJsonFindings(results, otherFile), null, 2)}\n`;
}

export function countBySeverity(results: readonly FileFindings[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const result of results) for (const finding of result.findings) counts[finding.severity]++;
  return counts;
}
