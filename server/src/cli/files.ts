/** Expands the command line's paths into the YAML files to lint. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface FileList {
  files: string[];
  errors: string[];
}

export async function collectFiles(paths: readonly string[], cwd: string): Promise<FileList> {
  const files: string[] = [];
  const errors: string[] = [];
  for (const input of paths) {
    const absolute = path.resolve(cwd, input);
    try {
      const stat = await fs.stat(absolute);
      if (stat.isDirectory()) await walk(absolute, files);
      else files.push(absolute);
    } catch (error) {
      errors.push(`${input}: ${describe(error)}`);
    }
  }
  return { files: [...new Set(files)].sort(), errors };
}

async function walk(directory: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(directory, { withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(full, out);
    } else if (entry.isFile() && YAML_FILE.test(entry.name)) {
      out.push(full);
    }
  }
}

export function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
