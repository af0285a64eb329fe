/**
 * Restricted Mode: which settings an untrusted workspace may not set. Every setting is sorted into
 * restricted (it widens what the extension reads or runs) or allowed, with the reason, so a new
 * setting fails here until someone decides.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/rules/index';
import { withRuleSettings } from '../../scripts/lib/render-docs';

const root = path.resolve(__dirname, '../..');
const text = readFileSync(path.join(root, 'package.json'), 'utf8');

interface Manifest {
  capabilities: { untrustedWorkspaces: { supported: unknown; description?: string; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, unknown> } };
}

const RESTRICTED = {
  'kubeGuardrails.maxFileSize': 'raising it makes the server read and parse larger files',
  'kubeGuardrails.exclude': 'setting it replaces the default list, so [] makes the scan read node_modules and .git',
};
const ALLOWED = {
  'kubeGuardrails.rules': 'severities only: changes what is reported',
  'kubeGuardrails.defaults': 'quantities that fixes insert, validated, applied only when the user accepts a fix',
  'kubeGuardrails.kubernetesVersion': 'which API versions are reported',
  'kubeGuardrails.trace.server': 'logs the traffic to the output channel; reads nothing more',
};

describe('untrusted workspaces', () => {
  const manifest = JSON.parse(text) as Manifest;
  const trust = manifest.capabilities.untrustedWorkspaces;

  it('restricts exactly the settings that widen what is read or run', () => {
    // VS Code honours restrictedConfigurations only with supported: "limited", which needs a description.
    assert.equal(trust.supported, 'limited');
    assert.ok(trust.description && trust.description.length > 0);
    assert.deepEqual(trust.restrictedConfigurations, Object.keys(RESTRICTED));
  });

  it('lists only declared settings, and every declared setting is decided', () => {
    const declared = Object.keys(manifest.contributes.configuration.properties);
    for (const key of trust.restrictedConfigurations ?? []) assert.ok(declared.includes(key), `${key} is not in contributes.configuration`);
    assert.deepEqual([...declared].sort(), [...Object.keys(RESTRICTED), ...Object.keys(ALLOWED)].sort(), 'a new setting must be listed in RESTRICTED or ALLOWED');
  });

  it('survives npm run docs (the generator rewrites package.json)', () => {
    const regenerated = JSON.parse(withRuleSettings(text, RULES)) as Manifest;
    assert.deepEqual(regenerated.capabilities, manifest.capabilities);
  });
});
