import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_FIX_VALUES } from '../../server/src/core/config';
import { WorkspaceIndex } from '../../server/src/index/workspace-index';
import { RULES } from '../../server/src/rules/index';
import type { RuleContext } from '../../server/src/rules/types';
import { parseChunk } from '../../server/src/yaml/parse';

const root = path.resolve(__dirname, '../..');
const ruleFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? ruleFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));

describe('rule registry', () => {
  const ids = RULES.map((rule) => rule.meta.id);

  it('gives every rule a visitor whose hooks do not depend on the context (the engine reads them once)', () => {
    const parsed = parseChunk('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
    const contexts: RuleContext[] = [
      { document: { text: '', doc: undefined as never, errors: [] }, defaults: DEFAULT_FIX_VALUES, kubernetesVersion: '', index: undefined, self: undefined, schemas: undefined, partial: false, selectorLabelsFromKustomize: false, report: () => undefined },
      { document: parsed, defaults: DEFAULT_FIX_VALUES, kubernetesVersion: '1.30', index: new WorkspaceIndex(), self: undefined, schemas: undefined, partial: true, selectorLabelsFromKustomize: true, report: () => undefined },
    ];
    for (const rule of RULES) {
      const hooks = contexts.map((context) => Object.keys(rule.create(context)).sort().join(','));
      assert.equal(hooks[0], hooks[1], rule.meta.id);
    }
  });

  it('is sorted by id, with unique kebab-case ids', () => {
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('registers every rule file, each named by its rule id', () => {
    const files = ruleFiles(path.join(root, 'server/src/rules'))
      .filter((file) => /export default defineRule/.test(readFileSync(file, 'utf8')))
      .map((file) => path.basename(file, '.ts'))
      .sort();
    assert.deepEqual(files, [...ids].sort());
  });

  it('has a test file and a docs page for every rule', () => {
    for (const id of ids) {
      assert.ok(existsSync(path.join(root, `test/rules/${id}.test.ts`)), `test/rules/${id}.test.ts`);
      assert.ok(existsSync(path.join(root, `docs/rules/${id}.md`)), `docs/rules/${id}.md`);
    }
  });

  it('gives every rule the three pillars: summary, rationale, remediation ending with a period', () => {
    for (const { meta } of RULES) {
      assert.ok(meta.summary.length > 10, `${meta.id} summary`);
      assert.ok(meta.rationale.length > 40, `${meta.id} rationale`);
      assert.match(meta.remediation, /\.$/, `${meta.id} remediation must end with a period`);
      assert.ok(Object.keys(meta.messages).length > 0, `${meta.id} messages`);
    }
  });

  it('exercises every messageId in the rule tests', () => {
    for (const { meta } of RULES) {
      const test = readFileSync(path.join(root, `test/rules/${meta.id}.test.ts`), 'utf8');
      for (const messageId of Object.keys(meta.messages)) {
        assert.ok(test.includes(`messageId: '${messageId}'`), `${meta.id}: messageId "${messageId}" is not tested`);
      }
    }
  });
});
