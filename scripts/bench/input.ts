/** Benchmark inputs: generated sizes, or a user's file or directory (concatenated into one multi-document file). */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

async function yamlFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) out.push(...(await yamlFilesUnder(full)));
    } else if (/\.ya?ml$/i.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** The text of a file, or of a directory's YAML files joined with `---` lines; and how many files went in. */
export async function loadInput(target: string): Promise<{ text: string; files: number }> {
  const stat = await fs.stat(target);
  if (!stat.isDirectory()) return { text: await fs.readFile(target, 'utf8'), files: 1 };
  const files = await yamlFilesUnder(target);
  if (files.length === 0) throw new Error(`no .yaml/.yml files under ${target}`);
  const parts: string[] = [];
  for (const file of files) {
    const text = await fs.readFile(file, 'utf8');
    parts.push(text.endsWith('\n') ? text : `${text}\n`);
  }
  return { text: parts.join('---\n'), files: files.length };
}

export function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}

/** Splits at document markers (`---`/`...` at column 0), as a YAML stream does. */
export function splitDocuments(text: string): string[] {
  const docs: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      if (current.some((l) => l.trim() !== '' && !l.trimStart().startsWith('#'))) docs.push(current.join('\n'));
      current = line.startsWith('---') && line.trim() !== '---' ? [line.slice(3)] : [];
    } else current.push(line);
  }
  if (current.some((l) => l.trim() !== '' && !l.trimStart().startsWith('#'))) docs.push(current.join('\n'));
  return docs;
}
