/**
 * `npm run bench [-- <file|dir>...] [options]`: kube-guardrails' language server vs yaml-language-server
 * vs the `yaml` parse floor, plus CLI, .vsix and profile figures. See docs/benchmarks.md.
 *
 * Options: --profile (only profile our server on the largest input and print the hot functions),
 * --sizes 1k,10k,50k, --edits 30, --timeout 60 (s per wait), --no-yls, --no-cli, --no-package,
 * --no-profile, --out <file>, --seed <n>.
 */
import { spawn, execFileSync } from 'node:child_process';
import { promises as fs, existsSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runSession, type ServerSpec, type SessionResult } from './driver';
import { measureFloor } from './floor';
import { generateManifest } from './generate';
import { lineCount, loadInput } from './input';
import { formatProfile, summariseProfile } from './profile';
import { renderReport, type Extras, type Outcome, type SizeResult } from './report';
import { median, nowMs } from './stats';
import { writeYlsSchema } from './ylsschema';
import { LAST_METRICS_FILE } from '../../test/e2e/lib/paths';

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(ROOT, '.cache', 'bench');
const SCHEMA_FILE = path.join(CACHE, 'kubernetes-1.36.json');
const PROFILE_DIR = path.join(CACHE, 'profiles');
/** A private copy of the bundles, so that a rebuild by someone else mid-run does not change what is measured. */
const SNAPSHOT = path.join(CACHE, 'snapshot');
const SIZES: Record<string, number> = { '1k': 1000, '10k': 10000, '50k': 50000 };
const GAP_MS = 50;
/** Per server and input; yaml-language-server needs several seconds per edit on 50k lines. */
const EDIT_BUDGET_MS = 60_000;
const HARD_LIMIT_MS = 15 * 60 * 1000;

const log = (line: string) => process.stderr.write(`${line}\n`);
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function oursSpec(profile: boolean): ServerSpec {
  const prof = profile ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [];
  return {
    name: 'kube-guardrails',
    command: process.execPath,
    args: [...prof, path.join(SNAPSHOT, 'dist', 'server.js'), '--stdio'],
    cwd: ROOT,
    configuration: () => null, // defaults, as for a user with no kubeGuardrails settings
    settings: {},
    versioned: true,
  };
}

function ylsSpec(): ServerSpec {
  const yaml = {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemas: { [pathToFileURL(SCHEMA_FILE).href]: ['*.yaml', '*.yml'] },
    schemaStore: { enable: false, url: '' },
    kubernetesCRDStore: { enable: false },
  };
  return {
    name: 'yaml-language-server',
    command: process.execPath,
    args: [path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
    cwd: ROOT,
    configuration: (section) => (section === 'yaml' ? yaml : section === 'http' ? { proxy: '', proxyStrictSSL: false } : {}),
    settings: { yaml },
    versioned: false,
    awaitConfigurationSection: 'yaml',
  };
}

function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; ms: number; output: string }> {
  return new Promise((resolve, reject) => {
    const started = nowMs();
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
      reject(new Error(`${path.basename(command)} ${args.join(' ')} took longer than ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.once('error', (error) => { clearTimeout(timer); reject(error); });
    child.once('exit', (code) => { clearTimeout(timer); resolve({ code, ms: nowMs() - started, output }); });
  });
}

async function countYaml(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) n++;
  return n;
}

async function measureCli(): Promise<Extras['cli']> {
  const shared = path.resolve(ROOT, process.env.KG_SHARED ?? '../shared');
  const corpus = path.join(shared, 'corpus');
  if (!existsSync(corpus)) return { skipped: `${corpus} not found; set KG_SHARED to the folder holding corpus/` };
  try {
    const runsMs: number[] = [];
    let exitCode: number | null = null;
    for (let i = 0; i < 3; i++) {
      const result = await run(process.execPath, [path.join(SNAPSHOT, 'dist', 'cli.js'), corpus], 120_000);
      if (result.code !== 0 && result.code !== 1) throw new Error(`exit code ${result.code}: ${result.output.slice(-300)}`);
      exitCode = result.code;
      runsMs.push(result.ms);
    }
    return { runsMs, files: await countYaml(corpus), exitCode, path: path.relative(ROOT, corpus) };
  } catch (error) {
    return { error: errorText(error) };
  }
}

async function measureVsix(packageIt: boolean): Promise<Extras['vsix']> {
  const vsix = path.join(ROOT, 'kube-guardrails.vsix');
  if (packageIt) {
    log('packaging (npm run package), then restoring the development build (npm run build) …');
    try {
      const packed = await run('npm', ['run', 'package'], 300_000);
      if (packed.code !== 0) return { error: `npm run package exited ${packed.code}: ${packed.output.slice(-400)}` };
      return { bytes: statSync(vsix).size, rebuilt: true };
    } catch (error) {
      return { error: errorText(error) };
    } finally {
      const rebuilt = await run('npm', ['run', 'build'], 300_000).catch((error: unknown) => ({ code: -1, output: errorText(error) }));
      if (rebuilt.code !== 0) log(`warning: npm run build after packaging failed: ${rebuilt.output.slice(-300)}`);
    }
  }
  if (existsSync(vsix)) return { bytes: statSync(vsix).size, rebuilt: false };
  return { skipped: 'kube-guardrails.vsix absent and --no-package given' };
}

function machineInfo(): string[] {
  const cpus = os.cpus();
  let git = 'unknown';
  try {
    const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    git = `${rev}${dirty ? ' (working tree with uncommitted changes)' : ''}`;
  } catch {
    // not a git checkout
  }
  return [
    `CPU: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores (os.cpus)`,
    `Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `Node.js ${process.version}, ${os.type()} ${os.release()} ${os.arch()}`,
    `kube-guardrails commit ${git}; yaml-language-server 2.0.0`,
    `Load average at the end of the run: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} (1, 5, 15 min; other processes on the machine skew figures upward)`,
  ];
}

/** Copies dist/{server,cli}.js (+ maps) to .cache/bench/snapshot/dist, with schemas/ linked beside it as the bundles expect. */
async function snapshotDist(): Promise<void> {
  const dist = path.join(ROOT, 'dist');
  if (!existsSync(path.join(dist, 'server.js'))) throw new Error('dist/server.js is missing: run `npm run build` (npm run bench does)');
  const server = await fs.readFile(path.join(dist, 'server.js'), 'utf8');
  if (!server.trimEnd().endsWith('//# sourceMappingURL=server.js.map')) log('warning: dist/server.js is not the development build (no source map); was it rebuilt with build:prod meanwhile? Profiles will be hard to read.');
  await fs.rm(SNAPSHOT, { recursive: true, force: true });
  await fs.mkdir(path.join(SNAPSHOT, 'dist'), { recursive: true });
  for (const file of ['server.js', 'server.js.map', 'cli.js', 'cli.js.map']) {
    if (existsSync(path.join(dist, file))) await fs.copyFile(path.join(dist, file), path.join(SNAPSHOT, 'dist', file));
  }
  await fs.symlink(path.join(ROOT, 'schemas'), path.join(SNAPSHOT, 'schemas'));
}

async function latestProfile(since: number): Promise<string | undefined> {
  const files = (await fs.readdir(PROFILE_DIR).catch(() => [] as string[])).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(PROFILE_DIR, f));
  const fresh = files.map((f) => ({ f, t: statSync(f).mtimeMs })).filter((x) => x.t >= since).sort((a, b) => b.t - a.t);
  return fresh[0]?.f;
}

async function profileRun(label: string, file: string, text: string, edits: number, timeoutMs: number): Promise<{ label: string; summary: ReturnType<typeof summariseProfile> }> {
  await fs.mkdir(PROFILE_DIR, { recursive: true });
  const since = Date.now() - 1000;
  log(`profiling kube-guardrails on ${label} (node --cpu-prof) …`);
  const session = await runSession(oursSpec(true), { file, text, edits, timeoutMs, gapMs: GAP_MS, editBudgetMs: EDIT_BUDGET_MS }, log);
  const profileFile = await latestProfile(since);
  if (!profileFile) throw new Error(`no .cpuprofile written to ${PROFILE_DIR} (did the server exit cleanly?)`);
  const summary = summariseProfile(profileFile, session.editWindow, path.join(ROOT, 'dist'));
  log(`profile: ${path.relative(ROOT, profileFile)}`);
  return { label: `${label}, ${edits} edits`, summary };
}

async function main(): Promise<number> {
  const started = nowMs();
  const startedAt = new Date();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      profile: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      edits: { type: 'string', default: '30' },
      timeout: { type: 'string', default: '60' },
      seed: { type: 'string', default: '20240607' },
      out: { type: 'string' },
      'no-yls': { type: 'boolean', default: false },
      'no-cli': { type: 'boolean', default: false },
      'no-package': { type: 'boolean', default: false },
      'no-profile': { type: 'boolean', default: false },
    },
  });
  const edits = Number(values.edits);
  const timeoutMs = Number(values.timeout) * 1000;
  const sizeLabels = (values.sizes ?? (positionals.length > 0 ? '' : '1k,10k,50k')).split(',').filter(Boolean);
  for (const s of sizeLabels) if (!(s in SIZES)) throw new Error(`unknown size ${s}; use ${Object.keys(SIZES).join(', ')}`);
  const fullRun = positionals.length === 0 && values.sizes === undefined && !values['no-yls'] && !values.profile;
  const command = ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  await snapshotDist();

  // Outside .cache: yaml-language-server's `**/*.yaml` file match skips dot-directories.
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kube-guardrails-bench-'));
  try {
    return await benchmark();
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }

  async function benchmark(): Promise<number> {
    const inputs: { label: string; generated: boolean; file: string; text: string; files: number }[] = [];
    for (const label of sizeLabels) {
      const text = generateManifest(SIZES[label] as number, Number(values.seed));
      const file = path.join(workDir, `generated-${label}.yaml`);
      await fs.writeFile(file, text);
      inputs.push({ label, generated: true, file, text, files: 1 });
    }
    for (const target of positionals) {
      const { text, files } = await loadInput(path.resolve(process.cwd(), target));
      const file = path.join(workDir, `${path.basename(path.resolve(target)).replace(/\.ya?ml$/i, '') || 'input'}.yaml`);
      await fs.writeFile(file, text);
      inputs.push({ label: target, generated: false, file, text, files });
    }
    const largest = [...inputs].sort((a, b) => b.text.length - a.text.length)[0];
    if (!largest) throw new Error('nothing to benchmark');

    if (values.profile) {
      const { summary } = await profileRun(largest.label, largest.file, largest.text, edits, timeoutMs);
      const text = formatProfile(summary);
      await fs.writeFile(path.join(PROFILE_DIR, 'summary.txt'), `${text}\n`);
      process.stdout.write(`${text}\n`);
      return 0;
    }

    const schemaKinds = values['no-yls'] ? 0 : await writeYlsSchema(path.join(ROOT, 'schemas'), SCHEMA_FILE);
    const sizes: SizeResult[] = [];
    for (const input of inputs) {
      const lines = lineCount(input.text);
      log(`${input.label}: ${lines} lines, ${(input.text.length / 1024).toFixed(0)} KiB (${path.relative(ROOT, input.file)})`);
      const floor = measureFloor(input.text);
      log(`  floor: whole file ${floor.wholeFileMs.toFixed(1)} ms, one ${floor.oneDocLines}-line document ${floor.oneDocMs.toFixed(3)} ms`);
      const session = async (spec: ServerSpec): Promise<Outcome<SessionResult>> => {
        try {
          const result = await runSession(spec, { file: input.file, text: input.text, edits, timeoutMs, gapMs: GAP_MS, editBudgetMs: EDIT_BUDGET_MS }, log);
          log(`  ${spec.name}: edit→diagnostics median ${median(result.editMs).toFixed(1)} ms, peak RSS ${((result.peakRssKiB ?? 0) / 1024).toFixed(0)} MiB`);
          return result;
        } catch (error) {
          log(`  ${spec.name} failed: ${errorText(error)}`);
          return { error: errorText(error) };
        }
      };
      const ours = await session(oursSpec(false));
      const yls = values['no-yls'] ? undefined : await session(ylsSpec());
      sizes.push({ label: input.label, generated: input.generated, lines, bytes: Buffer.byteLength(input.text), files: input.files, ours, yls, floor });
    }

    let profile: Extras['profile'];
    if (!values['no-profile']) {
      try {
        profile = await profileRun(largest.label, largest.file, largest.text, edits, timeoutMs);
        log(formatProfile(profile.summary));
      } catch (error) {
        profile = { error: errorText(error) };
      }
    } else profile = { skipped: '--no-profile' };
    const cli = values['no-cli'] ? { skipped: '--no-cli' } : await measureCli();
    const vsix = await measureVsix(!values['no-package']);

    const activation = await newestE2eMetrics();
    const extras: Extras = { command, machine: machineInfo(), edits, gapMs: GAP_MS, editBudgetS: EDIT_BUDGET_MS / 1000, schemaKinds, cli, vsix, profile, startedAt, durationS: (nowMs() - started) / 1000, ...(activation ? { activation } : {}) };
    const report = renderReport(sizes, extras);
    const out = values.out ? path.resolve(process.cwd(), values.out) : fullRun ? path.join(ROOT, 'docs', 'benchmarks.md') : path.join(CACHE, 'benchmarks.md');
    await fs.mkdir(path.dirname(out), { recursive: true });
    await fs.writeFile(out, report);
    process.stdout.write(`${report}\n`);
    log(`written to ${path.relative(process.cwd(), out)}`);
    return 0;
  }
}

// Exit through process.exit so that lsp.ts kills the servers still running.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

const watchdog = setTimeout(() => {
  log(`bench: still running after ${HARD_LIMIT_MS / 60000} minutes; giving up (servers are killed on exit)`);
  process.exit(2);
}, HARD_LIMIT_MS);
watchdog.unref();

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);

/** The activation figures of the newest `npm run test:e2e` run (its runner keeps them in .e2e/last-metrics.json), if any. */
async function newestE2eMetrics(): Promise<Extras['activation']> {
  try {
    const m = JSON.parse(await fs.readFile(LAST_METRICS_FILE, 'utf8')) as Record<string, unknown>;
    const { activationMs, serverReadyMs, openToFirstDiagnosticMs, run } = m;
    if (typeof activationMs === 'number' && typeof serverReadyMs === 'number' && typeof openToFirstDiagnosticMs === 'number' && typeof run === 'string') {
      return { activationMs, serverReadyMs, openToFirstDiagnosticMs, run };
    }
  } catch {
    // no e2e run on this machine yet
  }
  return undefined;
}
