/**
 * Keeps the workspace index in step with the disk: an initial scan of the workspace folders, then
 * file-watcher events. It is the only part of the server that reads files. Open documents are fed
 * to the index by the server itself and override what is on disk.
 */
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileGlob } from '../config-file/glob';

/** Folder names never worth scanning. */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);
const YAML = /\.ya?ml$/i;
/** A safety bound: a workspace with more manifests than this is indexed only in part. */
export const MAX_INDEXED_FILES = 20_000;

export interface ScanOptions {
  maxFileSize: number;
  /** Globs relative to the workspace folder (`**`, `*`, `?`), matched against file and folder paths. */
  exclude: readonly string[];
}

export async function* scanFolder(folderUri: string, options: ScanOptions): AsyncGenerator<{ uri: string; text: string }> {
  let root: string;
  try {
    root = fileURLToPath(folderUri);
  } catch {
    return; // not a file: URI (a virtual workspace): nothing on disk to scan
  }
  const excluded = options.exclude.map(compileGlob);
  const isExcluded = (relative: string) => excluded.some((re) => re.test(relative));
  let count = 0;
  const queue = [root];
  while (queue.length > 0 && count < MAX_INDEXED_FILES) {
    const directory = queue.shift()!;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(directory, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: skip it, never fail the scan
    }
    // A Helm chart's templates are not manifests until rendered.
    const isChart = entries.some((entry) => entry.isFile() && entry.name === 'Chart.yaml');
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (isExcluded(relative)) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && !(isChart && entry.name === 'templates')) queue.push(full);
      } else if (entry.isFile() && YAML.test(entry.name)) {
        const text = await readSmallFile(full, options.maxFileSize);
        if (text === undefined) continue;
        count++;
        yield { uri: pathToFileURL(full).toString(), text };
      }
    }
  }
}

/**
 * Reads a file's text, or undefined when it is missing, unreadable, too large, binary or a symbolic
 * link (which may point outside the workspace: the scan does not follow links, and neither does this).
 */
export async function readSmallFile(file: string, maxFileSize: number): Promise<string | undefined> {
  try {
    const stat = await fs.lstat(file);
    if (!stat.isFile() || stat.size > maxFileSize) return undefined;
    const text = await fs.readFile(file, 'utf8');
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}

export async function readUri(uri: string, maxFileSize: number): Promise<string | undefined> {
  try {
    return await readSmallFile(fileURLToPath(uri), maxFileSize);
  } catch {
    return undefined;
  }
}

