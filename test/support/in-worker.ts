/**
 * Runs an exported function of a test-support module in a worker thread, for hang detectors.
 * node:test's timeout cannot stop synchronous code on the test's own thread: its timer never fires
 * while the code runs, so a sync test that hangs for minutes still passes (or freezes the run). In a
 * worker, the test's thread stays free, the runner's timeout fires, and the test's abort signal
 * terminates the worker. The work reports each step, so the failure says where it was stuck.
 */
import { Worker } from 'node:worker_threads';

/** `work(input, step)`: `step(text)` names what the work is doing, for the failure message. */
export type WorkerTask<I, O> = (input: I, step: (text: string) => void) => O;

const BOOT = `
require('tsx/cjs');
const { parentPort, workerData } = require('node:worker_threads');
const work = require(workerData.file)[workerData.name];
const result = work(workerData.input, (step) => parentPort.postMessage({ step }));
parentPort.postMessage({ done: true, result });
`;

export function runInWorker<O>(file: string, name: string, input: unknown, signal: AbortSignal): Promise<O> {
  const worker = new Worker(BOOT, { eval: true, workerData: { file, name, input } });
  let step = 'loading';
  return new Promise<O>((resolve, reject) => {
    const finish = (settle: () => void) => {
      signal.removeEventListener('abort', abort);
      void worker.terminate();
      settle();
    };
    const abort = () => {
      // The runner reports its own timeout error; this line says where the work was.
      console.error(`in-worker: ${name} stopped by the test's timeout while at: ${step}`);
      finish(() => reject(new Error(`stopped (the test's timeout) while at: ${step}`)));
    };
    signal.addEventListener('abort', abort, { once: true });
    worker.on('message', (message: { step?: string; done?: boolean; result?: O }) => {
      if (message.done) finish(() => resolve(message.result as O));
      else if (message.step !== undefined) step = message.step;
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the worker exited (code ${code}) while at: ${step}`))));
  });
}
