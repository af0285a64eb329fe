/**
 * Derives the bundled Kubernetes JSON Schemas from the upstream OpenAPI v2 document.
 *
 *   npx tsx scripts/generate-schemas.ts <openapi-v2.json> [outDir=schemas/k8s/1.36]
 *
 * Writes `index.json` (apiVersion/Kind → definition) and `definitions.json` (every definition
 * reachable from a top-level kind). Output is deterministic; re-running must give no diff.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertOpenApi, serializeMap } from './schema-gen/convert';

function main(argv: string[]): number {
  const [input, outDir = 'schemas/k8s/1.36'] = argv;
  if (!input) {
    process.stderr.write('usage: generate-schemas <path-to-openapi-v2.json> [outDir]\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(input, 'utf8');
  } catch (err) {
    process.stderr.write(`generate-schemas: cannot read OpenAPI document "${input}": ${(err as Error).message}\n`);
    return 2;
  }
  const { index, definitions } = convertOpenApi(JSON.parse(text));
  mkdirSync(outDir, { recursive: true });
  const files: [string, string][] = [
    ['index.json', serializeMap(index)],
    ['definitions.json', serializeMap(definitions)],
  ];
  for (const [name, content] of files) {
    writeFileSync(join(outDir, name), content);
    process.stdout.write(`${join(outDir, name)}: ${Buffer.byteLength(content)} bytes\n`);
  }
  process.stdout.write(`${Object.keys(index).length} kinds, ${Object.keys(definitions).length} definitions\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
