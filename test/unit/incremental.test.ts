import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../server/src/core/config';
import { lintText } from '../../server/src/core/engine';
import { FindingsCache } from '../../server/src/core/findings-cache';
import { WorkspaceIndex } from '../../server/src/index/workspace-index';
import { RULES, RULE_IDS } from '../../server/src/rules/index';
import { parseStats } from '../../server/src/yaml/parse';
import { deployment } from '../support/manifests';

const config = resolveConfig({}, RULE_IDS).config;

function manyDocuments(count: number, edited = -1): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    docs.push(deployment(`- name: app-${i}\n  image: registry.example.com/app:${i === edited ? '2.0.0' : '1.0.0'}\n`).replace('name: web', `name: web-${i}`));
  }
  return docs.join('---\n');
}

describe('incremental analysis', () => {
  it('re-parses and re-lints only the document that changed', () => {
    const uri = 'file:///w/big.yaml';
    const index = new WorkspaceIndex();
    const parses = index.parseCacheFor(uri);
    const findingsCache = new FindingsCache();
    const lint = (text: string) => {
      index.update(uri, text);
      return lintText(text, { uri, config, rules: RULES, cache: parses, findingsCache, index });
    };
    const before = lint(manyDocuments(100));
    const parsedAfterFirst = parseStats.documentsParsed;
    const missesAfterFirst = findingsCache.misses;
    assert.equal(missesAfterFirst, 100);

    const after = lint(manyDocuments(100, 42));
    assert.equal(parseStats.documentsParsed - parsedAfterFirst, 1, 'only the edited document is parsed again');
    assert.equal(findingsCache.misses - missesAfterFirst, 1, 'only the edited document has its rules run again');
    // The cached results are the same findings, shifted to the documents' new places.
    assert.equal(after.findings.length, before.findings.length);

    lint(manyDocuments(100, 42));
    assert.equal(findingsCache.misses - missesAfterFirst, 1, 'an identical text re-runs nothing');
  });

  it('re-runs a cached document when an object it depends on changes in another file', () => {
    const uri = 'file:///w/app.yaml';
    const text = deployment('- name: app\n  image: registry.example.com/app:1.0.0\n');
    const index = new WorkspaceIndex();
    const findingsCache = new FindingsCache();
    const lint = () => lintText(text, { uri, config, rules: RULES, findingsCache, index });
    index.update(uri, text);
    const ids = () => lint().findings.map((f) => f.ruleId);
    assert.ok(ids().includes('container-memory-limit-missing'));
    const misses = findingsCache.misses;
    assert.ok(ids().includes('container-memory-limit-missing'));
    assert.equal(findingsCache.misses, misses, 'served from the cache');

    index.update('file:///w/limits.yaml', 'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\nspec:\n  limits:\n    - type: Container\n      default:\n        memory: 512Mi\n');
    assert.equal(ids().includes('container-memory-limit-missing'), false, 'the LimitRange default now applies');
    assert.equal(findingsCache.misses, misses + 1);
  });
});
