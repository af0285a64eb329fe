import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { resolveConfig } from '../../server/src/core/config';
import { lintText } from '../../server/src/core/engine';
import { RULES, RULE_IDS } from '../../server/src/rules/index';

const root = path.resolve(__dirname, '../..');
const snippets = JSON.parse(readFileSync(path.join(root, 'snippets/kubernetes.code-snippets'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;

/** Replaces `${1:default}`, `${2|a,b|}`, `$1` and `$0` with what VS Code inserts before the user types. */
export function expandSnippet(body: string[]): string {
  const defaults = new Map<string, string>();
  let text = body.join('\n');
  for (let i = 0; i < 5; i++) {
    text = text
      .replace(/\$\{(\d+):([^${}]*)\}/g, (_, n: string, value: string) => (defaults.set(n, value), value))
      .replace(/\$\{(\d+)\|([^|,]*)[^|]*\|\}/g, (_, n: string, value: string) => (defaults.set(n, value), value))
      .replace(/\$(\d+)/g, (_, n: string) => defaults.get(n) ?? '');
  }
  return `${text}\n`;
}

describe('snippets', () => {
  it('contributes the HPA and StorageClass snippets by their prefixes', () => {
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    assert.ok(prefixes.includes('k8s-hpa'));
    assert.ok(prefixes.includes('k8s-storageclass'));
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${snippet.prefix} (${name}) parses and raises no finding with default placeholders`, () => {
      const text = expandSnippet(snippet.body);
      assert.ok(!text.includes('$'), `unexpanded placeholder in:\n${text}`);
      assert.deepEqual(parseAllDocuments(text).flatMap((d) => ('errors' in d ? d.errors.map((e) => e.message) : [])), []);
      const { config } = resolveConfig({}, RULE_IDS);
      // Cross-object rules need the snippet's partner objects, which a snippet alone cannot supply.
      const rules = RULES.filter((r) => !r.meta.needsIndex);
      const findings = lintText(text, { config, rules }).findings;
      assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message}`), []);
    });
  }

  it('the HPA snippet is autoscaling/v2 with behavior; the StorageClass binds late and can expand', () => {
    const hpa = expandSnippet(Object.values(snippets).find((s) => s.prefix === 'k8s-hpa')!.body);
    assert.match(hpa, /^apiVersion: autoscaling\/v2$/m);
    assert.match(hpa, /^ {2}behavior:$/m);
    const sc = expandSnippet(Object.values(snippets).find((s) => s.prefix === 'k8s-storageclass')!.body);
    assert.match(sc, /^volumeBindingMode: WaitForFirstConsumer$/m);
    assert.match(sc, /^allowVolumeExpansion: true$/m);
  });
});
