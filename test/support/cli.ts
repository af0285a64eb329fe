/** Runs the CLI in-process with captured output, for the CLI tests. */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { main, nodeIo, type CliIo } from '../../server/src/cli';

export const ROOT = path.resolve(__dirname, '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], overrides: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io = nodeIo({
    cwd: ROOT,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (f) => readFile(f, 'utf8'),
    readStdin: async () => '',
    isTTY: false,
    stderrIsTTY: false,
    env: {},
    ...overrides,
  });
  const code = await main(args, io);
  return { code, stdout, stderr };
}
