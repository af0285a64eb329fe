import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../server/src/rules/storage/pv-recycle-reclaim-policy';
import { checkInvalid } from '../support/rule-tester';

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
});
