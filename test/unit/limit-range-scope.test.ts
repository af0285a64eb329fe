import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../server/src/core/config';
import { lintText } from '../../server/src/core/engine';
import { hoverAt } from '../../server/src/hover/hover';
import { WorkspaceIndex } from '../../server/src/index/workspace-index';
import { toK8sObject } from '../../server/src/k8s/objects';
import { RULES, RULES_BY_ID, RULE_IDS } from '../../server/src/rules/index';
import { parseFile } from '../../server/src/yaml/parse';
import { deployment } from '../support/manifests';

const config = resolveConfig({}, RULE_IDS).config;
const WORKLOAD = deployment('- name: app\n  image: registry.example.com/app:1.0.0\n');
const RESOURCE_RULES = ['container-requests-missing', 'container-memory-limit-missing', 'container-cpu-limit-missing'];

function limitRange(namespace?: string): string {
  const ns = namespace ? `\n  namespace: ${namespace}` : '';
  return `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults${ns}\nspec:\n  limits:\n    - type: Container\n      default:\n        cpu: 500m\n        memory: 512Mi\n`;
}

function withNamespace(text: string, namespace: string): string {
  return text.replace('  name: web\n', `  name: web\n  namespace: ${namespace}\n`);
}

/** The resource findings of the workload at `workloadUri` in a workspace that also holds `others`. */
function resourceFindings(workloadUri: string, workload: string, others: Record<string, string>): string[] {
  const index = new WorkspaceIndex();
  index.update(workloadUri, workload);
  for (const [uri, text] of Object.entries(others)) index.update(uri, text);
  return lintText(workload, { uri: workloadUri, config, rules: RULES, index })
    .findings.map((f) => f.ruleId)
    .filter((id) => RESOURCE_RULES.includes(id))
    .sort();
}

describe('which LimitRange applies to a workload', () => {
  it('reports the missing resources when no LimitRange exists (the baseline the other cases differ from)', () => {
    assert.deepEqual(resourceFindings('file:///w/app/web.yaml', WORKLOAD, {}), [...RESOURCE_RULES].sort());
  });

  it('a LimitRange without namespace in the same folder applies', () => {
    assert.deepEqual(resourceFindings('file:///w/app/web.yaml', WORKLOAD, { 'file:///w/app/limits.yaml': limitRange() }), []);
  });

  it('a LimitRange without namespace in a folder above applies (a base the folder builds on)', () => {
    assert.deepEqual(resourceFindings('file:///w/app/overlays/prod/web.yaml', WORKLOAD, { 'file:///w/app/limits.yaml': limitRange() }), []);
  });

  it('a LimitRange without namespace in an unrelated folder does not apply', () => {
    assert.deepEqual(resourceFindings('file:///w/app/web.yaml', WORKLOAD, { 'file:///w/tests/limits.yaml': limitRange() }), [...RESOURCE_RULES].sort());
  });

  it('a LimitRange in an unrelated folder does not apply to a workload with a namespace unless the namespaces are equal', () => {
    const shop = withNamespace(WORKLOAD, 'shop');
    assert.deepEqual(resourceFindings('file:///w/app/web.yaml', shop, { 'file:///w/tests/limits.yaml': limitRange() }), [...RESOURCE_RULES].sort());
    assert.deepEqual(resourceFindings('file:///w/app/web.yaml', shop, { 'file:///w/platform/limits.yaml': limitRange('shop') }), []);
  });

  it('a LimitRange of another namespace does not apply, even in the same folder', () => {
    const shop = withNamespace(WORKLOAD, 'shop');
    assert.deepEqual(resourceFindings('file:///w/app/web.yaml', shop, { 'file:///w/app/limits.yaml': limitRange('billing') }), [...RESOURCE_RULES].sort());
  });

  it('the hover on resources names only the LimitRange that applies', () => {
    const uri = 'file:///w/app/web.yaml';
    const text = WORKLOAD.replace('image: registry.example.com/app:1.0.0\n', 'image: registry.example.com/app:1.0.0\n          resources: {}\n');
    const hover = (others: Record<string, string>) => {
      const index = new WorkspaceIndex();
      index.update(uri, text);
      for (const [other, body] of Object.entries(others)) index.update(other, body);
      const [placed] = parseFile(text);
      const offset = text.indexOf('resources: {}');
      return hoverAt({ document: placed!.parsed, offset, object: toK8sObject(placed!.parsed.doc), findings: [], rules: RULES_BY_ID, index, self: index.entryAt(uri, placed!.offset) })?.markdown ?? '';
    };
    assert.match(hover({ 'file:///w/app/limits.yaml': limitRange() }), /LimitRange "defaults" applies/);
    assert.doesNotMatch(hover({ 'file:///w/tests/limits.yaml': limitRange() }), /LimitRange "defaults"/);
  });
});
