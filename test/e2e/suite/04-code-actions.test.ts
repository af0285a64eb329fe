import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseAllDocuments } from 'yaml';
import {
  FixtureGuard,
  activateExtension,
  applyAction,
  closeAllEditors,
  codeActions,
  comments,
  findRule,
  lineOf,
  open,
  waitFor,
  waitForNoRule,
  waitForRule,
} from './helpers';

const FILE = 'deployment-no-resources.yaml';
const RULE = 'container-memory-limit-missing';

async function actionTitled(uri: vscode.Uri, range: vscode.Range, title: string) {
  let seen: string[] = [];
  return waitFor(`a code action titled "${title}"`, async () => {
    const actions = await codeActions(uri, range);
    seen = actions.map((a) => a.title);
    return actions.find((a) => a.title === title);
  }, { describe: () => `offered: ${JSON.stringify(seen)}` });
}

suite('code actions', () => {
  const files = new FixtureGuard();
  suiteSetup(activateExtension);
  setup(() => files.remember(FILE));
  teardown(async () => {
    await files.restore();
    await closeAllEditors();
  });

  test('"Add resource limits" inserts a memory limit, keeps comments and clears the finding', async () => {
    const doc = await open(FILE);
    const before = doc.getText();
    const diag = await waitForRule(doc.uri, RULE);
    const action = await actionTitled(doc.uri, diag.range, 'Add resource limits');
    if ('kind' in action && action.kind) {
      assert.ok(vscode.CodeActionKind.QuickFix.contains(action.kind), `kind is ${action.kind.value}, expected quickfix`);
    }
    await applyAction(action);

    const after = doc.getText();
    assert.notEqual(after, before, 'the quick fix changed nothing');
    const parsed = parseAllDocuments(after);
    assert.equal(parsed.length, 1);
    assert.deepEqual(parsed[0]!.errors.map((e) => e.message), [], 'the fixed file is not valid YAML');
    const container = (parsed[0]!.toJS() as any).spec.template.spec.containers[0];
    assert.equal(container.name, 'app');
    assert.ok(container.resources?.limits?.memory, `no resources.limits.memory after the fix:\n${after}`);
    for (const c of comments(before)) assert.ok(comments(after).includes(c), `comment lost by the fix: ${c}`);

    await waitForNoRule(doc.uri, RULE);
  });

  test('"Disable … for this line" inserts a disable comment above the finding', async () => {
    const doc = await open(FILE);
    const diag = await waitForRule(doc.uri, RULE);
    const line = diag.range.start.line;
    const title = `Disable ${RULE} for this line`;
    const action = await actionTitled(doc.uri, diag.range, title);
    await applyAction(action);

    const lines = doc.getText().split(/\r?\n/);
    assert.equal(lines[line]?.trim(), `# kube-guardrails-disable-next-line ${RULE}`, `line ${line + 1} after "${title}"`);
    assert.equal(lineOf(doc, '- name: app'), line + 1, 'the disable comment should sit directly above the container line');
    await waitForNoRule(doc.uri, RULE);
    // Only that rule is silenced on that line.
    assert.ok(findRule(doc.uri, 'container-requests-missing'), 'container-requests-missing should still be reported');
  });
});
