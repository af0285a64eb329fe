/**
 * Finds and reads config files: the only part of config-file/ that touches the disk. From a linted
 * file's folder it walks up to the nearest `.kube-guardrails.yaml` (`.yml`, `.json`), stopping at a
 * workspace root, at a folder holding `.git`, or at the filesystem root. It reads nothing else: a
 * config file has no includes or extends. A config file found by the walk that is a symbolic link
 * is read only when its target lies inside a root: a planted link to /proc/self/environ or
 * /etc/passwd would otherwise be read and quoted in the error. Two config files in one folder are
 * an error, never a silent choice.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseConfigText } from './validate';
import { CONFIG_FILE_NAMES, type LoadedConfig } from './types';

/** Config files are small; anything larger is a mistake, not a config. */
export const MAX_CONFIG_SIZE = 1024 * 1024;

export interface LoaderOptions {
  knownRules: ReadonlySet<string>;
  /** Folders the walk never goes above (workspace folders); the walk also stops at a `.git` folder. */
  roots?: readonly string[];
  /** Text of config files open in the editor, which wins over the disk. */
  openText?: (file: string) => string | undefined;
}

export class ConfigLoader {
  private readonly byDir = new Map<string, Promise<LoadedConfig | undefined>>();
  private readonly byFile = new Map<string, Promise<LoadedConfig>>();

  constructor(private readonly options: LoaderOptions) {}

  /** The config that applies to `file` (an absolute path), or undefined when there is none. */
  forFile(file: string): Promise<LoadedConfig | undefined> {
    return this.forDir(path.dirname(path.resolve(file)));
  }

  /** Reads and validates one config file (for `--config`, or the one the walk found). */
  load(file: string, contained = false): Promise<LoadedConfig> {
    const absolute = path.resolve(file);
    let entry = this.byFile.get(absolute);
    if (!entry) {
      const open = this.options.openText?.(absolute);
      const roots = contained ? (this.options.roots ?? []).map((root) => path.resolve(root)) : undefined;
      entry = open !== undefined ? Promise.resolve({ file: absolute, dir: path.dirname(absolute), ...parseConfigText(open, this.options.knownRules) }) : readConfig(absolute, this.options.knownRules, roots);
      this.byFile.set(absolute, entry);
    }
    return entry;
  }

  private forDir(dir: string): Promise<LoadedConfig | undefined> {
    let entry = this.byDir.get(dir);
    if (!entry) {
      entry = this.lookUp(dir);
      this.byDir.set(dir, entry);
    }
    return entry;
  }

  private async lookUp(dir: string): Promise<LoadedConfig | undefined> {
    const roots = this.options.roots?.map((root) => path.resolve(root));
    // Outside every workspace folder the editor reads no config at all.
    if (roots && roots.length > 0 && !roots.some((root) => isInside(dir, root))) return undefined;
    const present = await configFilesIn(dir, this.options.openText);
    if (present.length > 1) return conflict(dir, present);
    if (present.length === 1) return this.load(path.join(dir, present[0]!), true);
    const parent = path.dirname(dir);
    if (parent === dir || roots?.includes(dir) || (await exists(path.join(dir, '.git')))) return undefined;
    return this.forDir(parent);
  }
}

/** The config file names present in `dir` (open in the editor or on disk), in lookup order. */
export async function configFilesIn(dir: string, openText?: (file: string) => string | undefined): Promise<string[]> {
  const present: string[] = [];
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(dir, name);
    if (openText?.(candidate) !== undefined || (await isFile(candidate))) present.push(name);
  }
  return present;
}

/** Why two or more config files in one folder are an error; the same words in the CLI and the editor. */
export function conflictMessage(names: readonly string[]): string {
  return `${names.join(' and ')} are both in this folder; keep one of them (neither is used until then).`;
}

/**
 * Two config files in one folder: which one wins would be a guess about the user's intent, so the
 * folder's config is broken (the CLI stops with exit code 2, the editor ignores both), named by the
 * first file in lookup order.
 */
function conflict(dir: string, names: readonly string[]): LoadedConfig {
  return { file: path.join(dir, names[0]!), dir, data: undefined, problems: [{ message: conflictMessage(names), start: 0, end: 0, line: 1, column: 1 }] };
}

/**
 * `roots`, for a config file the walk found: a symbolic link must resolve inside one of them (inside
 * its own folder when there are none). Refusals name no part of the target's content.
 */
async function readConfig(file: string, knownRules: ReadonlySet<string>, roots?: readonly string[]): Promise<LoadedConfig> {
  const dir = path.dirname(file);
  const failed = (message: string): LoadedConfig => ({ file, dir, data: undefined, problems: [{ message, start: 0, end: 0, line: 1, column: 1 }] });
  try {
    if (roots && (await fs.lstat(file)).isSymbolicLink()) {
      const target = await fs.realpath(file);
      const allowed = await Promise.all((roots.length > 0 ? roots : [dir]).map((root) => fs.realpath(root).catch(() => root)));
      if (!allowed.some((root) => isInside(target, root))) return failed(`The config file is a symbolic link to a file outside ${roots.length > 0 ? 'the folders being linted' : 'its folder'}; it is not read.`);
    }
    const stat = await fs.stat(file);
    if (!stat.isFile()) return failed('Not a file.');
    if (stat.size > MAX_CONFIG_SIZE) return failed(`The config file is ${stat.size} bytes; the limit is ${MAX_CONFIG_SIZE}.`);
    const { data, problems } = parseConfigText(await fs.readFile(file, 'utf8'), knownRules);
    return { file, dir, data, problems };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return failed(code === 'ENOENT' ? 'No such file.' : code === 'EACCES' ? 'Permission denied.' : error instanceof Error ? error.message : String(error));
  }
}

function isInside(dir: string, root: string): boolean {
  const relative = path.relative(root, dir);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}
