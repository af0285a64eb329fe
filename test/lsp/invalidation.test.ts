/**
 * One invalidation mechanism: a document is linted again exactly when a dependency key it recorded
 * moved. For each kind of fact a lint reads about another file, editing that file changes the
 * dependent document's diagnostics, and documents that read nothing of it are not linted again.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { CONTAINER_WITHOUT_REQUESTS, serviceOf, workload } from '../support/objects';
import { startHarness, type Harness } from '../support/lsp-harness';
import { testSchemas } from '../support/rule-tester';

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));
const messages = (diagnostics: Diagnostic[]) => diagnostics.map((d) => (typeof d.message === 'string' ? d.message : d.message.value));

const PATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout
spec:
  template:
    spec:
      containers:
        - name: checkout
          image: registry.example.com/checkout:1.0.0
`;
const kustomization = (patches: string[]) => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - deploy.yaml
${patches.length > 0 ? `patches:\n${patches.map((p) => `  - path: ${p}\n`).join('')}` : ''}`;
const LIMIT_RANGE = `apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
spec:
  limits:
    - type: Container
      defaultRequest:
        cpu: 100m
        memory: 64Mi
`;

describe('re-linting follows the recorded dependency keys', () => {
  let lsp: Harness;
  const refreshed: string[] = [];
  before(async () => {
    lsp = await startHarness({}, { debounceMs: 0 }, { schemas: testSchemas, onRefresh: (uri) => refreshed.push(uri) });
  });
  beforeEach(() => {
    refreshed.length = 0;
  });
  after(async () => lsp.close());

  it('a patch opened before the kustomization that lists it loses its "missing field" findings, and gets them back when it is unlisted', async () => {
    const patchUri = 'file:///k/overlay/patch.yaml';
    const kustomizationUri = 'file:///k/overlay/kustomization.yaml';
    const unrelatedUri = 'file:///k/other/service.yaml';
    await lsp.open(unrelatedUri, serviceOf());
    const whole = await lsp.open(patchUri, PATCH);
    assert.ok(messages(whole).includes('Missing required field "selector".'), `judged as a whole object at first: ${messages(whole).join(' | ')}`);

    refreshed.length = 0;
    const asPatch = lsp.diagnostics(patchUri);
    await lsp.open(kustomizationUri, kustomization(['patch.yaml']));
    assert.ok(!messages(await asPatch).includes('Missing required field "selector".'));
    assert.deepEqual(refreshed, [patchUri], 'only the listed patch is linted again');

    refreshed.length = 0;
    const unlisted = lsp.diagnostics(patchUri);
    await lsp.change(kustomizationUri, kustomization([]));
    assert.ok(messages(await unlisted).includes('Missing required field "selector".'));
    assert.deepEqual(refreshed, [patchUri]);
  });

  it('a LimitRange added in the workload\'s folder fills its requests; a workload elsewhere is not linted again', async () => {
    const deployUri = 'file:///lr/app/deploy.yaml';
    const limitRangeUri = 'file:///lr/app/limits.yaml';
    const unrelatedUri = 'file:///lr/other/service.yaml';
    await lsp.open(unrelatedUri, serviceOf({ name: 'other' }));
    const before = await lsp.open(deployUri, workload({ containers: CONTAINER_WITHOUT_REQUESTS }));
    assert.ok(codes(before).includes('container-requests-missing'));

    refreshed.length = 0;
    const after = lsp.diagnostics(deployUri);
    await lsp.open(limitRangeUri, LIMIT_RANGE);
    assert.ok(!codes(await after).includes('container-requests-missing'));
    assert.ok(refreshed.includes(deployUri));
    assert.ok(!refreshed.includes(unrelatedUri), `not re-linted: ${unrelatedUri}`);
  });
});
