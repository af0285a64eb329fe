/**
 * Small multi-file workspaces for tests over the whole rule registry: each rule's documented
 * examples (as one file, and with every document in a file of its own, so that cross-object rules
 * reach into other files), the examples/ folder and the test fixtures.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules/index';
import { splitDocuments } from '../../server/src/yaml/split';
import { REPO, uriOf, yamlFiles } from './corpus';

export interface Workspace {
  readonly name: string;
  /** File texts by URI. */
  readonly files: ReadonlyMap<string, string>;
}

export function registryWorkspaces(): Workspace[] {
  const workspaces: Workspace[] = [];
  for (const rule of RULES) {
    for (const [which, text] of Object.entries(rule.meta.examples)) {
      const base = `file:///examples/${rule.meta.id}/${which}`;
      workspaces.push({ name: `${rule.meta.id} ${which}`, files: new Map([[`${base}/all.yaml`, text]]) });
      const chunks = splitDocuments(text).filter((chunk) => chunk.text.trim() !== '' && chunk.text.trim() !== '---');
      if (chunks.length > 1) {
        workspaces.push({ name: `${rule.meta.id} ${which}, a file per document`, files: new Map(chunks.map((chunk, i) => [`${base}/doc-${i}.yaml`, chunk.text])) });
      }
    }
  }
  for (const folder of ['examples', 'test/fixtures']) {
    const files = yamlFiles(path.join(REPO, folder));
    workspaces.push({ name: folder, files: new Map(files.map((file) => [uriOf(file), readFileSync(file, 'utf8')])) });
  }
  return workspaces;
}
