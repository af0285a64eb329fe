import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { resolveConfig } from '../../server/src/core/config';
import { lintText } from '../../server/src/core/engine';
import { WorkspaceIndex } from '../../server/src/index/workspace-index';
import { RULES, RULE_IDS } from '../../server/src/rules/index';
import { testSchemas } from '../support/rule-tester';

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
  it('contributes a snippet for each scaling-sensitive kind, by prefix', () => {
    const prefixes = Object.values(snippets).map((s) => s.prefix).sort();
    assert.deepEqual(prefixes, ['k8s-deployment', 'k8s-hpa', 'k8s-limitrange', 'k8s-pdb', 'k8s-pvc', 'k8s-resourcequota', 'k8s-statefulset', 'k8s-storageclass', 'k8s-vpa']);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${snippet.prefix} (${name}) parses and raises no finding with default placeholders`, () => {
      const text = expandSnippet(snippet.body);
      assert.ok(!text.includes('$'), `unexpanded placeholder in:\n${text}`);
      assert.deepEqual(parseAllDocuments(text).flatMap((d) => ('errors' in d ? d.errors.map((e) => e.message) : [])), []);
      const { config } = resolveConfig({}, RULE_IDS);
      // Every rule, cross-object ones included, over a workspace that holds the snippet alone.
      const uri = 'file:///w/snippet.yaml';
      const index = new WorkspaceIndex();
      index.update(uri, text);
      const findings = lintText(text, { uri, config, rules: RULES, index, schemas: testSchemas }).findings;
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

  it('the Deployment snippet carries resources, three probes, a preStop pause and anti-affinity; the StatefulSet its headless Service and claims', () => {
    const deployment = expandSnippet(Object.values(snippets).find((s) => s.prefix === 'k8s-deployment')!.body);
    for (const key of ['requests:', 'limits:', 'startupProbe:', 'readinessProbe:', 'livenessProbe:', 'preStop:', 'podAntiAffinity:']) assert.ok(deployment.includes(key), key);
    const statefulSet = expandSnippet(Object.values(snippets).find((s) => s.prefix === 'k8s-statefulset')!.body);
    assert.match(statefulSet, /^kind: Service\n[\s\S]*clusterIP: None/m);
    assert.match(statefulSet, /^ {2}serviceName: db$/m);
    assert.match(statefulSet, /^ {2}volumeClaimTemplates:$/m);
  });
});
