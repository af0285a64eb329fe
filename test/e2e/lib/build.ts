/** Bundles the extension-host suite (test/e2e/suite/*.ts) into .e2e/build/suite/ with esbuild. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { SUITE_OUT, SUITE_SRC } from './paths';

export async function buildSuite(outDir = SUITE_OUT): Promise<string[]> {
  const entries = fs
    .readdirSync(SUITE_SRC)
    .filter((f) => f.endsWith('.test.ts') || f === 'index.ts')
    .map((f) => path.join(SUITE_SRC, f));
  fs.rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints: entries,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // `vscode` is provided by the extension host; mocha is loaded by the runner.
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return fs.readdirSync(outDir).filter((f) => f.endsWith('.test.js')).sort();
}
