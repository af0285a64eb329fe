/**
 * YAML syntax errors. The engine reports them itself while parsing (a document that does not parse
 * cannot be visited); this module carries the rule's metadata so that it is configured, suppressed
 * and documented like every other rule.
 */
import { defineRule } from './types';

export default defineRule({
  meta: {
    id: 'yaml-syntax',
    category: 'syntax',
    defaultSeverity: 'error',
    summary: 'The manifest is not valid YAML.',
    rationale:
      'kubectl and every other tool refuse a file that does not parse, and a document that does not parse cannot be checked for anything else. Other documents in the same file are still checked.',
    remediation: 'Fix the YAML at the marked position: usually indentation, a missing space after a colon, a tab, or an unclosed quote or bracket.',
    messages: { error: '{{message}}' },
    examples: {
      invalid: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n   labels: {}\n',
      valid: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  labels: {}\n',
    },
  },
  create() {
    return {};
  },
});
