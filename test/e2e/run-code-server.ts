/**
 * `npm run test:e2e` — runs the extension-host suite (test/e2e/suite) inside code-server, which is
 * VS Code (web) from npm, driven by Debian's headless Chromium; then walks through the UI like a
 * person (squiggle, hover, quick fix, Problems panel) and takes screenshots.
 *
 * Steps: install code-server (cached) → build the suite → package (or reuse $KG_VSIX) the
 * extension → fresh user-data/extensions dirs → install our vsix + the runner extension → start
 * code-server on 127.0.0.1:<free port> → open the workspace copy in Chromium (the extension host
 * starts only when a browser connects) → wait for the results file → UI walk-through → report.
 *
 * Environment: see test/e2e/README.md.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { build as esbuild } from 'esbuild';
import { buildSuite } from './lib/build';
import {
  BUILD_DIR,
  CODE_SERVER_BIN,
  E2E_DIR,
  LAST_METRICS_FILE,
  INSTALL_SCRIPT,
  REPO_ROOT,
  RUNNER_EXT_SRC,
  SUITE_OUT,
  WORKSPACE_SRC,
} from './lib/paths';
import { onSignalsStop, runStep, startGroup, stopAll } from './lib/proc';
import { walkThrough, type UiResult } from './ui-walkthrough';

const env = process.env;
const CHROMIUM = env['KG_CHROMIUM'] ?? '/usr/bin/chromium';
const SUITE_TIMEOUT_MS = Number(env['KG_E2E_TIMEOUT_S'] ?? 420) * 1000;
// The UI walk-through is skipped when only some tests are selected, unless asked for.
const RUN_UI = env['KG_E2E_UI'] ? env['KG_E2E_UI'] !== '0' : !env['KG_E2E_GREP'];
const KEEP = env['KG_E2E_KEEP'] === '1';
const SCREENSHOT_DIR = env['KG_SCREENSHOTS'] === '1' ? path.join(REPO_ROOT, 'docs', 'images') : path.join(E2E_DIR, 'screenshots');

interface TestEntry {
  fullTitle: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs?: number;
  error?: { message: string; stack?: string };
}
interface Report {
  fatal?: { message: string; stack?: string };
  editor?: { appName: string; version: string };
  tests: TestEntry[];
}

const timings: [string, number][] = [];
async function timed<T>(label: string, fn: () => T | Promise<T>): Promise<T> {
  const t0 = Date.now();
  try {
    return await fn();
  } finally {
    timings.push([label, Date.now() - t0]);
  }
}
const log = (msg: string) => console.log(`[e2e] ${msg}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2_000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

async function until<T>(what: string, timeoutMs: number, probe: () => T | undefined | Promise<T | undefined>, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

function copyDir(from: string, to: string): void {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function readPackageJson(): { scripts?: Record<string, string> } {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
}

/** The vsix under test: $KG_VSIX, or a fresh `vsce package` of the working tree. */
function packageExtension(): string {
  if (env['KG_VSIX']) {
    const vsix = path.resolve(env['KG_VSIX']);
    if (!fs.existsSync(vsix)) throw new Error(`KG_VSIX=${vsix} does not exist`);
    log(`using KG_VSIX=${vsix}`);
    return vsix;
  }
  const scripts = readPackageJson().scripts ?? {};
  if (!scripts['vscode:prepublish']) {
    const buildScript = scripts['build:prod'] ? 'build:prod' : scripts['build'] ? 'build' : undefined;
    if (!buildScript) throw new Error('package.json has no build script; cannot build the extension (or set KG_VSIX)');
    runStep(`npm run ${buildScript}`, 'npm', ['run', buildScript, '--silent'], { cwd: REPO_ROOT, quiet: true });
  }
  const vsix = path.join(E2E_DIR, 'kube-guardrails.vsix');
  fs.rmSync(vsix, { force: true });
  runStep('vsce package', 'npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '-o', vsix], { cwd: REPO_ROOT, quiet: true });
  return vsix;
}

/** The test-runner extension: test/e2e/runner-extension built with esbuild, then packaged. */
async function packageRunnerExtension(): Promise<string> {
  const stage = path.join(BUILD_DIR, 'runner-extension');
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  fs.copyFileSync(path.join(RUNNER_EXT_SRC, 'package.json'), path.join(stage, 'package.json'));
  await esbuild({
    entryPoints: [path.join(RUNNER_EXT_SRC, 'extension.ts')],
    outfile: path.join(stage, 'extension.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  fs.writeFileSync(path.join(stage, 'LICENSE'), 'MIT (test-only extension of kube-guardrails)\n');
  if (!fs.existsSync(path.join(stage, 'README.md'))) fs.writeFileSync(path.join(stage, 'README.md'), '# e2e runner\n\nTest-only.\n');
  const vsix = path.join(BUILD_DIR, 'e2e-runner.vsix');
  fs.rmSync(vsix, { force: true });
  const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  runStep('vsce package (runner extension)', vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], {
    cwd: stage,
    quiet: true,
  });
  return vsix;
}

/** The assertion message, then the first few stack frames (the stack repeats the message). */
function formatError(e: { message: string; stack?: string }): string {
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 4);
  return [e.message, ...frames.map((f) => f.trim())].join('\n');
}

function tail(file: string, lines: number): string {
  try {
    const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
    const all = fs.readFileSync(file, 'utf8').replace(ansi, '').split('\n');
    const cut = all.length > lines ? [`… (${all.length - lines} earlier lines in ${file})`] : [];
    return [...cut, ...all.slice(-lines)].join('\n');
  } catch (err) {
    return `(cannot read ${file}: ${(err as Error).message})`;
  }
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

function printLogs(runDir: string, userData: string): void {
  const section = (title: string, body: string) => console.log(`\n===== ${title} =====\n${body}`);
  section('code-server log', tail(path.join(runDir, 'code-server.log'), 150));
  const logs = walk(path.join(userData, 'logs'));
  const exthost = logs.filter((f) => /exthost\d*[\\/](remoteexthost|exthost)\.log$/.test(f) || /remoteexthost\.log$/.test(f));
  for (const f of exthost) section(`extension host log: ${path.relative(runDir, f)}`, tail(f, 150));
  const ours = logs.filter((f) => /Kube Guardrails\.log$/i.test(f) || /kube-guardrails e2e\.log$/i.test(f));
  for (const f of ours) section(`output channel: ${path.relative(runDir, f)}`, tail(f, 200));
  if (exthost.length === 0 && ours.length === 0) {
    section('log files under user-data/logs', logs.map((f) => path.relative(userData, f)).join('\n') || '(none)');
  }
  const consoleLog = path.join(runDir, 'browser-console.log');
  if (fs.existsSync(consoleLog)) section('browser console (errors)', tail(consoleLog, 60));
}

/** Files of the workspace copy that differ from the fixtures (the settings file from what we wrote). */
function changedFixtures(src: string, copy: string, settings: Record<string, unknown>): string[] {
  const changed: string[] = [];
  const rel = (f: string, root: string) => path.relative(root, f);
  const srcFiles = new Set(walk(src).map((f) => rel(f, src)));
  const settingsRel = path.join('.vscode', 'settings.json');
  for (const f of walk(copy).map((f) => rel(f, copy))) {
    if (f === settingsRel) {
      let now: unknown;
      try {
        now = JSON.parse(fs.readFileSync(path.join(copy, f), 'utf8'));
      } catch {
        now = fs.readFileSync(path.join(copy, f), 'utf8');
      }
      if (JSON.stringify(now) !== JSON.stringify(settings)) changed.push(`${f}: ${JSON.stringify(now)}`);
    } else if (!srcFiles.has(f)) changed.push(`${f} (new file)`);
    else if (!fs.readFileSync(path.join(copy, f)).equals(fs.readFileSync(path.join(src, f)))) changed.push(f);
    srcFiles.delete(f);
  }
  for (const f of srcFiles) changed.push(`${f} (deleted)`);
  return changed;
}

function pruneOldRuns(runsDir: string, keep: number): void {
  if (!fs.existsSync(runsDir)) return;
  const dirs = fs.readdirSync(runsDir).sort();
  for (const d of dirs.slice(0, Math.max(0, dirs.length - keep))) fs.rmSync(path.join(runsDir, d), { recursive: true, force: true });
}

async function startChromium(profileDir: string): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (scripts/e2e/install-code-server.sh does), or set KG_CHROMIUM`);
  }
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-breakpad',
    '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0',
    `--user-data-dir=${profileDir}`,
    '--window-size=1440,900',
    'about:blank',
  ];
  // Started by us (own process group) so it is stopped by pid like code-server; playwright attaches over CDP.
  const proc = startGroup('chromium', CHROMIUM, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 100_000) stderr += chunk.toString();
  });
  const endpoint = await until('the Chromium DevTools endpoint', 30_000, () => {
    if (proc.exited) throw new Error(`chromium exited early:\n${stderr}`);
    return /DevTools listening on (ws:\/\/\S+)/.exec(stderr)?.[1];
  }, 100);
  return chromium.connectOverCDP(endpoint);
}

async function main(): Promise<number> {
  const t0 = Date.now();
  fs.mkdirSync(E2E_DIR, { recursive: true });

  await timed('install code-server', () => runStep('code-server install', 'bash', [INSTALL_SCRIPT], { cwd: REPO_ROOT }));
  const testFiles = await timed('build suite', () => buildSuite());
  log(`built ${testFiles.length} test file(s) into ${path.relative(REPO_ROOT, SUITE_OUT)}`);
  if (testFiles.length === 0) throw new Error('no test files built');
  const vsix = await timed('package extension', packageExtension);
  const runnerVsix = await timed('package runner extension', packageRunnerExtension);

  const runsDir = path.join(E2E_DIR, 'runs');
  pruneOldRuns(runsDir, 3);
  const runDir = path.join(runsDir, new Date().toISOString().replace(/[:.]/g, '-'));
  const userData = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  const suiteWs = path.join(runDir, 'workspace');
  const uiWs = path.join(runDir, 'ui-workspace');
  const resultsFile = path.join(runDir, 'results.json');
  fs.mkdirSync(runDir, { recursive: true });
  log(`run folder: ${path.relative(REPO_ROOT, runDir)}`);

  // Quiet, deterministic editor.
  writeJson(path.join(userData, 'User', 'settings.json'), {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'files.autoSave': 'off',
    'editor.hover.delay': 300,
    'chat.commandCenter.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  });
  copyDir(WORKSPACE_SRC, suiteWs);
  copyDir(WORKSPACE_SRC, uiWs);
  const suiteSettings = {
    'kgE2e.resultsFile': resultsFile,
    'kgE2e.suiteDir': SUITE_OUT,
    'kgE2e.mochaPath': path.join(REPO_ROOT, 'node_modules', 'mocha'),
    'kgE2e.grep': env['KG_E2E_GREP'] ?? '',
  };
  if (fs.existsSync(path.join(WORKSPACE_SRC, '.vscode', 'settings.json'))) {
    throw new Error('test/e2e/workspace/.vscode/settings.json must not exist: the runner writes its own');
  }
  writeJson(path.join(suiteWs, '.vscode', 'settings.json'), suiteSettings);

  const csEnv: NodeJS.ProcessEnv = {
    ...env,
    // Keep code-server's own config/state out of $HOME.
    XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'),
    KG_E2E_TEST_TIMEOUT_MS: env['KG_E2E_TEST_TIMEOUT_MS'] ?? '120000',
  };
  delete csEnv['VSCODE_IPC_HOOK_CLI'];
  delete csEnv['NODE_OPTIONS'];
  const common = ['--user-data-dir', userData, '--extensions-dir', extensionsDir];

  await timed('install extensions', () =>
    runStep('install extensions', CODE_SERVER_BIN, [...common, '--install-extension', vsix, '--install-extension', runnerVsix], {
      cwd: runDir,
      env: csEnv,
    }),
  );

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const csLog = fs.openSync(path.join(runDir, 'code-server.log'), 'a');
  const server = startGroup(
    'code-server',
    CODE_SERVER_BIN,
    [
      ...common,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--log',
      env['KG_E2E_LOG'] ?? 'info',
    ],
    { cwd: runDir, env: csEnv, stdio: ['ignore', csLog, csLog] },
  );

  let browser: Browser | undefined;
  const results: { name: string; state: TestEntry['state']; ms?: number; error?: string }[] = [];
  let fatal: string | undefined;
  try {
    await timed('start code-server', () =>
      until(`code-server on ${base}`, 60_000, async () => {
        if (server.exited) throw new Error('code-server exited during start-up (see log below)');
        return (await httpStatus(`${base}/healthz`)) === 200 ? true : undefined;
      }),
    );
    log(`code-server ${base} (pid ${server.child.pid})`);

    browser = await timed('start chromium', () => startChromium(path.join(runDir, 'chromium-profile')));
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page: Page = await context.newPage();
    const consoleLog = fs.createWriteStream(path.join(runDir, 'browser-console.log'));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleLog.write(`[${m.type()}] ${m.text()}\n`);
    });
    page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.message}\n`));

    const eventsFile = `${resultsFile}.events`;
    const seen: TestEntry[] = [];
    const report = await timed('extension-host suite', async () => {
      await page.goto(`${base}/?folder=${encodeURIComponent(suiteWs)}`, { waitUntil: 'domcontentloaded' });
      return until<Report>('the suite results', SUITE_TIMEOUT_MS, () => {
        if (server.exited) throw new Error('code-server exited while the suite was running');
        if (fs.existsSync(eventsFile)) {
          const lines = fs.readFileSync(eventsFile, 'utf8').split('\n').filter(Boolean);
          for (const line of lines.slice(seen.length)) {
            const e = JSON.parse(line) as TestEntry;
            seen.push(e);
            log(`  ${e.state === 'passed' ? 'ok  ' : e.state === 'failed' ? 'FAIL' : 'skip'} ${e.fullTitle}`);
          }
        }
        if (!fs.existsSync(resultsFile)) return undefined;
        return JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Report;
      }, 250);
    }).catch((err: Error): Report => {
      // Timed out or the server died: report what did finish, and fail.
      const started = fs.existsSync(eventsFile) ? '' : ' (no test had started: the extension-host log below shows whether the runner extension activated)';
      return { fatal: { message: `${err.message}${started}` }, tests: seen };
    });
    if (report.editor) log(`ran in ${report.editor.appName} ${report.editor.version}`);
    if (report.fatal) fatal = `suite did not complete: ${report.fatal.message}${report.fatal.stack ? `\n${report.fatal.stack}` : ''}`;
    for (const t of report.tests) {
      results.push({
        name: t.fullTitle,
        state: t.state,
        ...(t.durationMs === undefined ? {} : { ms: t.durationMs }),
        ...(t.error ? { error: formatError(t.error) } : {}),
      });
    }

    if (report.tests.length > 0) {
      const leftovers = changedFixtures(WORKSPACE_SRC, suiteWs, suiteSettings);
      results.push({
        name: 'the suite restored every fixture file and setting',
        state: leftovers.length === 0 ? 'passed' : 'failed',
        ...(leftovers.length ? { error: `changed after the suite:\n${leftovers.join('\n')}` } : {}),
      });
    }

    if (RUN_UI && !fatal) {
      const ui: UiResult[] = await timed('UI walk-through', () =>
        walkThrough({ page, baseUrl: base, workspace: uiWs, screenshotDir: SCREENSHOT_DIR, debugDir: runDir, log }),
      );
      for (const r of ui) results.push({ name: `ui: ${r.name}`, state: r.state, ms: r.ms, ...(r.error ? { error: r.error } : {}) });
      log(`screenshots in ${path.relative(REPO_ROOT, SCREENSHOT_DIR)}`);
    }
  } catch (err) {
    fatal = (err as Error).stack ?? String(err);
  } finally {
    await browser?.close().catch(() => undefined);
    await stopAll();
    fs.closeSync(csLog);
  }

  const passed = results.filter((r) => r.state === 'passed').length;
  const failed = results.filter((r) => r.state === 'failed').length;
  const skipped = results.filter((r) => r.state === 'skipped').length;

  console.log('\nResults');
  for (const r of results) {
    const mark = r.state === 'passed' ? '✓' : r.state === 'failed' ? '✗' : '-';
    console.log(`  ${mark} ${r.name}${r.ms !== undefined ? ` (${r.ms} ms)` : ''}`);
    if (r.error) console.log(r.error.replace(/^/gm, '        '));
  }
  const metricsFile = `${resultsFile}.metrics.json`;
  if (fs.existsSync(metricsFile)) {
    const m = JSON.parse(fs.readFileSync(metricsFile, 'utf8')) as Record<string, number>;
    // Kept after the run folder is removed: `npm run bench` reports the newest figures.
    fs.writeFileSync(LAST_METRICS_FILE, JSON.stringify({ ...m, run: path.basename(runDir) }, null, 2));
    const ms = (key: string) => (typeof m[key] === 'number' ? `${m[key]!.toFixed(1)} ms` : 'n/a');
    console.log(`\n[e2e] metrics: activate() ${ms('activationMs')}; language server ready ${ms('serverReadyMs')} after activation began; file open → first diagnostic ${ms('openToFirstDiagnosticMs')}`);
  }
  console.log('\nTimings');
  for (const [label, ms] of timings) console.log(`  ${label.padEnd(26)} ${(ms / 1000).toFixed(1)}s`);
  console.log(`  ${'total'.padEnd(26)} ${((Date.now() - t0) / 1000).toFixed(1)}s`);

  if (!fatal && passed + failed === 0) fatal = 'no test ran';
  const ok = !fatal && failed === 0 && passed > 0;
  if (!ok) {
    if (fatal) console.log(`\n[e2e] ERROR: ${fatal}`);
    printLogs(runDir, userData);
    console.log(`\n[e2e] everything from this run is kept in ${runDir}`);
  } else if (!KEEP) {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
  console.log(`\n${passed} passed, ${failed + (fatal ? 1 : 0)} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return ok ? 0 : 1;
}

onSignalsStop(() => stopAll(3_000));
main().then(
  (code) => process.exit(code),
  async (err) => {
    console.error(`[e2e] ERROR: ${(err as Error).stack ?? err}`);
    await stopAll();
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  },
);
