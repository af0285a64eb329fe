/**
 * `npm run docs`: regenerates docs/rules/*.md, the README rule table, the rule settings in
 * package.json and schemas/config.schema.json from the rules' metadata. `--check` writes nothing and exits 1 when anything is stale.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../server/src/rules/index';
import { replaceReadmeTable, ruleMarkdown, withRuleSettings } from './lib/render-docs';
import { CONFIG_SCHEMA_FILE, renderConfigSchema } from './lib/config-schema';

const root = path.resolve(__dirname, '..');
const check = process.argv.includes('--check');
const stale: string[] = [];

function sync(file: string, content: string): void {
  const full = path.join(root, file);
  const current = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  if (current === content) return;
  stale.push(file);
  if (!check) {
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

for (const rule of RULES) sync(`docs/rules/${rule.meta.id}.md`, ruleMarkdown(rule));
const known = new Set(RULES.map((rule) => `${rule.meta.id}.md`));
for (const file of readdirSync(path.join(root, 'docs/rules'))) {
  if (file.endsWith('.md') && !known.has(file)) {
    stale.push(`docs/rules/${file} (no such rule)`);
    if (!check) unlinkSync(path.join(root, 'docs/rules', file));
  }
}
sync('README.md', replaceReadmeTable(readFileSync(path.join(root, 'README.md'), 'utf8'), RULES));
sync(CONFIG_SCHEMA_FILE, renderConfigSchema(RULES));
sync('package.json', withRuleSettings(readFileSync(path.join(root, 'package.json'), 'utf8'), RULES));

if (check && stale.length > 0) {
  process.stderr.write(`Generated files are stale; run \`npm run docs\`:\n${stale.map((f) => `  ${f}`).join('\n')}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(stale.length === 0 ? 'Docs are up to date.\n' : `Updated ${stale.length} file(s):\n${stale.map((f) => `  ${f}`).join('\n')}\n`);
}
