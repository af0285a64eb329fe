/**
 * The YAML files the robustness tests run over: the repository's fixtures and examples, and the
 * shared corpus (KG_SHARED, default ../shared beside the repository). Linting uses every rule, the
 * bundled schemas and a workspace index of the file's project folder, as the server would.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../../server/src/core/config';
import { lintText, type LintResult } from '../../server/src/core/engine';
import { FindingsCache } from '../../server/src/core/findings-cache';
import { WorkspaceIndex } from '../../server/src/index/workspace-index';
import { RULES, RULE_IDS } from '../../server/src/rules/index';
import { createParseCache, type ParseCache } from '../../server/src/yaml/parse';
import { testSchemas } from './rule-tester';

export const REPO = path.resolve(__dirname, '../..');
export const SHARED = path.resolve(REPO, process.env.KG_SHARED ?? '../shared');
export const CORPUS = path.join(SHARED, 'corpus');
/** Set when the corpus is absent: the reason the corpus tests are skipped. */
export const CORPUS_MISSING = existsSync(CORPUS) ? undefined : `no shared corpus at ${CORPUS} (set KG_SHARED to the folder holding corpus/)`;

/** Every *.yaml / *.yml file under `dir`, sorted. */
export function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (entry: string) => {
    if (statSync(entry).isDirectory()) {
      for (const name of readdirSync(entry).sort()) if (name !== 'node_modules') walk(path.join(entry, name));
    } else if (/\.ya?ml$/i.test(entry)) {
      out.push(entry);
    }
  };
  walk(dir);
  return out;
}

/** Files grouped by project (what one workspace would hold): corpus/<category>/<project>, or the repository folder. */
export function projectsOf(files: readonly string[]): Map<string, string[]> {
  const projects = new Map<string, string[]>();
  for (const file of files) {
    const relative = path.relative(CORPUS, file);
    const key = relative.startsWith('..') ? path.relative(REPO, file).split(path.sep).slice(0, 2).join('/') : relative.split(path.sep).slice(0, 2).join('/');
    projects.set(key, [...(projects.get(key) ?? []), file]);
  }
  return projects;
}

export const uriOf = (file: string): string => pathToFileURL(file).toString();

export const DEFAULT_CONFIG = resolveConfig({}, RULE_IDS).config;

/** An index of the given files, as the server's workspace scan would build it. */
export function indexOf(files: readonly string[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const file of files) index.update(uriOf(file), readFileSync(file, 'utf8'));
  return index;
}

/**
 * Lints with every rule. Pass the same `caches` for repeated lints of one file's variants (fix
 * outputs): unchanged documents then reuse their parse and findings.
 */
export function lintAll(text: string, uri: string, index: WorkspaceIndex | undefined, caches?: { parse: ParseCache; findings: FindingsCache }): LintResult {
  return lintText(text, { uri, config: DEFAULT_CONFIG, rules: RULES, index, schemas: testSchemas, cache: caches?.parse, findingsCache: caches?.findings });
}

export function lintCaches(): { parse: ParseCache; findings: FindingsCache } {
  return { parse: createParseCache(), findings: new FindingsCache() };
}
