/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one `tool.driver.rules` entry per
 * rule (from the rule metadata), results with exact regions, and fixes as artifact changes.
 */
import type { Severity } from '../core/finding';
import { LineIndex } from '../core/line-index';
import { REPOSITORY_URL, ruleDocsUrl } from '../rules/docs-url';
import type { Rule } from '../rules/types';
import { toJsonFix, toPosition, type FileFindings, type OtherFile, type Position1 } from './report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A relative path as a URI reference: `/` separators, each segment percent-encoded. */
export function artifactUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function region(pos: Position1): Record<string, number> {
  return { startLine: pos.line, startColumn: pos.column, endLine: pos.endLine, endColumn: pos.endColumn };
}

export function formatSarif(results: readonly FileFindings[], rules: readonly Rule[], version: string, otherFile?: OtherFile): string {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.meta.id, i]));
  const sarifResults = results.flatMap((result) => {
    const lines = new LineIndex(result.text);
    return result.findings.map((finding) => {
      const fixes = finding.fixes
        .map((fix) => toJsonFix(fix, result, otherFile))
        .filter((fix) => fix !== undefined)
        .map((fix) => {
          const byFile = new Map<string, Record<string, unknown>[]>();
          for (const edit of fix.edits) {
            const file = edit.file ?? result.file;
            byFile.set(file, [...(byFile.get(file) ?? []), { deletedRegion: region(edit), insertedContent: { text: edit.newText } }]);
          }
          return {
            description: { text: fix.title },
            artifactChanges: [...byFile].map(([file, replacements]) => ({ artifactLocation: { uri: artifactUri(file), uriBaseId: '%SRCROOT%' }, replacements })),
          };
        });
      return {
        ruleId: finding.ruleId,
        ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(result.file), uriBaseId: '%SRCROOT%' }, region: region(toPosition(lines, finding.range)) } }],
        ...(fixes.length > 0 ? { fixes } : {}),
      };
    });
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kube-guardrails',
            informationUri: REPOSITORY_URL,
            version,
            rules: rules.map((rule) => ({
              id: rule.meta.id,
              name: pascalCase(rule.meta.id),
              shortDescription: { text: rule.meta.summary },
              fullDescription: { text: `${rule.meta.rationale} ${rule.meta.remediation}` },
              helpUri: ruleDocsUrl(rule.meta.id),
              help: { text: rule.meta.remediation, markdown: `${rule.meta.remediation}\n\n[Documentation](${ruleDocsUrl(rule.meta.id)})` },
              defaultConfiguration: { level: LEVEL[rule.meta.defaultSeverity] },
              properties: { category: rule.meta.category, tags: ['kubernetes', rule.meta.category] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder kube-guardrails ran in.' } } },
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function pascalCase(id: string): string {
  return id.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}
