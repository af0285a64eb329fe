import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { deployment } from '../support/manifests';
import { startHarness, type Harness } from '../support/lsp-harness';

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 1, text), edits);
}

describe('code actions over JSON-RPC', () => {
  let lsp: Harness;
  before(async () => {
    lsp = await startHarness();
  });
  after(async () => lsp.close());

  const uri = 'file:///w/actions.yaml';
  const manifest = deployment(`
    # the web tier
    - name: app # main
      image: nginx:1.27.0
  `);

  async function actionsFor(diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return lsp.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
    });
  }

  it('offers "Add resource limits", which inserts the fields and clears the finding, keeping comments', async () => {
    const diagnostics = await lsp.open(uri, manifest);
    const memory = diagnostics.find((d) => d.code === 'container-memory-limit-missing')!;
    const actions = await actionsFor(memory);
    const add = actions.find((a) => a.title === 'Add resource limits');
    assert.ok(add?.edit?.changes?.[uri], 'quick fix with an edit');
    assert.equal(add.kind, 'quickfix');
    assert.equal(add.isPreferred, true);
    const fixed = apply(manifest, add.edit.changes[uri]);
    assert.ok(fixed.includes('# the web tier') && fixed.includes('# main'));
    assert.ok(fixed.includes('          resources:\n            requests:\n              cpu: 100m\n'));
    const after = await lsp.change(uri, fixed);
    assert.deepEqual(after.filter((d) => d.code === 'container-memory-limit-missing'), []);
  });

  it('offers "Disable <rule-id> for this line", which suppresses exactly that rule', async () => {
    const diagnostics = await lsp.change(uri, manifest);
    const memory = diagnostics.find((d) => d.code === 'container-memory-limit-missing')!;
    const disable = (await actionsFor(memory)).find((a) => a.title === 'Disable container-memory-limit-missing for this line');
    assert.ok(disable?.edit?.changes?.[uri]);
    const disabled = apply(manifest, disable.edit.changes[uri]);
    assert.ok(disabled.includes('        # kube-guardrails-disable-next-line container-memory-limit-missing\n        - name: app # main'));
    const after = await lsp.change(uri, disabled);
    assert.equal(after.some((d) => d.code === 'container-memory-limit-missing'), false);
    assert.equal(after.some((d) => d.code === 'container-requests-missing'), true);

    // Disabling a second rule on the same line extends the existing comment.
    const requests = after.find((d) => d.code === 'container-requests-missing')!;
    const second = (await actionsFor(requests)).find((a) => a.title === 'Disable container-requests-missing for this line');
    const both = apply(disabled, second!.edit!.changes![uri]!);
    assert.ok(both.includes('# kube-guardrails-disable-next-line container-memory-limit-missing, container-requests-missing\n'));
    const final = await lsp.change(uri, both);
    assert.deepEqual(final.map((d) => d.code).filter((code) => String(code).startsWith('container-')), ['container-cpu-limit-missing']);
  });

  it('offers an identical fix once when several findings share it', async () => {
    const diagnostics = (await lsp.change(uri, manifest)).filter((d) => String(d.code).startsWith('container-') && d.range.start.line === 15);
    assert.equal(diagnostics.length, 3);
    const actions: CodeAction[] = await lsp.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics },
    });
    const adds = actions.filter((a) => a.title === 'Add resource limits');
    assert.equal(adds.length, 1);
    assert.equal(adds[0]!.diagnostics?.map((d) => d.code).sort().join(), 'container-memory-limit-missing,container-requests-missing');
    // The CPU-limit finding's fix also caps CPU, and says so.
    assert.equal(actions.filter((a) => a.title === 'Add resource limits, including a CPU limit').length, 1);
  });

  it('fix-all applies every safe fix in one edit', async () => {
    const diagnostics = await lsp.change(uri, manifest);
    const actions: CodeAction[] = await lsp.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.kube-guardrails'] },
    });
    assert.equal(actions.length, 1);
    const fixed = apply(manifest, actions[0]!.edit!.changes![uri]!);
    const after = await lsp.change(uri, fixed);
    const resourceFindings = (list: Diagnostic[]) => list.filter((d) => String(d.code).startsWith('container-')).map((d) => String(d.code));
    assert.equal(resourceFindings(diagnostics).length, 3);
    // Requests and the memory limit are fixed; a CPU limit is a policy choice, never guessed by fix-all.
    assert.deepEqual(resourceFindings(after), ['container-cpu-limit-missing']);
  });
});
