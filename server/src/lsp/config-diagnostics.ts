/** Diagnostics for an open `.kube-guardrails.yaml` (`.yml`, `.json`): its problems, where they are. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isConfigFileName } from '../config-file/types';
import { parseConfigText } from '../config-file/validate';
import { RULE_IDS } from '../rules/index';
import { DIAGNOSTIC_SOURCE } from '../shared/protocol';

export function isConfigUri(uri: string): boolean {
  const name = decodeURIComponent(uri.replace(/[?#].*$/, '').split('/').pop() ?? '');
  return isConfigFileName(name);
}

export function configDiagnostics(document: TextDocument): Diagnostic[] {
  return parseConfigText(document.getText(), RULE_IDS).problems.map((problem) => ({
    range: { start: document.positionAt(problem.start), end: document.positionAt(Math.max(problem.end, problem.start)) },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    message: `${problem.message} (this config file is ignored until it is fixed)`,
  }));
}
