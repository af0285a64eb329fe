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
  isCodeAction,
  lineOf,
  open,
  ruleId,
  waitFor,
  waitForNoRule,
  waitForRule,
} from './helpers';

const FILE = 'deployment-no-resources.yaml';
const RULE = 'container-memory-limit-missing';

/**
 * The code action with this exact title offered on `diag`'s range. Several diagnostics may share
 * the range (and a fix); prefer the action that names `diag` among its diagnostics, and if the
 * actions with that title name diagnostics at all, one of them must be `diag`'s rule.
 */
async function actionTitled(uri: vscode.Uri, diag: vscode.Diagnostic, title: string) {
  let seen: string[] = [];
  const candidates = await waitFor(`a code action titled "${title}"`, async () => {
    const actions = await codeActions(uri, diag.range);
    seen = actions.map((a) => a.title);
    const matching = actions.filter((a) => a.title === title);
    return matching.length > 0 ? matching : undefined;
  }, { describe: () => `offered: ${JSON.stringify(seen)}` });
  const forRule = candidates.find((a) => isCodeAction(a) && a.diagnostics?.some((d) => ruleId(d) === ruleId(diag)));
  const namesDiagnostics = candidates.some((a) => isCodeAction(a) && (a.diagnostics?.length ?? 0) > 0);
  if (namesDiagnostics) assert.ok(forRule, `"${title}" is offered, but not for ${ruleId(diag)}`);
  return forRule ?? candidates[0]!;
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
    const action = await actionTitled(doc.uri, diag, 'Add resource limits');
    if ('kind' in action && action.kind) {
      assert.ok(vscode.CodeActionKind.QuickFix.contains(action.kind), `kind is ${action.kind.value}, expected quickfix`);
    }
    await applyAction(action);

    const after = doc.getText();
    assert.notEqual(after, before, 'the quick fix changed nothing');
    const parsed = parseAllDocuments(after);
    assert.equal(parsed.length, 1);
    assert.deepEqual(parsed[0]!.errors.map((e) => e.message), [], 'the fixed file is not valid YAML');
    const manifest = parsed[0]!.toJS() as { spec: { template: { spec: { containers: { name: string; resources?: { limits?: { memory?: string } } }[] } } } };
    const container = manifest.spec.template.spec.containers[0]!;
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
    const action = await actionTitled(doc.uri, diag, title);
    await applyAction(action);

    const lines = doc.getText().split(/\r?\n/);
    assert.equal(lines[line]?.trim(), `# kube-guardrails-disable-next-line ${RULE}`, `line ${line + 1} after "${title}"`);
    assert.equal(lineOf(doc, '- name: app'), line + 1, 'the disable comment should sit directly above the container line');
    await waitForNoRule(doc.uri, RULE);
    // Only that rule is silenced on that line.
    assert.ok(findRule(doc.uri, 'container-requests-missing'), 'container-requests-missing should still be reported');
  });
});
