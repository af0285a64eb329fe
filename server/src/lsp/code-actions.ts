/**
 * Code actions: each finding's fixes as quick fixes, "Disable <rule-id> for this line", and the
 * fix-all source action. Actions are matched to diagnostics by rule id and range, never by message.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applySafeFixes, minimalEdit } from '../core/apply-fixes';
import type { Finding } from '../core/finding';
import type { LocateObject } from '../core/place-edits';
import { DISABLE_NEXT_LINE } from '../core/suppressions';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../shared/protocol';
import { sameRange, toLspEdit, toRange, toWorkspaceChanges, type TextOf } from './convert';

/** Where the objects that fixes edit are now, and the current text of their files. */
export interface FixTargets {
  readonly locate: LocateObject;
  readonly textOf: TextOf;
}

const NO_TARGETS: FixTargets = { locate: () => undefined, textOf: () => undefined };

export function codeActionsFor(document: TextDocument, params: CodeActionParams, findings: readonly Finding[], lint: (text: string) => readonly Finding[], targets: FixTargets = NO_TARGETS): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
      const finding = findings.find((f) => f.ruleId === diagnostic.code && sameRange(toRange(document, f.range), diagnostic.range));
      finding?.fixes.forEach((fix, index) => {
        const changes = toWorkspaceChanges(document, fix.edits, targets.locate, targets.textOf);
        if (!changes) return;
        // Several findings on one container offer the same "Add resource limits": show it once,
        // attached to all of them.
        const same = actions.find((a) => a.title === fix.title && JSON.stringify(a.edit?.changes) === JSON.stringify(changes));
        if (same) {
          same.diagnostics?.push(diagnostic);
          return;
        }
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: index === 0 && fix.kind === 'safe',
          edit: { changes },
        });
      });
      actions.push(disableForLine(document, diagnostic, diagnostic.code));
    }
  }
  if (wants(FIX_ALL_KIND) && (only !== undefined || findings.some((f) => f.fixes.some((fix) => fix.kind === 'safe')))) {
    const fixAll = fixAllAction(document, lint);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/** Inserts (or extends) a disable comment on the line above the diagnostic, at that line's indentation. */
function disableForLine(document: TextDocument, diagnostic: Diagnostic, ruleId: string): CodeAction {
  const line = diagnostic.range.start.line;
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const above = line > 0 ? document.getText({ start: { line: line - 1, character: 0 }, end: { line, character: 0 } }).replace(/\r?\n$/, '') : '';
  const existing = new RegExp(`^([ \\t]*#[ \\t]*${DISABLE_NEXT_LINE}[ \\t]+)([^\\n]*?)([ \\t]+--[^\\n]*)?$`).exec(above);
  const title = `Disable ${ruleId} for this line`;
  if (existing && existing[2]) {
    const ids = existing[2].trim();
    const range = { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: above.length } };
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri]: [{ range, newText: `${existing[1]}${ids}, ${ruleId}${existing[3] ?? ''}` }] } } };
  }
  // A sequence item ("- name: app") is indented at its dash; the comment goes at the same column.
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
  const position = { line, character: 0 };
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [{ range: { start: position, end: position }, newText: `${indent}# ${DISABLE_NEXT_LINE} ${ruleId}${eol}` }] } },
  };
}

function fixAllAction(document: TextDocument, lint: (text: string) => readonly Finding[]): CodeAction | undefined {
  const before = document.getText();
  const { text: after } = applySafeFixes(before, lint);
  const edit = minimalEdit(before, after);
  if (!edit) return undefined;
  return { title: 'Fix all auto-fixable Kubernetes problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: [toLspEdit(document, edit)] } } };
}
