/**
 * schema-validation and the api-version rules over the real-world manifests of the shared corpus
 * (KG_SHARED, default ../shared beside the repository), linted together as the CLI would, so CRDs
 * in one file serve the custom resources of another. Every finding must be one we listed here with
 * the reason it is right; anything else is a false positive.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../../server/src/core/config';
import { lintText } from '../../server/src/core/engine';
import { LineIndex } from '../../server/src/core/line-index';
import { WorkspaceIndex } from '../../server/src/index/workspace-index';
import { RULE_IDS, RULES_BY_ID } from '../../server/src/rules/index';
import { testSchemas } from '../support/rule-tester';

const shared = path.resolve(__dirname, '../..', process.env.KG_SHARED ?? '../shared');
const corpus = path.join(shared, 'corpus/real');

/** file:line rule → why the finding is right for Kubernetes 1.36. */
const JUSTIFIED: Record<string, string> = {
  'autoscaler/vpa-hamster-deprecated.yaml:8 api-version-deprecated': 'VPA autoscaling.k8s.io/v1beta1 is deprecated by the VPA project; v1 is current. No fix: v1beta1 used a label selector, v1 needs targetRef.',
  'k8s-examples/cockroachdb-statefulset.yaml:57 api-version-removed': 'PodDisruptionBudget policy/v1beta1 was removed in 1.25.',
  'k8s-website/cronjob-v1beta1.yaml:1 api-version-removed': 'CronJob batch/v1beta1 was removed in 1.25.',
  'k8s-website/example-ingress-v1beta1.yaml:1 api-version-removed': 'Ingress networking.k8s.io/v1beta1 was removed in 1.22.',
  'k8s-website/vap-deployment-replicas-policy.yaml:1 schema-validation': 'ValidatingAdmissionPolicy admissionregistration.k8s.io/v1alpha1 is not served by 1.36 (v1 is).',
  'k8s-website/restricted-psp.yaml:1 api-version-removed': 'PodSecurityPolicy was removed in 1.25 without a successor API.',
  'podinfo/hpa-v2beta2.yaml:1 api-version-removed': 'HorizontalPodAutoscaler autoscaling/v2beta2 was removed in 1.26.',
};

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return yamlFiles(file);
    return /\.ya?ml$/.test(name) ? [file] : [];
  });
}

test('real-world corpus: only justified schema and api-version findings', { skip: existsSync(corpus) ? false : `no corpus at ${corpus} (set KG_SHARED)` }, () => {
  const rules = ['schema-validation', 'api-version-removed', 'api-version-deprecated'].map((id) => RULES_BY_ID.get(id)!);
  const { config } = resolveConfig({}, RULE_IDS);
  const texts = new Map(yamlFiles(corpus).map((file) => [file, readFileSync(file, 'utf8')]));
  const index = new WorkspaceIndex();
  for (const [file, text] of texts) index.update(pathToFileURL(file).toString(), text);
  const found: string[] = [];
  for (const [file, text] of texts) {
    const result = lintText(text, { uri: pathToFileURL(file).toString(), config, rules, index, schemas: testSchemas });
    assert.deepEqual(result.internalErrors, [], file);
    const lines = new LineIndex(text);
    for (const f of result.findings) found.push(`${path.relative(corpus, file).split(path.sep).join('/')}:${lines.positionOf(f.range.start).line + 1} ${f.ruleId}`);
  }
  assert.deepEqual(found.sort(), Object.keys(JUSTIFIED).sort());
});
