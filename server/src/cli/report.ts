/** Formats findings for the terminal and for machines. */
import type { Finding, Severity } from '../core/finding';
import { LineIndex } from '../core/line-index';

export interface FileFindings {
  /** The path as shown to the user (relative to the working directory). */
  file: string;
  text: string;
  findings: readonly Finding[];
}

export interface JsonFinding {
  file: string;
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** 1-based lines and columns, as editors and CI systems expect. */
export function toJsonFindings(results: readonly FileFindings[]): JsonFinding[] {
  return results.flatMap(({ file, text, findings }) => {
    const lines = new LineIndex(text);
    return findings.map((finding) => {
      const start = lines.positionOf(finding.range.start);
      const end = lines.positionOf(finding.range.end);
      return { file, ruleId: finding.ruleId, severity: finding.severity, message: finding.message, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
    });
  });
}

export function formatText(results: readonly FileFindings[]): string {
  return toJsonFindings(results)
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message} [${f.ruleId}]\n`)
    .join('');
}

export function formatJson(results: readonly FileFindings[]): string {
  return `${JSON.stringify(toJsonFindings(results), null, 2)}\n`;
}

export function countBySeverity(results: readonly FileFindings[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const result of results) for (const finding of result.findings) counts[finding.severity]++;
  return counts;
}
