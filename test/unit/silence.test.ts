/**
 * Silence where we do not understand: no findings at all on YAML that is not Kubernetes (workflows,
 * compose files, OpenAPI, Ansible, and the k8s-lookalike tool configs that carry apiVersion/kind),
 * nor on Helm charts, whose templates are not manifests until rendered. See "What counts as a
 * Kubernetes object" in server/ARCHITECTURE.md.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CORPUS, CORPUS_MISSING, indexOf, lintAll, projectsOf, uriOf, yamlFiles } from '../support/corpus';

function assertSilent(files: readonly string[]): void {
  assert.ok(files.length > 0, 'no files found');
  for (const [, members] of projectsOf(files)) {
    const index = indexOf(members);
    for (const file of members) {
      const result = lintAll(readFileSync(file, 'utf8'), uriOf(file), index);
      const found = result.findings.map((f) => `${f.ruleId}: ${f.message}`);
      assert.deepEqual(found, [], `${path.relative(CORPUS, file)} must get no findings`);
      assert.deepEqual(result.internalErrors, [], `${path.relative(CORPUS, file)}: internal errors`);
    }
  }
}

describe('silence where we do not understand', { skip: CORPUS_MISSING ?? false }, () => {
  it('reports nothing on YAML that is not Kubernetes', () => {
    assertSilent(yamlFiles(path.join(CORPUS, 'not-kubernetes')).filter((f) => !f.includes(`${path.sep}k8s-lookalike${path.sep}`)));
  });

  it('reports nothing on files that look like Kubernetes but are tool configs (k8s-lookalike)', () => {
    assertSilent(yamlFiles(path.join(CORPUS, 'not-kubernetes', 'k8s-lookalike')));
  });

  it('reports nothing on Helm chart templates', () => {
    assertSilent(yamlFiles(path.join(CORPUS, 'helm')).filter((f) => f.includes(`${path.sep}templates${path.sep}`)));
  });

  it('reports nothing on Helm charts as a whole (Chart.yaml, values.yaml)', () => {
    assertSilent(yamlFiles(path.join(CORPUS, 'helm')).filter((f) => !f.includes(`${path.sep}templates${path.sep}`)));
  });
});
