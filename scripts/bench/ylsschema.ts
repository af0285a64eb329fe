/**
 * Derives, from our own schemas (schemas/k8s/1.36 and the VPA bundle), one JSON Schema that
 * yaml-language-server can be pointed at: the root is an `anyOf` of every top-level kind, each
 * alternative pinning apiVersion and kind with `const` and `$ref`-ing our definition. Written to
 * .cache/bench (not committed).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

type Schema = Record<string, unknown>;

async function readJson(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
}

export async function buildYlsSchema(schemasDir: string, version = '1.36'): Promise<Schema> {
  const index = (await readJson(path.join(schemasDir, 'k8s', version, 'index.json'))) as Record<string, string>;
  const definitions = await readJson(path.join(schemasDir, 'k8s', version, 'definitions.json'));
  const vpaDir = path.join(schemasDir, 'k8s', 'vpa');
  for (const file of (await fs.readdir(vpaDir).catch(() => [])).filter((f) => f.endsWith('.json')).sort()) {
    const bundle = (await readJson(path.join(vpaDir, file))) as { index: Record<string, string>; definitions: Schema };
    Object.assign(index, bundle.index);
    Object.assign(definitions, bundle.definitions);
  }
  const anyOf = Object.keys(index).sort().map((key) => {
    const slash = key.lastIndexOf('/');
    const apiVersion = key.slice(0, slash);
    const kind = key.slice(slash + 1);
    return {
      allOf: [
        { properties: { apiVersion: { const: apiVersion }, kind: { const: kind } }, required: ['apiVersion', 'kind'] },
        { $ref: `#/definitions/${index[key]}` },
      ],
    };
  });
  return { $schema: 'http://json-schema.org/draft-07/schema#', title: `Kubernetes ${version} (derived from kube-guardrails schemas)`, anyOf, definitions };
}

/** Writes the schema to `file` and returns how many kinds it covers. */
export async function writeYlsSchema(schemasDir: string, file: string): Promise<number> {
  const schema = await buildYlsSchema(schemasDir);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, JSON.stringify(schema));
  return (schema.anyOf as unknown[]).length;
}
