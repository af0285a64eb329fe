/** `--list-rules`: every rule's id, category, default severity, fix and summary, from the rule metadata. */
import { ruleDocsUrl } from '../rules/docs-url';
import type { Rule } from '../rules/types';

export interface RuleListing {
  id: string;
  category: string;
  defaultSeverity: string;
  /** `safe` (applied by --fix), `suggestion` (editor quick fix only) or null. */
  fixable: 'safe' | 'suggestion' | null;
  /** For a suggestion that becomes safe once a fix default is configured: that setting (`defaults.cpuLimit`). */
  safeWhenSet?: string;
  summary: string;
  docsUrl: string;
}

export function ruleListing(rules: readonly Rule[]): RuleListing[] {
  return rules.map(({ meta }) => ({
    id: meta.id,
    category: meta.category,
    defaultSeverity: meta.defaultSeverity,
    fixable: meta.fixable ?? null,
    ...(meta.safeWhenDefaultSet ? { safeWhenSet: `defaults.${meta.safeWhenDefaultSet}` } : {}),
    summary: meta.summary,
    docsUrl: ruleDocsUrl(meta.id),
  }));
}

/** The FIX column: what fix-all and --fix do with the rule's fix. */
export function fixColumn(row: RuleListing): string {
  if (row.safeWhenSet) return `${row.fixable} (safe with ${row.safeWhenSet})`;
  return row.fixable ?? '';
}

export function formatRuleList(rules: readonly Rule[], json: boolean): string {
  const rows = ruleListing(rules);
  if (json) return `${JSON.stringify(rows, null, 2)}\n`;
  const table = [['RULE', 'CATEGORY', 'DEFAULT', 'FIX', 'SUMMARY'], ...rows.map((r) => [r.id, r.category, r.defaultSeverity, fixColumn(r), r.summary])];
  const widths = [0, 1, 2, 3].map((col) => Math.max(...table.map((row) => row[col]!.length)));
  return `${table.map((row) => row.map((cell, col) => (col < 4 ? cell.padEnd(widths[col]!) : cell)).join('  ')).join('\n')}\n`;
}
