import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  SOURCE,
  activateExtension,
  closeAllEditors,
  describeDiagnostics,
  findRule,
  holdsFor,
  lineOf,
  open,
  ours,
  ruleId,
  waitFor,
  waitForRule,
} from './helpers';

const EXPECTED: [string, vscode.DiagnosticSeverity][] = [
  ['container-requests-missing', vscode.DiagnosticSeverity.Warning],
  ['container-memory-limit-missing', vscode.DiagnosticSeverity.Warning],
  ['container-cpu-limit-missing', vscode.DiagnosticSeverity.Information],
];

suite('diagnostics', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('a container without resources gets requests/limits findings on its name', async () => {
    const doc = await open('deployment-no-resources.yaml');
    const nameLine = lineOf(doc, '- name: app');
    for (const [id, severity] of EXPECTED) {
      const d = await waitForRule(doc.uri, id);
      assert.equal(d.source, SOURCE);
      assert.equal(
        d.severity,
        severity,
        `${id}: severity ${vscode.DiagnosticSeverity[d.severity]}, expected ${vscode.DiagnosticSeverity[severity]}`,
      );
      assert.equal(d.range.start.line, nameLine, `${id} should be on the line of "- name: app"`);
      assert.equal(doc.getText(d.range), 'app', `${id} should cover the container name value`);
      assert.ok(d.message.length > 0, `${id} has an empty message`);
    }
  });

  test("a diagnostic's code links to its rule documentation", async () => {
    const doc = await open('deployment-no-resources.yaml');
    for (const [id] of EXPECTED) {
      const d = await waitForRule(doc.uri, id);
      const code = d.code;
      assert.ok(code !== undefined && typeof code === 'object', `${id}: code should be { value, target }, got ${JSON.stringify(code)}`);
      assert.equal(String(code.value), id);
      assert.ok(code.target instanceof vscode.Uri, `${id}: code.target should be a Uri`);
      assert.ok(
        code.target.path.endsWith(`docs/rules/${id}.md`),
        `${id}: code.target ${code.target.toString()} should point at docs/rules/${id}.md`,
      );
    }
  });

  test('a YAML file that is not a Kubernetes manifest gets no findings', async () => {
    const workflow = await open('.github/workflows/ci.yaml');
    // Positive control: a manifest opened after the workflow gets linted, so the server is working.
    const manifest = await open('deployment-no-resources.yaml');
    await waitFor('findings on the manifest opened after the workflow', () => ours(manifest.uri).length > 0 || undefined, {
      describe: () => describeDiagnostics(manifest.uri),
    });
    await holdsFor(
      `no ${SOURCE} diagnostics on the workflow (${describeDiagnostics(workflow.uri)})`,
      () => ours(workflow.uri).length === 0,
      1_500,
    );
    assert.deepEqual(ours(workflow.uri).map(ruleId), []);
    assert.ok(!findRule(workflow.uri, 'yaml-syntax'));
  });
});
