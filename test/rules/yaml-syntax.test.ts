import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../server/src/rules/yaml-syntax';
import { lintWithRule, runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';
import { RULES } from '../../server/src/rules/index';
import { lintText } from '../../server/src/core/engine';
import { resolveConfig } from '../../server/src/core/config';
import { RULE_IDS } from '../../server/src/rules/index';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: ok
    `,
    { name: 'broken YAML that is not a manifest belongs to other tools', code: 'jobs:\n  build:\n   - run: [\n' },
  ],
  invalid: [
    {
      name: 'bad indentation in a manifest',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: web
           labels: {}
      `,
      errors: [{ messageId: 'error', line: 4, severity: 'error' }, { messageId: 'error', line: 4 }],
    },
    {
      name: 'an unclosed [ is reported on the bracket, not at the next --- line',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  list: [a, b\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: next\n',
      errors: [{ messageId: 'error', data: { message: 'This [ is never closed: a flow sequence must end with a ].' }, text: '[', line: 6, column: 9 }],
    },
    {
      name: 'nested unclosed { { is one finding, on the outer bracket',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: web, labels: { app: web\n',
      errors: [{ messageId: 'error', data: { message: 'This { is never closed: a flow mapping must end with a }.' }, text: '{', line: 3, column: 11 }],
    },
    {
      name: 'an unclosed [ in a list item that ends at the next item is still marked on the bracket',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  finalizers:\n    - [a, 😀\n    - b\n',
      errors: [{ messageId: 'error', text: '[', line: 6, column: 7 }],
    },
  ],
});

it('a syntax error at the end of a document is never zero-width and never splits a surrogate pair', () => {
  const texts = [
    'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "😀\n---\napiVersion: v1\nkind: ConfigMap\n',
    'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "x😀', // ends inside the quote, on an astral character
  ];
  for (const text of texts) {
    const findings = lintWithRule(rule, text).filter((f) => f.ruleId === 'yaml-syntax');
    assert.ok(findings.length > 0);
    for (const { range } of findings) checkRange(text, range);
  }
});

function checkRange(text: string, range: { start: number; end: number }): void {
  const marker = text.indexOf('---');
  assert.ok(range.end > range.start, `zero-width range ${range.start}-${range.end}`);
  assert.ok(marker < 0 || range.end <= marker, 'the finding stays in its own document');
  for (const offset of [range.start, range.end]) {
    const code = text.charCodeAt(offset);
    assert.ok(!(code >= 0xdc00 && code <= 0xdfff), `offset ${offset} splits a surrogate pair`);
  }
}

it('a syntax error in one document does not silence the others', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: broken
    spec: [unclosed
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: fine
    spec:
      containers:
        - name: app
  `;
  const { config } = resolveConfig({}, RULE_IDS);
  const ids = lintText(text, { config, rules: RULES }).findings.map((f) => f.ruleId);
  assert.ok(ids.includes('yaml-syntax'));
  assert.ok(ids.includes('container-memory-limit-missing'));
  assert.equal(lintWithRule(rule, text).length > 0, true);
});
