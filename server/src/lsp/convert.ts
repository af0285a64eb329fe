/** The one place where engine offsets become LSP positions and back. */
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, FixEdit, OffsetRange, Severity, TextEdit } from '../core/finding';
import { placeEdits, type LocateObject } from '../core/place-edits';
import { ruleDocsUrl } from '../rules/docs-url';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../shared/protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(document: TextDocument, range: OffsetRange): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

export function toLspEdit(document: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: toRange(document, edit), newText: edit.newText };
}

/** Returns the current text of a file that a fix edits (open documents first, then the index). */
export type TextOf = (uri: string) => string | undefined;

/**
 * A fix's edits as LSP changes by file: edits in other objects are placed at where the index says
 * those objects are now, then each file's offsets become positions with that file's own text.
 * Undefined when an edit's object is gone or has changed: nothing rather than a wrong edit.
 */
export function toWorkspaceChanges(document: TextDocument, edits: readonly FixEdit[], locate: LocateObject, textOf: TextOf): Record<string, LspTextEdit[]> | undefined {
  const fileText = (uri: string) => (uri === document.uri ? document.getText() : textOf(uri));
  const placed = placeEdits(edits, document.uri, locate, fileText);
  if (!placed) return undefined;
  const changes: Record<string, LspTextEdit[]> = {};
  const documents = new Map<string, TextDocument>([[document.uri, document]]);
  for (const edit of placed) {
    let target = documents.get(edit.uri);
    if (!target) documents.set(edit.uri, (target = TextDocument.create(edit.uri, 'yaml', 0, fileText(edit.uri)!)));
    (changes[edit.uri] ??= []).push(toLspEdit(target, edit));
  }
  return changes;
}

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, version: document.version };
  return {
    range: toRange(document, finding.range),
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    message: finding.message,
    data,
  };
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
