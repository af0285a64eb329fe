import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { deployment } from '../support/manifests';
import { startHarness, type Harness } from '../support/lsp-harness';

describe('config file in the editor', () => {
  let lsp: Harness;
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-lsp-config-'));
  const uriOf = (file: string) => pathToFileURL(path.join(dir, file)).toString();
  before(async () => {
    mkdirSync(path.join(dir, '.git'));
    mkdirSync(path.join(dir, 'generated'));
    writeFileSync(path.join(dir, '.kube-guardrails.yaml'), 'rules:\n  container-cpu-limit-missing: error\nignore: [generated/]\n');
    lsp = await startHarness({});
  });
  after(async () => {
    await lsp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies the nearest config file, and VS Code settings win over it', async () => {
    const manifest = deployment('- name: app\n');
    const fromConfig = await lsp.open(uriOf('app.yaml'), manifest);
    assert.equal(fromConfig.find((d) => d.code === 'container-cpu-limit-missing')?.severity, 1);
    lsp.settings = { rules: { 'container-cpu-limit-missing': 'hint' } };
    const next = lsp.diagnostics(uriOf('app.yaml'));
    await lsp.client.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.equal((await next).find((d) => d.code === 'container-cpu-limit-missing')?.severity, 4);
    lsp.settings = {};
    // The re-lint a settings change starts is part of the server's work: idle() waits for its publish.
    const before = lsp.published.length;
    await lsp.client.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await lsp.idle();
    const republished = lsp.published.slice(before).filter((p) => p.uri === uriOf('app.yaml'));
    assert.equal(republished.length, 1);
    assert.equal(republished[0]!.diagnostics.find((d) => d.code === 'container-cpu-limit-missing')?.severity, 1);
  });

  it("gives files matched by the config's ignore no diagnostics", async () => {
    assert.deepEqual(await lsp.open(uriOf('generated/app.yaml'), deployment('- name: app\n')), []);
  });

  it('reports config problems as diagnostics in the config file, at their place', async () => {
    const diagnostics = await lsp.open(uriOf('.kube-guardrails.yaml'), 'rules:\n  container-cpu-limit-missing: loud\nkubernetesVersion: 1.30\n');
    await lsp.idle();
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.severity]),
      [[1, 31, 1], [2, 19, 1]],
    );
    assert.match(String(diagnostics[0]!.message), /"container-cpu-limit-missing" must be a severity/);
    assert.match(String(diagnostics[1]!.message), /Quote it/);
    // The open (broken) config is ignored as a whole: manifests fall back to the defaults.
    const app = lsp.diagnostics(uriOf('app.yaml'));
    const generated = lsp.diagnostics(uriOf('generated/app.yaml'));
    await lsp.change(uriOf('.kube-guardrails.yaml'), 'rules:\n  container-cpu-limit-missing: warn\n');
    assert.equal((await app).find((d) => d.code === 'container-cpu-limit-missing')?.severity, 3);
    assert.ok((await generated).length > 0, 'no ignore globs while the config is broken');
    // Re-linting the other open documents is part of the change: wait for it.
    const others = [lsp.diagnostics(uriOf('app.yaml')), lsp.diagnostics(uriOf('generated/app.yaml'))];
    assert.deepEqual(await lsp.change(uriOf('.kube-guardrails.yaml'), 'rules:\n  container-cpu-limit-missing: warning\n'), []);
    assert.equal((await others[0]!).find((d) => d.code === 'container-cpu-limit-missing')?.severity, 2);
    await others[1];
    await lsp.idle();
  });

  it('reports problems of a .kube-guardrails.json too (the client sends it to the server)', async () => {
    const diagnostics = await lsp.open(uriOf('other/.kube-guardrails.json'), '{\n  "rules": { "container-cpu-limit-missing": "loud" }\n}\n');
    assert.equal(diagnostics.length, 1);
    assert.match(String(diagnostics[0]!.message), /"container-cpu-limit-missing" must be a severity/);
    assert.equal(diagnostics[0]!.range.start.line, 1);
    await lsp.client.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf('other/.kube-guardrails.json') } });
    await lsp.idle();
  });

  it('an unknown rule option is a diagnostic on its key', async () => {
    const diagnostics = await lsp.open(uriOf('options/.kube-guardrails.yaml'), 'rules:\n  probes-identical: [warning, {foo: 1}]\n');
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]), [[1, 31, 34]]);
    assert.match(String(diagnostics[0]!.message), /^rules\.probes-identical\[1\]\.foo: unknown option "foo" \(this rule takes no options\)/);
    await lsp.client.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf('options/.kube-guardrails.yaml') } });
    await lsp.idle();
  });

  it('two config files in one folder: each says so, and manifests there use neither', async () => {
    mkdirSync(path.join(dir, 'pair'));
    writeFileSync(path.join(dir, 'pair', '.kube-guardrails.json'), '{ "rules": { "container-cpu-limit-missing": "error" } }\n');
    const manifest = await lsp.open(uriOf('pair/app.yaml'), deployment('- name: app\n'));
    assert.equal(manifest.find((d) => d.code === 'container-cpu-limit-missing')?.severity, 1, 'one config file: it applies');
    // An open buffer counts as a config file in its folder, as it does for the lookup.
    const yaml = await lsp.open(uriOf('pair/.kube-guardrails.yaml'), 'rules:\n  container-cpu-limit-missing: hint\n');
    const conflict = /^\.kube-guardrails\.yaml and \.kube-guardrails\.json are both in this folder; keep one of them/;
    assert.deepEqual(yaml.map((d) => [d.range.start.line, d.range.start.character]), [[0, 0]]);
    assert.match(String(yaml[0]!.message), conflict);
    const json = await lsp.open(uriOf('pair/.kube-guardrails.json'), '{ "rules": { "container-cpu-limit-missing": "error" } }\n');
    assert.match(String(json[0]!.message), conflict);
    await lsp.idle();
    const latest = lsp.published.filter((p) => p.uri === uriOf('pair/app.yaml')).at(-1)!;
    assert.equal(latest.diagnostics.find((d) => d.code === 'container-cpu-limit-missing')?.severity, 3, 'the default severity: neither config applies');
    for (const file of ['pair/.kube-guardrails.yaml', 'pair/.kube-guardrails.json', 'pair/app.yaml']) await lsp.client.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(file) } });
    await lsp.idle();
  });
});
