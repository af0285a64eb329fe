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
  ],
});

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
