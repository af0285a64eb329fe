// Test-only extension: once the workbench has started, runs the built e2e suite with mocha
// inside this extension host (code-server's, on the server side) and writes the results where
// the outer runner (test/e2e/run-code-server.ts) waits for them.
//
// Configuration (workspace setting first, then environment variable):
//   kgE2e.resultsFile / KG_E2E_RESULTS   results JSON; nothing runs when neither is set
//   kgE2e.suiteDir    / KG_E2E_SUITE_DIR  folder of built *.test.js files
//   kgE2e.mochaPath   / KG_E2E_MOCHA      mocha package folder to require
//   kgE2e.grep        / KG_E2E_GREP       only tests whose full title matches
//
// Files written next to the results file:
//   <results>.events   one JSON line per finished test, while the suite runs (progress)
//   <results>          the final report, written to a temp file and renamed (the "done" signal)
// Built with esbuild into .e2e/build/runner-extension/extension.js by run-code-server.ts.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vscode from 'vscode';

type State = 'passed' | 'failed' | 'skipped';
interface ErrorInfo {
  message: string;
  stack?: string | undefined;
  actual?: string | undefined;
  expected?: string | undefined;
}
interface Entry {
  fullTitle: string;
  title: string;
  file?: string | undefined;
  state: State;
  durationMs?: number | undefined;
  error?: ErrorInfo | undefined;
}
interface MochaTest {
  title: string;
  file?: string;
  duration?: number;
  fullTitle(): string;
}

function setting(key: string, envName: string): string {
  const fromSettings = vscode.workspace.getConfiguration('kgE2e').get<string>(key);
  if (typeof fromSettings === 'string' && fromSettings !== '') return fromSettings;
  return process.env[envName] || '';
}

function writeAtomically(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

function errorInfo(err: unknown): ErrorInfo | undefined {
  if (!err) return undefined;
  const e = err as { message?: unknown; stack?: unknown; actual?: unknown; expected?: unknown };
  return {
    message: String(e.message ?? err),
    stack: e.stack ? String(e.stack) : undefined,
    actual: e.actual !== undefined ? safeString(e.actual) : undefined,
    expected: e.expected !== undefined ? safeString(e.expected) : undefined,
  };
}

function safeString(v: unknown): string {
  try {
    return typeof v === 'string' ? v : JSON.stringify(v);
  } catch {
    return String(v);
  }
}

async function runSuite(resultsFile: string, output: vscode.OutputChannel): Promise<void> {
  const suiteDir = setting('suiteDir', 'KG_E2E_SUITE_DIR');
  const mochaPath = setting('mochaPath', 'KG_E2E_MOCHA') || 'mocha';
  const grep = setting('grep', 'KG_E2E_GREP');
  const eventsFile = `${resultsFile}.events`;
  const report: {
    startedAt: string;
    finishedAt?: string;
    editor: { appName: string; version: string; remoteName: string | null };
    workspace: string[];
    fatal?: ErrorInfo | undefined;
    stats: { passed: number; failed: number; skipped: number };
    tests: Entry[];
  } = {
    startedAt: new Date().toISOString(),
    editor: { appName: vscode.env.appName, version: vscode.version, remoteName: vscode.env.remoteName ?? null },
    workspace: vscode.workspace.workspaceFolders?.map((f) => f.uri.fsPath) ?? [],
    stats: { passed: 0, failed: 0, skipped: 0 },
    tests: [],
  };
  fs.writeFileSync(eventsFile, '');
  const record = (entry: Entry): void => {
    report.tests.push(entry);
    fs.appendFileSync(eventsFile, `${JSON.stringify(entry)}\n`);
    output.appendLine(`${entry.state.padEnd(7)} ${entry.fullTitle}${entry.error ? ` — ${entry.error.message}` : ''}`);
  };

  try {
    if (!suiteDir) throw new Error('no suite folder: set kgE2e.suiteDir or KG_E2E_SUITE_DIR');
    const files = fs
      .readdirSync(suiteDir)
      .filter((f) => f.endsWith('.test.js'))
      .sort()
      .map((f) => path.join(suiteDir, f));
    if (files.length === 0) throw new Error(`no *.test.js files in ${suiteDir}`);
    // Loaded at run time from the repository (or $KG_E2E_MOCHA), not bundled.
    const Mocha = createRequire(__filename)(mochaPath) as typeof import('mocha');
    const mocha = new Mocha({
      ui: 'tdd',
      reporter: 'base', // quiet: we collect events ourselves
      timeout: Number(process.env.KG_E2E_TEST_TIMEOUT_MS || 120000),
      ...(grep ? { grep } : {}),
    });
    for (const f of files) mocha.addFile(f);
    output.appendLine(`running ${files.length} file(s) from ${suiteDir} with ${mochaPath}`);

    await new Promise<void>((resolve, reject) => {
      let runner: Mocha.Runner;
      try {
        runner = mocha.run(() => resolve());
      } catch (err) {
        reject(err);
        return;
      }
      const base = (t: MochaTest) => ({ fullTitle: t.fullTitle(), title: t.title, file: t.file && path.basename(t.file) });
      runner.on('pass', (t: MochaTest) =>
        record({ ...base(t), state: 'passed', durationMs: t.duration }),
      );
      runner.on('fail', (t: MochaTest, err: unknown) =>
        record({
          ...base(t),
          state: 'failed',
          durationMs: t.duration,
          error: errorInfo(err),
        }),
      );
      runner.on('pending', (t: MochaTest) => record({ ...base(t), state: 'skipped' }));
    });
  } catch (err) {
    report.fatal = errorInfo(err);
    output.appendLine(`fatal: ${(err as Error)?.stack ?? String(err)}`);
  }
  for (const t of report.tests) {
    if (t.state === 'passed') report.stats.passed++;
    else if (t.state === 'failed') report.stats.failed++;
    else report.stats.skipped++;
  }
  report.finishedAt = new Date().toISOString();
  writeAtomically(resultsFile, JSON.stringify(report, null, 2));
  output.appendLine(`done: ${report.stats.passed} passed, ${report.stats.failed} failed, ${report.stats.skipped} skipped`);
}

let started = false;

export function activate(context: vscode.ExtensionContext): void {
  const resultsFile = setting('resultsFile', 'KG_E2E_RESULTS');
  if (!resultsFile || started) return;
  // The same editor later opens another folder for the UI walk-through; never run twice.
  if (fs.existsSync(resultsFile) || fs.existsSync(`${resultsFile}.events`)) return;
  started = true;
  const output = vscode.window.createOutputChannel('kube-guardrails e2e');
  context.subscriptions.push(output);
  // Let activate() return first; the suite itself waits for what it needs.
  setTimeout(() => {
    runSuite(resultsFile, output).catch((err) => {
      try {
        writeAtomically(resultsFile, JSON.stringify({ fatal: errorInfo(err), tests: [], stats: { passed: 0, failed: 0, skipped: 0 } }));
      } catch {
        // nothing left to report to
      }
    });
  }, 0);
}

export function deactivate(): void {
  // nothing to clean up: the outer runner stops code-server
}
