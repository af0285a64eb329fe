import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../server/src/core/config';
import { lintText } from '../../server/src/core/engine';
import { RULES, RULE_IDS } from '../../server/src/rules/index';
import { defineRule } from '../../server/src/rules/types';
import { deployment } from '../support/manifests';

const config = resolveConfig({}, RULE_IDS).config;

const throwing = defineRule({
  meta: {
    id: 'always-throws',
    category: 'resources',
    defaultSeverity: 'error',
    summary: 'A rule with a bug.',
    rationale: 'Only for this test.',
    remediation: 'None.',
    messages: { never: 'never reported' },
    examples: { invalid: '', valid: '' },
  },
  create: () => ({
    container() {
      throw new Error('boom');
    },
  }),
});

describe('a rule that throws', () => {
  it('becomes one internal error per object, and every other rule still reports', () => {
    const text = `${deployment('- name: app\n  image: nginx:latest\n')}---\n${deployment('- name: api\n  image: nginx:latest\n').replace('name: web', 'name: api')}`;
    const alone = lintText(text, { config, rules: RULES });
    const withBug = lintText(text, { config, rules: [...RULES, throwing] });
    assert.equal(withBug.internalErrors.length, 2, 'one line for each of the two objects');
    assert.match(withBug.internalErrors[0]!, /^rule always-throws failed on Deployment web: Error: boom/);
    assert.ok(alone.findings.length > 0);
    assert.deepEqual(withBug.findings, alone.findings, 'the other rules report exactly what they report without the broken one');
  });
});
