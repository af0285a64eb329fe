import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  FixtureGuard,
  activateExtension,
  closeAllEditors,
  open,
  positionOf,
  waitForNoRule,
  waitForRule,
} from './helpers';

const RULE = 'hpa-target-missing-requests';

suite('cross-file', () => {
  const files = new FixtureGuard();
  suiteSetup(activateExtension);
  setup(() => files.remember('web-deployment.yaml', 'hpa.yaml'));
  teardown(async () => {
    await files.restore();
    await closeAllEditors();
  });

  test('an HPA on cpu utilization is flagged while its Deployment requests no cpu', async () => {
    const hpa = await open('hpa.yaml');
    const finding = await waitForRule(hpa.uri, RULE, 45_000);
    assert.ok(finding.range.start.line >= 0);

    // Add the cpu request to the target Deployment, as a person would, and save.
    const web = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(hpa.uri, '..', 'web-deployment.yaml'));
    const memLine = web.lineAt(positionOf(web, 'memory: 256Mi').line);
    const indent = memLine.text.slice(0, memLine.firstNonWhitespaceCharacterIndex);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(web.uri, memLine.range.start, `${indent}cpu: 100m\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await web.save(), 'saving web-deployment.yaml failed');
    assert.ok(web.getText().includes('cpu: 100m'));

    await waitForNoRule(hpa.uri, RULE, 45_000);

    // Putting the Deployment back brings the finding back.
    await files.restore();
    await waitForRule(hpa.uri, RULE, 45_000);
  });
});
