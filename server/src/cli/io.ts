/** What the CLI needs from the process, so tests run it in-process with their own streams. */
import { writeFileAtomic } from './atomic-write';
import { readText } from './read-text';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(file: string): Promise<string>;
  /** Writes a fixed file; the real one is atomic (temporary file and rename). */
  writeFile(file: string, text: string): Promise<void>;
  readStdin(): Promise<string>;
  /** Colours in the text format only when stdout is a terminal (and NO_COLOR is unset). */
  isTTY: boolean;
  /** Progress only when stderr is a terminal. */
  stderrIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

/** An io for the real process; tests pass overrides for the parts they capture. */
export function nodeIo(overrides: Partial<CliIo> = {}): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: readText,
    writeFile: writeFileAtomic,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
      return Buffer.concat(chunks).toString('utf8');
    },
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    ...overrides,
  };
}
