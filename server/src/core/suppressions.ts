/**
 * In-file suppressions, keyed by rule id (never by message text):
 *   # kube-guardrails-disable-next-line <rule-id>[, <rule-id>…] [-- reason]
 * on the line above a finding, and the object annotation
 *   kube-guardrails.io/ignore: "<rule-id>,<rule-id>"
 * which silences those rules on the whole object.
 */
import type { Finding } from './finding';

export const DISABLE_NEXT_LINE = 'kube-guardrails-disable-next-line';
export const IGNORE_ANNOTATION = 'kube-guardrails.io/ignore';
const ALL = '*';

// Anchored, linear: a '#', the directive, then everything up to an optional `--` reason.
const DIRECTIVE = /^[ \t]*#[ \t]*kube-guardrails-disable-next-line\b([^\n]*)$/;

/** Rule ids disabled per 0-based line (the line the directive applies to), `*` meaning all rules. */
export function collectLineDirectives(text: string): Map<number, Set<string>> {
  const result = new Map<number, Set<string>>();
  if (!text.includes(DISABLE_NEXT_LINE)) return result;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const match = DIRECTIVE.exec(line.replace(/\r$/, ''));
    if (!match) return;
    const ids = parseIdList((match[1] ?? '').split(' -- ')[0] ?? '');
    result.set(index + 1, ids.size === 0 ? new Set([ALL]) : ids);
  });
  return result;
}

export function parseIdList(text: string): Set<string> {
  return new Set(
    text
      .split(/[,\s]+/)
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  );
}

export function isDisabled(ids: ReadonlySet<string> | undefined, ruleId: string): boolean {
  return ids !== undefined && (ids.has(ruleId) || ids.has(ALL));
}

/** Scope of an ignore annotation: the object's range in the file and the ids it silences. */
export interface IgnoreScope {
  start: number;
  end: number;
  ids: ReadonlySet<string>;
}

export function applySuppressions(findings: Finding[], text: string, scopes: readonly IgnoreScope[], lineOf: (offset: number) => number): Finding[] {
  const directives = collectLineDirectives(text);
  if (directives.size === 0 && scopes.length === 0) return findings;
  return findings.filter((finding) => {
    if (isDisabled(directives.get(lineOf(finding.range.start)), finding.ruleId)) return false;
    return !scopes.some((scope) => finding.range.start >= scope.start && finding.range.start < scope.end && isDisabled(scope.ids, finding.ruleId));
  });
}
