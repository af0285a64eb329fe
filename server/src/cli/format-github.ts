/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule>::<message>`.
 * Escaping follows the runner's rules: `%`, CR and LF in the message; also `:` and `,` in properties.
 */
import type { Severity } from '../core/finding';
import { toJsonFindings, type FileFindings } from './report';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: readonly FileFindings[]): string {
  return toJsonFindings(results)
    .map((f) => {
      const properties = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`, `title=${escapeProperty(f.ruleId)}`];
      return `::${COMMAND[f.severity]} ${properties.join(',')}::${escapeData(f.message)}\n`;
    })
    .join('');
}
