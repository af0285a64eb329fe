import * as vscode from 'vscode';
import {
  SettingGuard,
  activateExtension,
  closeAllEditors,
  findRule,
  open,
  waitForNoRule,
  waitForRule,
} from './helpers';
import * as assert from 'node:assert/strict';

const RULE = 'container-cpu-limit-missing';

suite('settings', () => {
  const settings = new SettingGuard();
  suiteSetup(activateExtension);
  setup(() => settings.remember('kubeGuardrails', 'rules'));
  teardown(async () => {
    await settings.restore();
    await closeAllEditors();
  });

  test('kubeGuardrails.rules can turn a rule off, and restoring brings it back', async () => {
    const doc = await open('deployment-no-resources.yaml');
    await waitForRule(doc.uri, RULE);
    const cfg = () => vscode.workspace.getConfiguration('kubeGuardrails', doc.uri);
    const original = cfg().inspect('rules')?.workspaceValue;

    await cfg().update('rules', { [RULE]: 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForNoRule(doc.uri, RULE);
    assert.ok(findRule(doc.uri, 'container-memory-limit-missing'), 'other rules must stay on');

    await cfg().update('rules', original, vscode.ConfigurationTarget.Workspace);
    await waitForRule(doc.uri, RULE);
  });
});
