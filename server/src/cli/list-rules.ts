/** `--list-rules`: every rule's id, category, default severity, fix and summary, from the rule metadata. */
import { ruleDocsUrl } from '../rules/docs-url';
import type { Rule } from '../rules/types';

export interface RuleListing {
  id: string;
  category: string;
  defaultSeverity: string;
  /** `safe` (applied by --fix), `suggestion` (editor quick fix only) or null. */
  fixable: 'safe' | 'suggestion' | null;
  summary: string;
  docsUrl: string;
}

export function ruleListing(rules: readonly Rule[]): RuleListing[] {
  return rules.map(({ meta }) => ({ id: meta.id, category: meta.category, defaultSeverity: meta.defaultSeverity, fixable: meta.fixable ?? null, summary: meta.summary, docsUrl: ruleDocsUrl(meta.id) }));
}

export function formatRuleList(rules: readonly Rule[], json: boolean): string {
  const rows = ruleListing(rules);
  if (json) return `${JSON.stringify(rows, null, 2)}\n`;
  const table = [['RULE', 'CATEGORY', 'DEFAULT', 'FIX', 'SUMMARY'], ...rows.map((r) => [r.id, r.category, r.defaultSeverity, r.fixable ?? '', r.summary])];
  const widths = [0, 1, 2, 3].map((col) => Math.max(...table.map((row) => row[col]!.length)));
  return `${table.map((row) => row.map((cell, col) => (col < 4 ? cell.padEnd(widths[col]!) : cell)).join('  ')).join('\n')}\n`;
}
