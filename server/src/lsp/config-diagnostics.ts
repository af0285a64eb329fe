/** Diagnostics for an open `.kube-guardrails.yaml` (`.yml`, `.json`): its problems, where they are. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { conflictMessage } from '../config-file/loader';
import { isConfigFileName, type ConfigFileProblem } from '../config-file/types';
import { parseConfigText } from '../config-file/validate';
import { RULE_IDS } from '../rules/index';
import { DIAGNOSTIC_SOURCE } from '../shared/protocol';

export function isConfigUri(uri: string): boolean {
  const name = decodeURIComponent(uri.replace(/[?#].*$/, '').split('/').pop() ?? '');
  return isConfigFileName(name);
}

/**
 * `together`: the config file names present in the document's folder, this one included. Two or more
 * are a conflict, reported at the top of each of them (the loader then ignores them all).
 */
export function configDiagnostics(document: TextDocument, together: readonly string[] = []): Diagnostic[] {
  const conflict: ConfigFileProblem[] = together.length > 1 ? [{ message: conflictMessage(together), start: 0, end: 0, line: 1, column: 1 }] : [];
  return [...conflict, ...parseConfigText(document.getText(), RULE_IDS).problems].map((problem) => ({
    range: { start: document.positionAt(problem.start), end: document.positionAt(Math.max(problem.end, problem.start)) },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    message: `${problem.message} (this config file is ignored until it is fixed)`,
  }));
}
