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
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

function setting(key, envName) {
  const fromSettings = vscode.workspace.getConfiguration('kgE2e').get(key);
  if (typeof fromSettings === 'string' && fromSettings !== '') return fromSettings;
  return process.env[envName] || '';
}

function writeAtomically(file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

function errorInfo(err) {
  if (!err) return undefined;
  return {
    message: String(err.message || err),
    stack: err.stack ? String(err.stack) : undefined,
    actual: err.actual !== undefined ? safeString(err.actual) : undefined,
    expected: err.expected !== undefined ? safeString(err.expected) : undefined,
  };
}

function safeString(v) {
  try {
    return typeof v === 'string' ? v : JSON.stringify(v);
  } catch {
    return String(v);
  }
}

async function runSuite(resultsFile, output) {
  const suiteDir = setting('suiteDir', 'KG_E2E_SUITE_DIR');
  const mochaPath = setting('mochaPath', 'KG_E2E_MOCHA') || 'mocha';
  const grep = setting('grep', 'KG_E2E_GREP');
  const eventsFile = `${resultsFile}.events`;
  const report = {
    startedAt: new Date().toISOString(),
    finishedAt: undefined,
    editor: { appName: vscode.env.appName, version: vscode.version, remoteName: vscode.env.remoteName ?? null },
    workspace: vscode.workspace.workspaceFolders?.map((f) => f.uri.fsPath) ?? [],
    fatal: undefined,
    stats: { passed: 0, failed: 0, skipped: 0 },
    tests: [],
  };
  fs.writeFileSync(eventsFile, '');
  const record = (entry) => {
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
    const Mocha = require(mochaPath);
    const mocha = new Mocha({
      ui: 'tdd',
      reporter: 'base', // quiet: we collect events ourselves
      timeout: Number(process.env.KG_E2E_TEST_TIMEOUT_MS || 120000),
      ...(grep ? { grep } : {}),
    });
    for (const f of files) mocha.addFile(f);
    output.appendLine(`running ${files.length} file(s) from ${suiteDir} with ${mochaPath}`);

    await new Promise((resolve, reject) => {
      let runner;
      try {
        runner = mocha.run(() => resolve());
      } catch (err) {
        reject(err);
        return;
      }
      runner.on('pass', (t) =>
        record({ fullTitle: t.fullTitle(), title: t.title, file: t.file && path.basename(t.file), state: 'passed', durationMs: t.duration }),
      );
      runner.on('fail', (t, err) =>
        record({
          fullTitle: t.fullTitle(),
          title: t.title,
          file: t.file && path.basename(t.file),
          state: 'failed',
          durationMs: t.duration,
          error: errorInfo(err),
        }),
      );
      runner.on('pending', (t) =>
        record({ fullTitle: t.fullTitle(), title: t.title, file: t.file && path.basename(t.file), state: 'skipped' }),
      );
    });
  } catch (err) {
    report.fatal = errorInfo(err);
    output.appendLine(`fatal: ${err && err.stack ? err.stack : err}`);
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

function activate(context) {
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
        /* nothing left to report to */
      }
    });
  }, 0);
}

function deactivate() {}

module.exports = { activate, deactivate };
