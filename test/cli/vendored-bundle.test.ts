/**
 * dist/cli.js is one self-contained file: the README suggests vendoring it into a repository, where
 * no schemas/ folder sits beside it. It used to read the schemas from ../schemas and, when missing,
 * print one line and lint without schema checks (exit 0 on a schema error).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../support/cli';

const CLI_BUNDLE = path.join(ROOT, 'dist', 'cli.js');

describe('vendored dist/cli.js', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-vendored-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps schema checks when copied alone into another folder', () => {
    assert.ok(existsSync(CLI_BUNDLE), `${CLI_BUNDLE} is missing: npm test builds it (npm run build:server)`);
    mkdirSync(path.join(dir, 'ci', 'bin'), { recursive: true });
    const vendored = path.join(dir, 'ci', 'bin', 'cli.js');
    copyFileSync(CLI_BUNDLE, vendored);
    const run = spawnSync(process.execPath, [vendored, '--format', 'json', 'examples/shop/worker.yaml'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(run.stderr, '');
    const findings = JSON.parse(run.stdout) as { ruleId: string; line: number }[];
    assert.ok(
      findings.some((f) => f.ruleId === 'schema-validation' && f.line === 20),
      run.stdout,
    );
    assert.equal(run.status, 1);
  });
});
