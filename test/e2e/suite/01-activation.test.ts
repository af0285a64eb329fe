import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, open, waitFor } from './helpers';

suite('activation', () => {
  teardown(closeAllEditors);

  test('activates when a YAML file is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed (installed: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')})`);
    const doc = await open('deployment-no-resources.yaml');
    assert.equal(doc.languageId, 'yaml');
    await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive, { timeoutMs: 60_000 });
  });
});
