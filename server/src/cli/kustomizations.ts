/**
 * Finds the kustomization files that may list a linted file, so that whether a file is a Kustomize
 * patch never depends on how it was named on the command line: a patch linted by name (or through
 * `--stdin-filename`, as pre-commit hooks do) is judged as a patch, as it is in a directory run.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const NAMES = ['kustomization.yaml', 'kustomization.yml'];

/**
 * The kustomization files in `file`'s folder and its ancestors, up to and including `root` (the
 * working directory) when `file` is under it, else up to the first folder that holds `.git` or the
 * filesystem root. A kustomization lists its patches relative to its own folder, and a patch lies
 * in or under it, so these are all the kustomizations that can list the file. Unreadable or
 * missing files are skipped: they only mean there is no kustomization there.
 */
export async function kustomizationsAbove(file: string, root: string, readFile: (file: string) => Promise<string>): Promise<{ file: string; text: string }[]> {
  const found: { file: string; text: string }[] = [];
  const relative = path.relative(root, file);
  const underRoot = !relative.startsWith('..') && !path.isAbsolute(relative);
  for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
    for (const name of NAMES) {
      const candidate = path.join(folder, name);
      try {
        found.push({ file: candidate, text: await readFile(candidate) });
      } catch {
        // no kustomization here
      }
    }
    const atTop = underRoot ? folder === root : existsSync(path.join(folder, '.git'));
    if (atTop || path.dirname(folder) === folder) return found;
  }
}
