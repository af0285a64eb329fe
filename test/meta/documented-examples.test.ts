/**
 * Every rule's documented examples (meta.examples, rendered into docs/rules/<id>.md), linted as a
 * reader who pastes them would see them: with every rule on, in a workspace holding only the
 * example. The "bad" example must produce a finding of the documented rule itself (another rule's
 * finding, or a YAML error, does not count); the "good" one none of that rule.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../server/src/core/config';
import { lintText } from '../../server/src/core/engine';
import { WorkspaceIndex } from '../../server/src/index/workspace-index';
import { RULE_IDS, RULES } from '../../server/src/rules/index';
import { testSchemas } from '../support/rule-tester';

const URI = 'file:///workspace/example.yaml';

function ruleIdsFound(text: string): string[] {
  const index = new WorkspaceIndex();
  index.update(URI, text);
  const { config } = resolveConfig({}, RULE_IDS);
  const result = lintText(text, { uri: URI, config, rules: RULES, index, schemas: testSchemas });
  assert.deepEqual(result.internalErrors, []);
  return result.findings.map((finding) => finding.ruleId);
}

describe('documented examples, with every rule on', () => {
  for (const rule of RULES) {
    const id = rule.meta.id;
    it(`${id}: the bad example reports ${id}, the good one does not`, () => {
      const bad = ruleIdsFound(rule.meta.examples.invalid);
      assert.ok(bad.includes(id), `meta.examples.invalid must report ${id}; it reports ${bad.join(', ') || 'nothing'}`);
      const good = ruleIdsFound(rule.meta.examples.valid);
      assert.ok(!good.includes(id), `meta.examples.valid must not report ${id}`);
    });
  }
});
