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

  it('a CustomResourceDefinition opened, then edited, changes how its custom resources are validated', async () => {
    const widgetUri = 'file:///crd/app/widget.yaml';
    const crdUri = 'file:///crd/defs/widget-crd.yaml';
    const unrelatedUri = 'file:///crd/other/service.yaml';
    await lsp.open(unrelatedUri, serviceOf({ name: 'crd-other' }));
    const unknown = await lsp.open(widgetUri, 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  color: red\n');
    assert.ok(!messages(unknown).includes('Missing required field "size".'));

    refreshed.length = 0;
    const validated = lsp.diagnostics(widgetUri);
    await lsp.open(crdUri, widgetCrd(['size']));
    assert.ok(messages(await validated).includes('Missing required field "size".'), 'validated against the CRD');
    const relaxed = lsp.diagnostics(widgetUri);
    await lsp.change(crdUri, widgetCrd([]));
    assert.ok(!messages(await relaxed).includes('Missing required field "size".'));
    assert.ok(!refreshed.includes(unrelatedUri), `not re-linted: ${unrelatedUri}`);
  });

  it('a kustomization that adds selector labels (commonLabels) to a workload, opened after it, lifts its missing-selector finding', async () => {
    const deployUri = 'file:///sl/base/deploy.yaml';
    const kustomizationUri = 'file:///sl/base/kustomization.yaml';
    const noSelector = PATCH.replace('name: checkout\nspec:\n', 'name: checkout\nspec:\n  replicas: 2\n');
    const before = await lsp.open(deployUri, noSelector);
    assert.ok(messages(before).includes('Missing required field "selector".'), messages(before).join(' | '));
    refreshed.length = 0;
    const after = lsp.diagnostics(deployUri);
    await lsp.open(kustomizationUri, 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ncommonLabels:\n  app: checkout\nresources:\n  - deploy.yaml\n');
    assert.notDeepEqual(messages(await after), messages(before));
    assert.deepEqual(refreshed, [deployUri]);
  });
});

function widgetCrd(required: string[]): string {
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: { plural: widgets, singular: widget, kind: Widget }
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              required: [${required.join(', ')}]
              properties:
                size: { type: integer }
                color: { type: string }
`;
}
