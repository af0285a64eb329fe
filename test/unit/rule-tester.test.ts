import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../server/src/rules/storage/pv-recycle-reclaim-policy';
import { RULES_BY_ID } from '../../server/src/rules/index';
import type { Rule } from '../../server/src/rules/types';
import { checkDocumentedExamples, checkInvalid } from '../support/rule-tester';

const PV = 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: a\nspec:\n  persistentVolumeReclaimPolicy: Recycle\n';

describe('RuleTester', () => {
  it('fails an invalid case whose finding offers a suggestion the case does not list', () => {
    assert.throws(() => checkInvalid(rule, { code: PV, errors: [{ messageId: 'persistentVolume' }] }, {}), /offers 1 suggestion\(s\) \("Use the Retain reclaim policy"\): list them in `suggestions`/);
  });

  it('passes it once the suggestion is listed, and fails a wrong output', () => {
    const errors = (output: string) => [{ messageId: 'persistentVolume', suggestions: [{ title: 'Use the Retain reclaim policy', output }] }];
    checkInvalid(rule, { code: PV, errors: errors(PV.replace('Recycle', 'Retain')) }, {});
    assert.throws(() => checkInvalid(rule, { code: PV, errors: errors(PV.replace('Recycle', 'Delete')) }, {}));
  });

  it('fails documented examples whose "bad" one reports only another rule or a YAML error', () => {
    const withExamples = (invalid: string, valid = rule.meta.examples.valid): Rule => ({ ...rule, meta: { ...rule.meta, examples: { invalid, valid } } });
    checkDocumentedExamples(rule);
    // Another rule's own bad example: that rule would report it, this one does not.
    const other = RULES_BY_ID.get('container-cpu-limit-missing')!.meta.examples.invalid;
    assert.throws(() => checkDocumentedExamples(withExamples(other)), /meta\.examples\.invalid must report pv-recycle-reclaim-policy itself/);
    // Broken YAML with the right kind: a yaml-syntax finding, which is not this rule's.
    assert.throws(() => checkDocumentedExamples(withExamples(PV.replace('Recycle', '[Recycle'))), /must report pv-recycle-reclaim-policy itself/);
    assert.throws(() => checkDocumentedExamples(withExamples(PV, PV)), /meta\.examples\.valid must not report pv-recycle-reclaim-policy/);
  });
});
