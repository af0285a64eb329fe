/**
 * The text format: findings grouped by file, each with a code frame (the source line and a caret
 * line under the range), then `N errors, N warnings, N infos in N files`. Colours only when asked.
 */
import type { Severity } from '../core/finding';
import { LineIndex } from '../core/line-index';
import { countBySeverity, toPosition, type FileFindings } from './report';

/** Longest stretch of a source line shown; longer lines are cut around the finding. */
const FRAME_WIDTH = 160;

const CODES = { red: 31, yellow: 33, cyan: 36, gray: 90, bold: 1, underline: 4 } as const;
type Style = keyof typeof CODES;
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan', hint: 'gray' };

export function formatText(results: readonly FileFindings[], options: { color: boolean; fileCount: number }): string {
  const paint = (style: Style, text: string) => (options.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0) continue;
    const lines = new LineIndex(result.text);
    out.push(paint('underline', result.file));
    for (const finding of result.findings) {
      const pos = toPosition(lines, finding.range);
      out.push(`  ${pos.line}:${pos.column}  ${paint(SEVERITY_STYLE[finding.severity], finding.severity)}  ${finding.message}  ${paint('gray', finding.ruleId)}`);
      out.push(...codeFrame(lines.lineText(pos.line - 1), pos, paint, SEVERITY_STYLE[finding.severity]));
    }
    out.push('');
  }
  const counts = countBySeverity(results);
  const summary = `${counts.error} errors, ${counts.warning} warnings, ${counts.info + counts.hint} infos in ${options.fileCount} files`;
  out.push(counts.error > 0 ? paint('red', paint('bold', summary)) : counts.warning > 0 ? paint('yellow', summary) : summary);
  return `${out.join('\n')}\n`;
}

/** Two lines: `  24 | <source>` and `     | ^^^^` under the range (to the line's end when it spans lines). */
export function codeFrame(source: string, pos: { line: number; column: number; endLine: number; endColumn: number }, paint: (style: Style, text: string) => string = (_s, t) => t, caretStyle: Style = 'red'): string[] {
  const startCol = pos.column - 1;
  const endCol = pos.endLine === pos.line ? Math.max(pos.endColumn - 1, startCol + 1) : Math.max(source.length, startCol + 1);
  let from = 0;
  if (source.length > FRAME_WIDTH) from = Math.max(0, Math.min(startCol - 20, source.length - FRAME_WIDTH));
  const to = from + FRAME_WIDTH;
  const shown = (from > 0 ? '…' : '') + source.slice(from, to) + (source.length > to ? '…' : '');
  const lead = from > 0 ? ' ' : '';
  // Keep tabs in the padding so the caret lands under the right character.
  const padding = lead + source.slice(from, startCol).replace(/[^\t]/g, ' ');
  const carets = '^'.repeat(Math.max(1, Math.min(endCol, to) - startCol));
  const gutter = String(pos.line);
  return [`    ${paint('gray', `${gutter} |`)} ${shown}`, `    ${paint('gray', `${' '.repeat(gutter.length)} |`)} ${padding}${paint(caretStyle, carets)}`];
}
