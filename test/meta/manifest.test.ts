import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/rules/index';
import { DEFAULT_EXCLUDE } from '../../server/src/lsp/settings';
import { CONFIG_SCHEMA_FILE, renderConfigSchema } from '../../scripts/lib/config-schema';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it('lists every rule id, with its default severity, in the kubeGuardrails.rules setting', () => {
    const properties = manifest.contributes.configuration.properties['kubeGuardrails.rules'].properties;
    assert.deepEqual(Object.keys(properties).sort(), RULES.map((r) => r.meta.id).sort());
    for (const rule of RULES) assert.equal(properties[rule.meta.id].default, rule.meta.defaultSeverity);
  });

  it('declares kubeGuardrails.exclude with the default the server uses', () => {
    const exclude = manifest.contributes.configuration.properties['kubeGuardrails.exclude'];
    assert.ok(exclude, 'kubeGuardrails.exclude must be declared in contributes.configuration');
    assert.equal(exclude.type, 'array');
    assert.equal(exclude.items.type, 'string');
    assert.equal(exclude.scope, 'resource');
    assert.deepEqual(exclude.default, DEFAULT_EXCLUDE);
    assert.ok(exclude.markdownDescription ?? exclude.description);
  });

  it('documents every declared setting in the README', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const name of Object.keys(manifest.contributes.configuration.properties)) assert.ok(readme.includes(`\`${name}\``), `README.md does not mention ${name}`);
  });

  it('has the bundle entry points named by the contracts', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.bin['kube-guardrails'], './dist/cli.js');
    assert.ok(manifest.activationEvents.includes('onLanguage:yaml'));
    assert.match(manifest.scripts['build:server'], /server=server\/src\/main\.ts/);
  });

  it('ships the config-file schema, generated from the rule metadata and contributed for completion', () => {
    const schema = JSON.parse(readFileSync(path.join(root, CONFIG_SCHEMA_FILE), 'utf8'));
    assert.equal(`${JSON.stringify(schema, null, 2)}\n`, renderConfigSchema(RULES), 'schemas/config.schema.json is stale; run npm run docs');
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(Object.keys(schema.definitions.rules.properties), RULES.map((r) => r.meta.id).sort());
    const url = `./${CONFIG_SCHEMA_FILE}`;
    assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: ['.kube-guardrails.yaml', '.kube-guardrails.yml'], url }]);
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.kube-guardrails.json', url }]);
  });

  it('keeps generated docs, the README table and settings up to date (npm run docs)', () => {
    // Runs the generator in check mode: it exits non-zero and names the stale files.
    execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/generate-docs.ts'), '--check'], { cwd: root, stdio: 'pipe' });
  });
});
