/**
 * Reads a manifest as text. UTF-8 (with or without a byte order mark) is read as is. UTF-16 and
 * binary files are declined with an error that says why, rather than linted as garbage.
 */
import { promises as fs } from 'node:fs';

export async function readText(file: string): Promise<string> {
  return decodeText(await fs.readFile(file));
}

export function decodeText(bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new Error('the file is UTF-16 encoded; Kubernetes manifests are read as UTF-8, so save it as UTF-8');
  }
  const text = bytes.toString('utf8');
  if (text.includes('\u0000')) throw new Error('not a text file (it contains NUL bytes)');
  return text;
}
