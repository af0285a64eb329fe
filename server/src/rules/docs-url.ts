/** Where each rule's documentation lives: docs/rules/<rule-id>.md in the project's repository. */

export const REPOSITORY_URL = 'https://github.com/kube-guardrails/kube-guardrails';

export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
