import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lintText } from '../../server/src/core/engine';
import { WorkspaceIndex } from '../../server/src/index/workspace-index';
import { RULES } from '../../server/src/rules/index';
import { DEFAULT_CONFIG, REPO } from '../support/corpus';
import { testSchemas } from '../support/rule-tester';

describe('three schema mistakes, every rule on', () => {
  it('reports exactly the three mistakes, on their tokens, with the right spelling offered for the misspelt names', () => {
    const uri = 'file:///w/three-mistakes.yaml';
    const text = readFileSync(path.join(REPO, 'test/fixtures/schema/three-mistakes.yaml'), 'utf8');
    const index = new WorkspaceIndex();
    index.update(uri, text);
    const findings = lintText(text, { uri, config: DEFAULT_CONFIG, rules: RULES, index, schemas: testSchemas }).findings;
    assert.deepEqual(
      findings.map((f) => [f.ruleId, text.slice(f.range.start, f.range.end), f.fixes.map((fix) => fix.title)]),
      [
        ['schema-validation', '"three"', []],
        ['schema-validation', 'livenessprobe', ['Change to livenessProbe']],
        ['schema-validation', 'WaitForFirstConsume', ['Change to WaitForFirstConsumer']],
      ],
    );
  });
});
