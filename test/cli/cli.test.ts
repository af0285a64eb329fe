import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { main, type CliIo } from '../../server/src/cli';

const root = path.resolve(__dirname, '../..');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd: root, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readFile: (f) => readFile(f, 'utf8'), schemasDir: path.join(root, 'schemas') };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('kube-guardrails CLI', () => {
  it('prints text findings as file:line:column severity message [rule-id] and exits 1 on errors', async () => {
    const { code, stdout } = await run(['test/fixtures/cli/broken-app.yaml']);
    assert.equal(code, 1);
    assert.equal(
      stdout,
      'test/fixtures/cli/broken-app.yaml:25:20 error The cpu limit 250m of container "app" is below its request 500m; the API will reject this. [container-limit-below-request]\n',
    );
  });

  it('prints the JSON array with 1-based positions', async () => {
    const { code, stdout } = await run(['--format', 'json', 'test/fixtures/cli/broken-app.yaml']);
    assert.equal(code, 1);
    assert.deepEqual(JSON.parse(stdout), [
      {
        file: 'test/fixtures/cli/broken-app.yaml',
        ruleId: 'container-limit-below-request',
        severity: 'error',
        message: 'The cpu limit 250m of container "app" is below its request 500m; the API will reject this.',
        line: 25,
        column: 20,
        endLine: 25,
        endColumn: 24,
      },
    ]);
  });

  it('recurses into directories and exits 0 when only warnings remain', async () => {
    const { code, stdout } = await run(['--rule', 'container-limit-below-request=warning', 'test/fixtures/cli']);
    assert.equal(code, 0);
    assert.match(stdout, /broken-app\.yaml:25:20 warning/);
    assert.doesNotMatch(stdout, /clean\.yaml/);
  });

  it('fails on too many warnings, and --quiet keeps errors only', async () => {
    assert.equal((await run(['--rule', 'container-limit-below-request=warning', '--max-warnings', '0', 'test/fixtures/cli'])).code, 1);
    const quiet = await run(['--quiet', '--rule', 'container-limit-below-request=warning', 'test/fixtures/cli']);
    assert.equal(quiet.stdout, '');
    assert.equal(quiet.code, 0);
  });

  it('exits 2 with a clear message for usage and I/O errors', async () => {
    const missing = await run(['no/such/dir']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no\/such\/dir: no such file or directory/);
    const badFlag = await run(['--format', 'xml', 'examples']);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.stderr, /--format must be one of text, json; got "xml"/);
    const badRule = await run(['--rule', 'not-a-rule=error', 'examples']);
    assert.equal(badRule.code, 2);
    assert.match(badRule.stderr, /Unknown rule "not-a-rule"/);
    assert.equal((await run([])).code, 2);
  });

  it('finds the mistakes planted in examples/', async () => {
    const { stdout } = await run(['--format', 'json', 'examples']);
    const ids = new Set((JSON.parse(stdout) as { ruleId: string }[]).map((f) => f.ruleId));
    for (const id of ['container-limit-below-request', 'container-heap-exceeds-memory-limit', 'invalid-quantity', 'container-memory-limit-missing', 'container-requests-missing']) {
      assert.ok(ids.has(id), `examples/ should show ${id}`);
    }
  });
});
