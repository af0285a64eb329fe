/** A minimal LSP client over a child's stdio: Content-Length framing, requests, notifications, waits. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

type Json = unknown;

/** Every server still running, so that an aborted run kills them too (by pid). */
const LIVE = new Set<number>();
process.once('exit', () => {
  for (const pid of LIVE) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});
interface Message { id?: number | string; method?: string; params?: Json; result?: Json; error?: { message: string } }
type RequestHandler = (method: string, params: Json) => Json;
interface Waiter { test: (method: string, params: Json) => boolean; resolve: (params: Json) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }

export class LspProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: Json) => void; reject: (e: Error) => void }>();
  private waiters: Waiter[] = [];
  private stderrTail = '';
  private exited: Promise<number | null>;
  private rssTimer: NodeJS.Timeout;
  /** Highest VmRSS seen by sampling, in KiB (a fallback for VmHWM). */
  sampledPeakKiB = 0;

  constructor(readonly name: string, command: string, args: string[], cwd: string, private readonly onRequest: RequestHandler) {
    this.child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    if (this.child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
    this.pid = this.child.pid;
    LIVE.add(this.pid);
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000)));
    this.child.stdin!.on('error', () => undefined);
    this.child.once('exit', (code, signal) => {
      LIVE.delete(this.pid);
      const error = new Error(`${name} exited (code ${code}, signal ${signal}). stderr: ${this.stderrTail.trim().slice(-1000)}`);
      for (const p of this.pending.values()) p.reject(error);
      for (const w of this.waiters) { clearTimeout(w.timer); w.reject(error); }
      this.pending.clear();
      this.waiters = [];
    });
    this.rssTimer = setInterval(() => this.sampleRss(), 50);
  }

  private sampleRss(): void {
    const kib = readStatusKiB(this.pid, 'VmRSS');
    if (kib !== undefined && kib > this.sampledPeakKiB) this.sampledPeakKiB = kib;
  }

  /** VmHWM (the kernel's peak resident set) in KiB, read now; undefined once the process is gone. */
  peakRssKiB(): number | undefined {
    this.sampleRss();
    const hwm = readStatusKiB(this.pid, 'VmHWM');
    return hwm === undefined ? undefined : Math.max(hwm, this.sampledPeakKiB);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const match = /Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (!match) throw new Error(`${this.name}: bad header`);
      const length = Number(match[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      let result: Json = null;
      try {
        result = this.onRequest(message.method, message.params);
      } catch {
        result = null;
      }
      this.write({ jsonrpc: '2.0', id: message.id, result });
      this.notifyWaiters(`request:${message.method}`, message.params);
    } else if (message.method !== undefined) {
      this.notifyWaiters(message.method, message.params);
    } else if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) pending?.reject(new Error(`${this.name}: ${message.error.message}`));
      else pending?.resolve(message.result);
    }
  }

  private notifyWaiters(method: string, params: Json): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.test(method, params)) {
        clearTimeout(waiter.timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(params);
      }
    }
  }

  private write(message: Json): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request(method: string, params: Json, timeoutMs: number): Promise<Json> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name}: no response to ${method} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.pending.set(id, { resolve: (v) => { clearTimeout(timer); resolve(v); }, reject: (e) => { clearTimeout(timer); reject(e); } });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: Json): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /**
   * A promise for the next notification (or server request, as `request:<method>`) that passes
   * `test`. Register it before sending what triggers it.
   */
  waitFor(label: string, test: (method: string, params: Json) => boolean, timeoutMs: number): Promise<Json> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        test,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(new Error(`${this.name}: timed out after ${timeoutMs / 1000} s waiting for ${label}`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** shutdown + exit (so --cpu-prof can write its profile), then SIGKILL by pid if still running. */
  async stop(graceMs = 3000): Promise<void> {
    clearInterval(this.rssTimer);
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        await this.request('shutdown', null, graceMs);
        this.notify('exit', null);
      } catch {
        // fall through to the kill
      }
      const exited = await Promise.race([this.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), graceMs))]);
      if (!exited) {
        try {
          process.kill(this.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await this.exited;
      }
    }
  }
}

function readStatusKiB(pid: number, field: string): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
