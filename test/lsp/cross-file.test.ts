import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONTAINER_WITH_REQUESTS, CONTAINER_WITHOUT_REQUESTS, hpaOf, pvcOf, resourceMetric, storageClassOf, workload } from '../support/objects';
import { startHarness, type Harness } from '../support/lsp-harness';

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));
const messageOf = (diagnostic: Diagnostic | undefined): string => (typeof diagnostic?.message === 'string' ? diagnostic.message : (diagnostic?.message.value ?? ''));

/** The diagnostics last published for `uri` once the server is idle (its scan and re-lints done). */
async function settled(lsp: Harness, uri: string): Promise<Diagnostic[]> {
  await lsp.idle();
  const latest = lsp.published.filter((p) => p.uri === uri).at(-1);
  assert.ok(latest, `nothing was published for ${uri}`);
  return latest.diagnostics;
}

describe('cross-file findings over JSON-RPC', () => {
  let lsp: Harness;
  before(async () => {
    lsp = await startHarness();
  });
  after(async () => lsp.close());

  it('HPA and Deployment in two files: the finding, its fix in the other file, and the refresh when that file changes', async () => {
    const deployUri = 'file:///x/app/deploy.yaml';
    const hpaUri = 'file:///x/app/hpa.yaml';
    await lsp.open(deployUri, workload({ containers: CONTAINER_WITHOUT_REQUESTS }));
    const diagnostics = await lsp.open(hpaUri, hpaOf({ extra: resourceMetric('cpu') }));
    const finding = diagnostics.find((d) => d.code === 'hpa-target-missing-requests');
    assert.ok(finding, `expected the finding, got ${codes(diagnostics).join(', ')}`);
    assert.equal(finding.severity, 1);
    assert.deepEqual(finding.range.start, { line: 13, character: 14 });
    const actions: CodeAction[] = await lsp.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri: hpaUri },
      range: finding.range,
      context: { diagnostics: [finding] },
    });
    const add = actions.find((a) => a.title === 'Add a cpu request of 100m to Deployment "web"');
    assert.ok(add?.edit?.changes?.[deployUri], 'the suggestion edits the Deployment\'s file');

    // Adding the request in the Deployment's file re-publishes the HPA's diagnostics without the finding.
    const refreshed = lsp.diagnostics(hpaUri);
    await lsp.change(deployUri, workload({ containers: CONTAINER_WITH_REQUESTS }));
    assert.ok(!codes(await refreshed).includes('hpa-target-missing-requests'));
  });

  it("a fix in another file lands on the Deployment after the documents above it grew (the HPA's finding is not re-computed)", async () => {
    const deployUri = 'file:///x/moved/deploy.yaml';
    const hpaUri = 'file:///x/moved/hpa.yaml';
    const withNote = (note: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes\ndata:\n  note: ${note}\n---\n${workload({ containers: CONTAINER_WITHOUT_REQUESTS })}`;
    await lsp.open(deployUri, withNote('short'));
    const diagnostics = await lsp.open(hpaUri, hpaOf({ extra: resourceMetric('cpu') }));
    const finding = diagnostics.find((d) => d.code === 'hpa-target-missing-requests');
    assert.ok(finding, `expected the finding, got ${codes(diagnostics).join(', ')}`);
    const published = lsp.published.length;
    const grown = withNote('a much longer note than before, so that the Deployment moves down the file');
    await lsp.change(deployUri, grown);
    assert.ok(!lsp.published.slice(published).some((p) => p.uri === hpaUri), 'the HPA was not re-linted: its finding is the one computed before the move');
    const actions: CodeAction[] = await lsp.client.sendRequest('textDocument/codeAction', { textDocument: { uri: hpaUri }, range: finding.range, context: { diagnostics: [finding] } });
    const edits = actions.find((a) => a.title === 'Add a cpu request of 100m to Deployment "web"')?.edit?.changes?.[deployUri];
    assert.ok(edits, 'the suggestion edits the Deployment\'s file');
    const fixed = TextDocument.applyEdits(TextDocument.create(deployUri, 'yaml', 0, grown), edits);
    assert.match(fixed, /^ {10}resources:\n {12}requests:\n {14}cpu: 100m$/m, fixed);
    assert.ok(fixed.startsWith(grown.slice(0, grown.indexOf('---'))), 'the ConfigMap is untouched');
  });

  it('PVC and StorageClass in two files, refreshed when the StorageClasses change', async () => {
    const classesUri = 'file:///x/storage/classes.yaml';
    const claimUri = 'file:///x/app/claim.yaml';
    await lsp.open(classesUri, storageClassOf('fast-ssd'));
    const diagnostics = await lsp.open(claimUri, pvcOf({ storageClassName: 'standard' }));
    const finding = diagnostics.find((d) => d.code === 'pvc-storage-class-not-found');
    assert.ok(finding);
    assert.equal(finding.severity, 3);
    assert.match(messageOf(finding), /StorageClass "standard" is not defined in the workspace, which defines "fast-ssd"/);
    const refreshed = lsp.diagnostics(claimUri);
    await lsp.change(classesUri, `${storageClassOf('fast-ssd')}---\n${storageClassOf('standard')}`);
    assert.ok(!codes(await refreshed).includes('pvc-storage-class-not-found'));
  });

  it('Kustomize overlay: a patch listed in kustomization.yaml gets no findings about what it leaves out', async () => {
    const patch = workload({ name: 'api', containers: '- name: app\n  image: registry.example.com/app:2.0.0\n' });
    await lsp.open('file:///x/overlay/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../base\npatches:\n  - path: patch.yaml\n');
    const diagnostics = await lsp.open('file:///x/overlay/patch.yaml', patch);
    assert.deepEqual(codes(diagnostics).filter((code) => code.startsWith('container-') && code.endsWith('-missing')), []);
    // The same document outside the overlay is a whole object and gets them.
    const whole = await lsp.open('file:///x/base/api.yaml', patch);
    assert.ok(codes(whole).includes('container-requests-missing'));
  });
});

describe('cross-file findings against files on disk (workspace scan and file events)', () => {
  let lsp: Harness;
  let root: string;
  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'kube-guardrails-ws-'));
    writeFileSync(path.join(root, 'deploy.yaml'), workload({ containers: CONTAINER_WITHOUT_REQUESTS }));
    writeFileSync(path.join(root, 'hpa.yaml'), hpaOf({ extra: resourceMetric('cpu') }));
    lsp = await startHarness({}, { debounceMs: 0 }, {}, [pathToFileURL(root).toString()]);
  });
  after(async () => {
    await lsp.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('finds the unopened Deployment on disk, and refreshes when the file changes on disk', async () => {
    const hpaUri = pathToFileURL(path.join(root, 'hpa.yaml')).toString();
    const deployUri = pathToFileURL(path.join(root, 'deploy.yaml')).toString();
    const hpaText = hpaOf({ extra: resourceMetric('cpu') });
    await lsp.open(hpaUri, hpaText);
    // The scan may finish before or after the first lint; once both are done, the finding is there.
    const diagnostics = await settled(lsp, hpaUri);
    assert.ok(codes(diagnostics).includes('hpa-target-missing-requests'), codes(diagnostics).join(', '));
    assert.match(messageOf(diagnostics.find((d) => d.code === 'hpa-target-missing-requests')), /Deployment "web" has no CPU request in container "app"/);

    writeFileSync(path.join(root, 'deploy.yaml'), workload({ containers: CONTAINER_WITH_REQUESTS }));
    await lsp.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: deployUri, type: 2 }] });
    // The file event's refresh is part of the server's work: once idle, the last publish has it.
    assert.ok(!codes(await settled(lsp, hpaUri)).includes('hpa-target-missing-requests'));
  });
});

describe('kubeGuardrails.exclude keeps files out of the workspace scan', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'kube-guardrails-exclude-'));
    writeFileSync(path.join(root, 'deploy.generated.yaml'), workload({ containers: CONTAINER_WITHOUT_REQUESTS }));
    writeFileSync(path.join(root, 'hpa.yaml'), hpaOf({ extra: resourceMetric('cpu') }));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  /** Scans the folder with the given settings, then opens the HPA: its diagnostics, and the scan's log line. */
  async function scanThenOpenHpa(settings: Record<string, unknown>): Promise<{ indexed: string; codes: string[] }> {
    const lsp = await startHarness(settings, { debounceMs: 0 }, {}, [pathToFileURL(root).toString()]);
    try {
      const indexed = await lsp.log(/indexed \d+ YAML files/);
      const diagnostics = await lsp.open(pathToFileURL(path.join(root, 'hpa.yaml')).toString(), hpaOf({ extra: resourceMetric('cpu') }));
      return { indexed, codes: codes(diagnostics) };
    } finally {
      await lsp.close();
    }
  }

  it('indexes the Deployment by default, and not when its file matches an exclude glob', async () => {
    const included = await scanThenOpenHpa({});
    assert.match(included.indexed, /indexed 2 YAML files/);
    assert.ok(included.codes.includes('hpa-target-missing-requests'));

    const excluded = await scanThenOpenHpa({ exclude: ['**/*.generated.yaml'] });
    assert.match(excluded.indexed, /indexed 1 YAML files/);
    assert.ok(!excluded.codes.includes('hpa-target-missing-requests'));
  });
});

describe('the object being linted is its own index entry, by file and offset', () => {
  let lsp: Harness;
  before(async () => {
    lsp = await startHarness();
  });
  after(async () => lsp.close());

  it('two identical hpa.yaml files in a/ and b/ are each judged against their own folder\'s Deployment', async () => {
    const hpa = hpaOf({ extra: resourceMetric('cpu') });
    await lsp.open('file:///same/a/deploy.yaml', workload({ containers: CONTAINER_WITH_REQUESTS }));
    await lsp.open('file:///same/b/deploy.yaml', workload({ containers: CONTAINER_WITHOUT_REQUESTS }));
    const inA = await lsp.open('file:///same/a/hpa.yaml', hpa);
    const inB = await lsp.open('file:///same/b/hpa.yaml', hpa);
    assert.ok(!codes(inA).includes('hpa-target-missing-requests'), 'a/deploy.yaml has its requests');
    const finding = inB.find((d) => d.code === 'hpa-target-missing-requests');
    assert.ok(finding, `b/deploy.yaml has no requests, got ${codes(inB).join(', ')}`);
    const actions: CodeAction[] = await lsp.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri: 'file:///same/b/hpa.yaml' },
      range: finding.range,
      context: { diagnostics: [finding] },
    });
    const add = actions.find((a) => a.title === 'Add a cpu request of 100m to Deployment "web"');
    assert.deepEqual(Object.keys(add?.edit?.changes ?? {}), ['file:///same/b/deploy.yaml'], 'the fix edits b\'s own Deployment');
  });
});
