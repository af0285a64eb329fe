/**
 * Child processes of the e2e runners: each long-lived one is started in its own process group
 * and stopped by that group id — on success, failure, timeout, SIGINT or SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';

interface Tracked {
  name: string;
  child: ChildProcess;
  exited: boolean;
}

const tracked: Tracked[] = [];

export function startGroup(name: string, command: string, args: string[], options: SpawnOptions = {}): Tracked {
  const child = spawn(command, args, { ...options, detached: true });
  const entry: Tracked = { name, child, exited: false };
  child.on('exit', () => {
    entry.exited = true;
  });
  child.on('error', () => {
    entry.exited = true;
  });
  tracked.push(entry);
  return entry;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

/** SIGTERM every tracked group, wait up to `graceMs`, then SIGKILL what is left. */
export async function stopAll(graceMs = 5_000): Promise<void> {
  const pids = tracked.map((t) => t.child.pid).filter((p): p is number => typeof p === 'number');
  for (const pid of pids) signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (pids.some(groupAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const pid of pids) if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
  tracked.length = 0;
}

/** Synchronous last resort for signal handlers. */
export function killAllNow(): void {
  for (const t of tracked) if (t.child.pid) signalGroup(t.child.pid, 'SIGKILL');
}

export function onSignalsStop(cleanup: () => Promise<void>): void {
  let stopping = false;
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(sig, () => {
      if (stopping) {
        killAllNow();
        process.exit(code);
      }
      stopping = true;
      console.error(`\n[e2e] ${sig}: stopping everything this run started`);
      const hard = setTimeout(() => {
        killAllNow();
        process.exit(code);
      }, 8_000);
      cleanup()
        .catch(() => undefined)
        .finally(() => {
          clearTimeout(hard);
          killAllNow();
          process.exit(code);
        });
    });
  }
  process.on('exit', killAllNow);
}

/** Runs a short command to completion, streaming its output; throws on a non-zero exit. */
export function runStep(
  label: string,
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean } = {},
): void {
  const started = Date.now();
  const { quiet, ...spawnOptions } = options;
  // quiet: keep the output unless the step fails.
  const res = spawnSync(command, args, {
    stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
    ...spawnOptions,
  });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (res.error) throw new Error(`${label}: ${res.error.message}`);
  if (res.status !== 0) {
    if (quiet) process.stdout.write(`${res.stdout ?? ''}${res.stderr ?? ''}`);
    throw new Error(`${label} failed (exit ${res.status ?? res.signal}) after ${secs}s: ${command} ${args.join(' ')}`);
  }
  console.log(`[e2e] ${label} (${secs}s)`);
}
