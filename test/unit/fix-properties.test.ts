/**
 * Fix properties over every fixture, example and corpus file, linted with every rule, the bundled
 * schemas and an index of the file's project: every offered fix and "fix all" yields text that
 * parses, removes the finding it was offered for, keeps every comment and leaves every byte outside
 * the edited object (document chunk) unchanged; "fix all" applied twice changes nothing the second time.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { applyEdits, applySafeFixes } from '../../server/src/core/apply-fixes';
import type { Finding, Fix } from '../../server/src/core/finding';
import type { WorkspaceIndex } from '../../server/src/index/workspace-index';
import { splitDocuments } from '../../server/src/yaml/split';
import { CORPUS, CORPUS_MISSING, indexOf, lintAll, lintCaches, projectsOf, REPO, uriOf, yamlFiles } from '../support/corpus';
import { commentsOf } from '../support/rule-tester';

const errorCount = (text: string) => parseAllDocuments(text).reduce((n, doc) => n + ('errors' in doc ? doc.errors.length : 0), 0);
const sameFinding = (a: Finding, b: Finding) => a.ruleId === b.ruleId && a.message === b.message;

/** Every file is checked as written and as editors and other tools save it. */
const VARIANTS: readonly [string, (text: string) => string][] = [
  ['', (text) => text],
  [' (with a BOM)', (text) => `\uFEFF${text.replace(/^\uFEFF/, '')}`],
  [' (CRLF)', (text) => text.replace(/\r?\n/g, '\r\n')],
  [' (no final newline)', (text) => text.replace(/(\r?\n)+$/, '')],
];

function checkFile(file: string, index: WorkspaceIndex): { fixes: number } {
  const uri = uriOf(file);
  const original = readFileSync(file, 'utf8');
  let fixes = 0;
  try {
    for (const [variant, make] of VARIANTS) {
      const text = make(original);
      if (variant !== '' && text === original) continue;
      // The index holds the variant too, so fixes that read offsets from it see the same text.
      index.update(uri, text);
      fixes += checkText(file, variant, text, uri, index);
    }
  } finally {
    index.update(uri, original);
  }
  return { fixes };
}

function checkText(file: string, variant: string, text: string, uri: string, index: WorkspaceIndex): number {
  const caches = lintCaches();
  const lint = (t: string) => lintAll(t, uri, index, caches).findings;
  const findings = lint(text);
  const chunks = splitDocuments(text);
  const chunkAt = (offset: number) => chunks.findLast((c) => c.offset <= offset) ?? chunks[0]!;
  let fixes = 0;
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      if (fix.edits.some((edit) => edit.target !== 'self')) continue; // another object: covered by the rule tests
      fixes++;
      const label = `${path.relative(REPO, file)}${variant}: ${finding.ruleId} "${fix.title}" (for "${finding.message}")`;
      const output = applyEdits(text, fix.edits);
      // Every edit lies inside the document chunk the finding is in; the bytes around it are untouched.
      const chunk = chunkAt(finding.range.start);
      const end = chunk.offset + chunk.text.length;
      for (const edit of fix.edits) assert.ok(edit.start >= chunk.offset && edit.end <= end, `${label}: edits [${edit.start}, ${edit.end}) outside its object [${chunk.offset}, ${end})`);
      assert.ok(output.startsWith(text.slice(0, chunk.offset)) && output.endsWith(text.slice(end)), `${label}: bytes outside the object changed`);
      const edited = output.slice(chunk.offset, output.length - (text.length - end));
      assert.ok(errorCount(edited) <= errorCount(chunk.text), `${label}: the output does not parse:\n${edited.slice(0, 2000)}`);
      const before = findings.filter((f) => sameFinding(f, finding)).length;
      const after = lint(output).filter((f) => sameFinding(f, finding)).length;
      assert.ok(after < before, `${label}: the finding is still there after the fix`);
      for (const comment of commentsOf(chunk.text)) assert.ok(edited.includes(comment), `${label}: dropped the comment "${comment}"`);
    }
  }
  checkFixAll(`${path.relative(REPO, file)}${variant}`, text, lint, findings);
  return fixes;
}

function checkFixAll(label: string, text: string, lint: (text: string) => readonly Finding[], findings: readonly Finding[]): void {
  const once = applySafeFixes(text, lint).text;
  if (once === text) return;
  assert.ok(errorCount(once) <= errorCount(text), `${label}: fix all produced text that does not parse:\n${once.slice(0, 2000)}`);
  for (const comment of commentsOf(text)) assert.ok(once.includes(comment), `${label}: fix all dropped the comment "${comment}"`);
  const twice = applySafeFixes(once, lint);
  assert.equal(twice.text, once, `${label}: fix all applied a second time changed the text again`);
  // Documents without a safe fix stay byte for byte as they were.
  const isLocalSafe = (fix: Fix) => fix.kind === 'safe' && fix.edits.every((edit) => edit.target === 'self');
  const before = splitDocuments(text);
  const after = splitDocuments(once);
  assert.equal(after.length, before.length, `${label}: fix all changed the number of documents`);
  before.forEach((chunk, i) => {
    const end = chunk.offset + chunk.text.length;
    const touched = findings.some((f) => f.range.start >= chunk.offset && f.range.start < end && f.fixes.some(isLocalSafe));
    if (!touched) assert.equal(after[i]!.text, chunk.text, `${label}: fix all changed document ${i + 1}, which had nothing to fix`);
  });
}

function suite(name: string, files: readonly string[], skip: string | false): void {
  describe(name, { skip }, () => {
    let fixes = 0;
    for (const [project, members] of projectsOf(files)) {
      it(project, () => {
        const index = indexOf(members);
        for (const file of members) fixes += checkFile(file, index).fixes;
      });
    }
    it('checked some fixes (the properties are not vacuous)', (t) => {
      assert.ok(fixes > 10, `only ${fixes} fixes were offered`);
      t.diagnostic(`${name}: ${fixes} fixes checked`);
    });
  });
}

suite('fix properties: fixtures and examples', [...yamlFiles(path.join(REPO, 'test/fixtures')), ...yamlFiles(path.join(REPO, 'examples'))], false);
suite('fix properties: shared corpus', yamlFiles(CORPUS), CORPUS_MISSING ?? false);
