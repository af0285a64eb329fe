/**
 * Expands the command line's inputs into the YAML files to lint: files as given, directories
 * searched recursively, and globs (`*`, `**`, `?`) expanded here so they behave the same in every
 * shell. Files found in directories or by globs are skipped when the config's `ignore` matches them;
 * a file named explicitly is always linted.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { compileGlob, hasGlobMagic } from '../config-file/glob';

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface FileList {
  files: string[];
  errors: string[];
  /** Directory and glob inputs that gave no file to lint, with the YAML files the config ignored there. */
  empty: { input: string; ignored: string[] }[];
}

export type IgnoreCheck = (file: string) => Promise<boolean>;

export async function collectFiles(paths: readonly string[], cwd: string, isIgnored: IgnoreCheck = async () => false): Promise<FileList> {
  const files: string[] = [];
  const errors: string[] = [];
  const empty: FileList['empty'] = [];
  const keep = async (input: string, found: string[]) => {
    const ignored: string[] = [];
    for (const file of found) {
      if (await isIgnored(file)) ignored.push(file);
      else files.push(file);
    }
    if (ignored.length === found.length && found.length > 0) empty.push({ input, ignored });
  };
  for (const input of paths) {
    if (input === '-') continue;
    const absolute = path.resolve(cwd, input);
    try {
      const stat = await fs.stat(absolute).catch((error: unknown) => {
        if (hasGlobMagic(input)) return undefined;
        throw error;
      });
      if (!stat) {
        const matched = await expandGlob(input, cwd);
        if (matched.length === 0) errors.push(`${input}: no files match this pattern`);
        await keep(input, matched);
      } else if (stat.isDirectory()) {
        const found: string[] = [];
        await walk(absolute, found, Infinity);
        const yaml = found.filter((file) => YAML_FILE.test(file));
        if (yaml.length === 0) empty.push({ input, ignored: [] });
        await keep(input, yaml);
      } else {
        files.push(absolute);
      }
    } catch (error) {
      errors.push(`${input}: ${describe(error)}`);
    }
  }
  return { files: [...new Set(files)].sort(), errors, empty };
}

/** The YAML files a glob matches, relative to `cwd` unless the glob is absolute. */
export async function expandGlob(glob: string, cwd: string): Promise<string[]> {
  const normalized = glob.split(path.sep).join('/');
  const segments = normalized.split('/');
  const firstMagic = segments.findIndex(hasGlobMagic);
  const baseText = segments.slice(0, firstMagic).join('/');
  const base = path.resolve(cwd, baseText === '' && normalized.startsWith('/') ? '/' : baseText || '.');
  const rest = segments.slice(firstMagic);
  const pattern = compileGlob(rest.join('/'));
  const depth = rest.some((s) => s.includes('**')) ? Infinity : rest.length;
  const found: string[] = [];
  try {
    await walk(base, found, depth);
  } catch {
    return [];
  }
  return found.filter((file) => YAML_FILE.test(file) && pattern.test(path.relative(base, file).split(path.sep).join('/')));
}

async function walk(directory: string, out: string[], depth: number): Promise<void> {
  if (depth <= 0) return;
  const entries = await fs.readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(full, out, depth - 1);
    } else if (entry.isFile()) {
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
