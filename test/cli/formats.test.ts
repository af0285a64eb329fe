/**
 * Golden outputs for every --format, plus SARIF validated against the subset of SARIF 2.1.0 that
 * GitHub code scanning reads. Regenerate the goldens with UPDATE_GOLDEN=1 after an intended change;
 * a missing golden fails without it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { escapeData, escapeProperty } from '../../server/src/cli/format-github';
import { RULES } from '../../server/src/rules/index';
import { ruleDocsUrl } from '../../server/src/rules/docs-url';
import { ROOT, runCli } from '../support/cli';
import { checkGolden } from '../support/golden';

const INPUT = 'test/fixtures/cli/golden-input';
const GOLDEN = path.join(ROOT, 'test/fixtures/cli/golden');

function golden(name: string, actual: string): void {
  checkGolden(path.join(GOLDEN, name), actual);
}

interface SarifLog {
  runs: { tool: { driver: { rules: { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } }; results: { ruleId: string; ruleIndex: number }[] }[];
}

/** The driver's rule list grows with every new rule: checked against the registry, kept out of the golden. */
function withoutRuleList(sarif: SarifLog): unknown {
  const copy = structuredClone(sarif);
  const run = copy.runs[0]!;
  (run.tool.driver as { rules: unknown }).rules = '<one entry per rule, checked below>';
  for (const result of run.results) (result as { ruleIndex: unknown }).ruleIndex = '<index>';
  return copy;
}

describe('CLI output formats (goldens)', () => {
  it('text: grouped by file, code frames, summary line, no colours when not a TTY', async () => {
    const { code, stdout } = await runCli([INPUT]);
    assert.equal(code, 1);
    golden('text.txt', stdout);
    assert.match(stdout, /\n\d+ errors, \d+ warnings, \d+ infos in 2 files\n$/);
    assert.doesNotMatch(stdout, /\u001b\[/);
  });

  it('text: colours on a TTY, none when NO_COLOR is set', async () => {
    const colored = await runCli([INPUT], { isTTY: true });
    golden('text-color.txt', colored.stdout);
    assert.match(colored.stdout, /\u001b\[31merror\u001b\[0m/);
    const plain = await runCli([INPUT], { isTTY: true, env: { NO_COLOR: '1' } });
    assert.equal(plain.stdout, (await runCli([INPUT])).stdout);
  });

  it('json: the finding fields, plus fixes as 1-based edits', async () => {
    const { code, stdout } = await runCli(['--format', 'json', INPUT]);
    assert.equal(code, 1);
    golden('json.json', stdout);
    const findings = JSON.parse(stdout) as Record<string, unknown>[];
    for (const finding of findings) {
      assert.deepEqual(Object.keys(finding), ['file', 'ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fixes']);
    }
    const memory = findings.find((f) => f.ruleId === 'container-memory-limit-missing') as { fixes: { kind: string; edits: { line: number; column: number; newText: string }[] }[] };
    assert.equal(memory.fixes[0]?.kind, 'safe');
    assert.ok(memory.fixes[0]!.edits[0]!.line >= 1 && memory.fixes[0]!.edits[0]!.column >= 1);
  });

  it('sarif: golden, rule metadata from the registry, valid for code scanning', async () => {
    const { code, stdout } = await runCli(['--format', 'sarif', INPUT]);
    assert.equal(code, 1);
    const sarif = JSON.parse(stdout) as SarifLog;
    golden('sarif.json', `${JSON.stringify(withoutRuleList(sarif), null, 2)}\n`);
    const run = sarif.runs[0]!;
    assert.deepEqual(run.tool.driver.rules.map((r) => r.id), RULES.map((r) => r.meta.id));
    for (const [i, rule] of RULES.entries()) {
      const entry = run.tool.driver.rules[i]!;
      assert.equal(entry.shortDescription.text, rule.meta.summary);
      assert.equal(entry.helpUri, ruleDocsUrl(rule.meta.id));
      assert.equal(entry.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[rule.meta.defaultSeverity]);
    }
    for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);

    const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/support/sarif-subset.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, formats: { uri: /^[a-z][a-z0-9+.-]*:\/\/\S+$/i } }).compile(schema);
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
    // The schema itself rejects what code scanning rejects.
    const broken = structuredClone(sarif) as unknown as { runs: { results: { locations: unknown[] }[] }[] };
    broken.runs[0]!.results[0]!.locations = [];
    assert.equal(validate(broken), false);
  });

  it('github: workflow commands with escaped properties and messages', async () => {
    const { code, stdout } = await runCli(['--format', 'github', INPUT]);
    assert.equal(code, 1);
    golden('github.txt', stdout);
    for (const line of stdout.trimEnd().split('\n')) {
      assert.match(line, /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::.+$/);
    }
    assert.equal(escapeProperty('a,b:c%d\r\ne'), 'a%2Cb%3Ac%25d%0D%0Ae');
    assert.equal(escapeData('50%, done:\nnext'), '50%25, done:%0Anext');
  });

  it('--fix-dry-run: a unified diff, nothing written', async () => {
    const before = readFileSync(path.join(ROOT, INPUT, 'app.yaml'), 'utf8');
    const { stdout } = await runCli(['--fix-dry-run', INPUT]);
    golden('fix-dry-run.diff', stdout);
    assert.match(stdout, /^--- a\/test\/fixtures\/cli\/golden-input\/app\.yaml\n\+\+\+ b\/test\/fixtures\/cli\/golden-input\/app\.yaml\n@@ /);
    assert.equal(readFileSync(path.join(ROOT, INPUT, 'app.yaml'), 'utf8'), before);
  });

  it('--list-rules: a table, or JSON with --format json', async () => {
    const table = await runCli(['--list-rules']);
    assert.equal(table.code, 0);
    assert.match(table.stdout, /^RULE\s+CATEGORY\s+DEFAULT\s+FIX\s+SUMMARY\n/);
    for (const rule of RULES) assert.match(table.stdout, new RegExp(`^${rule.meta.id} `, 'm'));
    const json = JSON.parse((await runCli(['--list-rules', '--format', 'json'])).stdout) as Record<string, unknown>[];
    assert.deepEqual(json.map((r) => r.id), RULES.map((r) => r.meta.id));
    const first = RULES[0]!.meta;
    assert.deepEqual(json[0], { id: first.id, category: first.category, defaultSeverity: first.defaultSeverity, fixable: first.fixable ?? null, summary: first.summary, docsUrl: ruleDocsUrl(first.id) });
  });
});
