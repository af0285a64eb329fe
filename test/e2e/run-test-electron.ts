/**
 * `npm run test:vscode` — runs the extension-host suite (test/e2e/suite) in desktop VS Code with
 * @vscode/test-electron, the ecosystem's standard runner. It needs a VS Code build: either
 * $VSCODE_EXECUTABLE (a local `code` binary / VS Code executable), or a download, which only works
 * where the VS Code update servers are reachable. Where neither is possible (as on our CI, which
 * reaches only npm and Debian), it fails fast with a clear message; use `npm run test:e2e`
 * (code-server) there.
 *
 * The extension under test is the working tree (extensionDevelopmentPath = repo root), so run
 * `npm run build` first (the npm script does).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { buildSuite } from './lib/build';
import { E2E_DIR, REPO_ROOT, SUITE_OUT, WORKSPACE_SRC } from './lib/paths';

const log = (msg: string) => console.log(`[test:vscode] ${msg}`);

async function resolveVSCode(): Promise<string> {
  const fromEnv = process.env['VSCODE_EXECUTABLE'];
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`VSCODE_EXECUTABLE=${fromEnv} does not exist`);
    log(`using VSCODE_EXECUTABLE=${fromEnv}`);
    return fromEnv;
  }
  const version = process.env['VSCODE_VERSION'] ?? 'stable';
  log(`VSCODE_EXECUTABLE is not set; downloading VS Code ${version} into .e2e/vscode-test …`);
  const timeout = Number(process.env['KG_VSCODE_DOWNLOAD_TIMEOUT_MS'] ?? 60_000);
  try {
    return await downloadAndUnzipVSCode({ version, cachePath: path.join(E2E_DIR, 'vscode-test'), timeout });
  } catch (err) {
    throw new Error(
      [
        `could not download VS Code (${(err as Error).message.split('\n')[0]}).`,
        'The VS Code download servers are not reachable from here (our CI machines reach only the npm registry and Debian).',
        'Either set VSCODE_EXECUTABLE=/path/to/VS Code executable, e.g. VSCODE_EXECUTABLE=/usr/share/code/code,',
        'or run the same suite in code-server, which installs from npm: npm run test:e2e',
      ].join('\n  '),
    );
  }
}

async function main(): Promise<number> {
  const distExtension = path.join(REPO_ROOT, 'dist', 'extension.js');
  if (!fs.existsSync(distExtension)) throw new Error(`${path.relative(REPO_ROOT, distExtension)} is missing: run npm run build first`);

  const files = await buildSuite();
  log(`built ${files.length} test file(s) into ${path.relative(REPO_ROOT, SUITE_OUT)}`);
  const vscodeExecutablePath = await resolveVSCode();

  // Fresh copies: the suite edits fixture files and workspace settings (and restores them).
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-test-electron-'));
  const workspace = path.join(runDir, 'workspace');
  fs.cpSync(WORKSPACE_SRC, workspace, { recursive: true });
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(SUITE_OUT, 'index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions stay off; the one under development still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        path.join(runDir, 'user-data'),
      ],
      extensionTestsEnv: {
        KG_E2E_TEST_TIMEOUT_MS: process.env['KG_E2E_TEST_TIMEOUT_MS'] ?? '120000',
        ...(process.env['KG_E2E_GREP'] ? { KG_E2E_GREP: process.env['KG_E2E_GREP'] } : {}),
      },
    });
    return 0;
  } catch (err) {
    console.error(`[test:vscode] ${(err as Error).message ?? err}`);
    return 1;
  } finally {
    if (process.env['KG_E2E_KEEP'] !== '1') fs.rmSync(runDir, { recursive: true, force: true });
    else log(`kept ${runDir}`);
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[test:vscode] ERROR: ${(err as Error).message ?? err}`);
    process.exit(1);
  },
);
