/**
 * Entry point for @vscode/test-electron (`extensionTestsPath`): runs every built *.test.js next
 * to this file with mocha (TDD interface) inside the extension host. The code-server runner
 * does not use this file; its runner extension (test/e2e/runner-extension) loads the same
 * test files itself and writes results JSON.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type MochaType from 'mocha';

export function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

export async function run(): Promise<void> {
  // Resolved at run time from the repository's node_modules (not bundled).
  const Mocha = createRequire(__filename)('mocha') as typeof MochaType;
  const mocha = new Mocha({
    ui: 'tdd',
    color: true,
    timeout: Number(process.env['KG_E2E_TEST_TIMEOUT_MS'] ?? 120_000),
    ...(process.env['KG_E2E_GREP'] ? { grep: process.env['KG_E2E_GREP'] } : {}),
  });
  for (const f of testFiles(__dirname)) mocha.addFile(f);
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      const runner = mocha.run((n) => {
        const s = runner.stats;
        if (s) console.log(`\n${s.passes} passed, ${s.failures} failed${s.pending ? `, ${s.pending} skipped` : ''}`);
        resolve(n);
      });
    } catch (err) {
      reject(err);
    }
  });
  if (failures > 0) throw new Error(`${failures} e2e test(s) failed`);
}
