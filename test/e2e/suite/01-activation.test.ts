import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, open, ours, waitFor } from './helpers';

/** What the extension's activate() returns (client/src/extension.ts). */
interface Api {
  activationMs: number;
  serverReady: Promise<number>;
}

/**
 * Figures for the closing notes and docs/benchmarks.md: the code-server runner prints the file
 * next to its results. Only written when a runner asked for results (kgE2e.resultsFile / KG_E2E_RESULTS).
 */
function writeMetrics(metrics: Record<string, number>): void {
  const results = vscode.workspace.getConfiguration('kgE2e').get<string>('resultsFile') || process.env['KG_E2E_RESULTS'];
  if (results) fs.writeFileSync(`${results}.metrics.json`, JSON.stringify(metrics, null, 2));
}

suite('activation', () => {
  teardown(closeAllEditors);

  test('activates when a YAML file is opened, quickly, and the first diagnostics follow', async () => {
    const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed (installed: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')})`);
    const opened = Date.now();
    const doc = await open('deployment-no-resources.yaml');
    assert.equal(doc.languageId, 'yaml');
    await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive, { timeoutMs: 60_000 });
    const api = ext.exports;
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs >= 0, `activate() reports its duration (got ${api.activationMs})`);
    const serverReadyMs = await api.serverReady;
    assert.ok(Number.isFinite(serverReadyMs), 'the language server started');
    await waitFor('the first kube-guardrails diagnostics', () => ours(doc.uri).length > 0, { timeoutMs: 60_000 });
    writeMetrics({ activationMs: api.activationMs, serverReadyMs, openToFirstDiagnosticMs: Date.now() - opened });
  });
});
