/**
 * RuleTester, after ESLint's: table-driven valid/invalid cases for one rule, with YAML-specific
 * checks on every fix (the result parses, the finding goes away, every comment survives).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { applyEdits, applySafeFixes } from '../../server/src/core/apply-fixes';
import { resolveConfig, type Settings } from '../../server/src/core/config';
import { formatMessage, lintText } from '../../server/src/core/engine';
import type { Finding, FixEdit, Severity } from '../../server/src/core/finding';
import { placeEdits, type PlacedEdit } from '../../server/src/core/place-edits';
import { LineIndex } from '../../server/src/core/line-index';
import type { WorkspaceIndexView } from '../../server/src/index/types';
import { RULE_IDS } from '../../server/src/rules/index';
import type { Rule } from '../../server/src/rules/types';
import { createParseCache } from '../../server/src/yaml/parse';
import { WorkspaceIndex } from '../../server/src/index/workspace-index';
import { lazySchemas } from '../../server/src/node/schema-files';
import * as path from 'node:path';

/** The bundled schemas, loaded once for all rule tests. */
export const testSchemas = lazySchemas(path.resolve(__dirname, '../../schemas'), (message) => {
  throw new Error(message);
});

export interface ExpectedError {
  messageId: string;
  data?: Record<string, string | number>;
  /** The exact text the finding underlines. */
  text?: string;
  /** 1-based. */
  line?: number;
  column?: number;
  severity?: Severity;
  /** Titles and outputs of the non-safe fixes offered, in order. */
  suggestions?: ExpectedSuggestion[];
}

export interface ExpectedSuggestion {
  title?: string;
  /** The case's text after the suggestion's edits to it (the text itself if it edits only other files). */
  output: string;
  /** The text of each other file the suggestion edits, after its edits, by the case's `files` path. */
  files?: Record<string, string>;
}

export interface InvalidCase {
  name?: string;
  code: string;
  errors: ExpectedError[];
  /** The text after all of this rule's safe fixes (multipass); required iff a safe fix exists. */
  output?: string;
  settings?: Settings;
  /** Other workspace files for cross-object rules, by path relative to file:///workspace/. */
  files?: Record<string, string>;
  /** For fixes that are allowed to drop a comment (e.g. removing a commented line). */
  removesComments?: boolean;
}

export interface ValidCase {
  name?: string;
  code: string;
  settings?: Settings;
  files?: Record<string, string>;
}

export interface TesterOptions {
  index?: WorkspaceIndexView;
}

export const CASE_URI = 'file:///workspace/case.yaml';

/**
 * Lints `code` as file:///workspace/case.yaml. Cross-object rules get an index holding that file and
 * the case's other `files` (paths relative to file:///workspace/), unless an index is given.
 */
export function lintWithRule(rule: Rule, code: string, settings: Settings = {}, index?: WorkspaceIndexView, files: Record<string, string> = {}): Finding[] {
  const { config, problems } = resolveConfig(settings, RULE_IDS);
  assert.deepEqual(problems, [], 'test settings must be valid');
  const result = lintText(code, { uri: CASE_URI, config, rules: [rule], index: indexFor(rule, code, index, files), schemas: testSchemas });
  assert.deepEqual(result.internalErrors, [], 'the rule must not throw');
  return result.findings.filter((f) => f.ruleId === rule.meta.id);
}

/** The given index, or for a cross-object rule one holding the case and its other `files`. */
function indexFor(rule: Rule, code: string, index: WorkspaceIndexView | undefined, files: Record<string, string> = {}): WorkspaceIndexView | undefined {
  if (index || !rule.meta.needsIndex) return index;
  const workspace = new WorkspaceIndex();
  for (const [file, text] of Object.entries(files)) workspace.update(new URL(file, 'file:///workspace/').toString(), text);
  workspace.update(CASE_URI, code);
  return workspace;
}

/**
 * A fix's edits in file offsets, placed as the front ends place them (core/place-edits.ts), with an
 * index of the case's files: the case at CASE_URI and its `files`.
 */
export function placeCaseEdits(edits: readonly FixEdit[], c: { code: string; files?: Record<string, string> }): PlacedEdit[] {
  const texts = new Map([[CASE_URI, c.code], ...Object.entries(c.files ?? {}).map(([file, text]) => [new URL(file, 'file:///workspace/').toString(), text] as const)]);
  const workspace = new WorkspaceIndex();
  for (const [uri, text] of texts) workspace.update(uri, text);
  const placed = placeEdits(edits, CASE_URI, (ref) => workspace.locate(ref), (uri) => texts.get(uri));
  assert.ok(placed, 'every edit of a fix lands on an object of the case');
  return placed;
}

export function runRuleTests(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }, options: TesterOptions = {}): void {
  const id = rule.meta.id;
  describe(id, () => {
    it('has no duplicate cases', () => {
      const codes = [...cases.valid.map((c) => (typeof c === 'string' ? c : c.code)), ...cases.invalid.map((c) => c.code)];
      assert.equal(new Set(codes).size, codes.length, 'duplicate test case');
      assert.ok(cases.valid.length > 0 && cases.invalid.length > 0, 'a rule needs valid and invalid cases');
    });

    it('passes its documented examples', () => checkDocumentedExamples(rule, options));

    cases.valid.forEach((entry, i) => {
      const c = typeof entry === 'string' ? { code: entry } : entry;
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const findings = lintWithRule(rule, c.code, c.settings, options.index, c.files);
        assert.deepEqual(findings.map((f) => f.message), [], 'expected no findings');
      });
    });

    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => checkInvalid(rule, c, options));
    });
  });
}

/**
 * The docs page's examples: the "bad" one must produce a finding of this rule (lintWithRule keeps
 * this rule's findings only, so a YAML error or another rule's finding never counts), the "good"
 * one none.
 */
export function checkDocumentedExamples(rule: Rule, options: TesterOptions = {}): void {
  assert.deepEqual(lintWithRule(rule, rule.meta.examples.valid, {}, options.index).map((f) => f.message), [], `meta.examples.valid must not report ${rule.meta.id}`);
  assert.ok(lintWithRule(rule, rule.meta.examples.invalid, {}, options.index).length > 0, `meta.examples.invalid must report ${rule.meta.id} itself`);
}

export function checkInvalid(rule: Rule, c: InvalidCase, options: TesterOptions): void {
  const findings = lintWithRule(rule, c.code, c.settings, options.index, c.files);
  const lines = new LineIndex(c.code);
  assert.equal(findings.length, c.errors.length, `expected ${c.errors.length} findings, got: ${findings.map((f) => f.message).join(' | ')}`);
  c.errors.forEach((expected, i) => {
    const finding = findings[i]!;
    const template = (rule.meta.messages as Record<string, string>)[expected.messageId];
    assert.ok(template, `unknown messageId ${expected.messageId}`);
    assert.equal(finding.messageId, expected.messageId);
    assert.ok(!finding.message.includes('{{'), `unfilled placeholder in "${finding.message}"`);
    if (expected.data) assert.equal(finding.message, formatMessage(template, expected.data));
    if (expected.text !== undefined) assert.equal(c.code.slice(finding.range.start, finding.range.end), expected.text);
    const position = lines.positionOf(finding.range.start);
    if (expected.line !== undefined) assert.equal(position.line + 1, expected.line, 'line');
    if (expected.column !== undefined) assert.equal(position.character + 1, expected.column, 'column');
    if (expected.severity) assert.equal(finding.severity, expected.severity);
    for (const fix of finding.fixes) {
      const placed = placeCaseEdits(fix.edits, c);
      const local = placed.filter((edit) => edit.uri === CASE_URI);
      if (local.length === placed.length) {
        checkFix(rule, c, finding, applyEdits(c.code, local), options);
        continue;
      }
      // A fix in another file: apply it there and check that the finding goes away.
      const files = { ...c.files };
      for (const [file, text] of Object.entries(files)) {
        const uri = new URL(file, 'file:///workspace/').toString();
        files[file] = applyEdits(text, placed.filter((edit) => edit.uri === uri));
        const errors = parseAllDocuments(files[file]!).flatMap((doc) => ('errors' in doc ? doc.errors : []));
        assert.deepEqual(errors.map((e) => e.message), [], `fix output must parse:\n${files[file]}`);
      }
      const after = lintWithRule(rule, applyEdits(c.code, local), c.settings, options.index, files);
      assert.ok(!after.some((f) => f.message === finding.message), `the cross-file fix must remove "${finding.message}"`);
    }
    const suggestions = finding.fixes.filter((fix) => fix.kind === 'suggestion');
    // As in ESLint's RuleTester: a suggestion nobody asserted is a suggestion nobody checked.
    if (suggestions.length > 0 && !expected.suggestions) {
      assert.fail(`finding ${i + 1} offers ${suggestions.length} suggestion(s) (${suggestions.map((f) => `"${f.title}"`).join(', ')}): list them in \`suggestions\``);
    }
    if (expected.suggestions) {
      assert.equal(suggestions.length, expected.suggestions.length, 'number of suggestions');
      expected.suggestions.forEach((s, j) => {
        const edits = placeCaseEdits(suggestions[j]!.edits, c);
        if (s.title) assert.equal(suggestions[j]!.title, s.title);
        assert.equal(applyEdits(c.code, edits.filter((edit) => edit.uri === CASE_URI)), s.output);
        const edited = Object.entries(c.files ?? {}).filter(([file]) => edits.some((edit) => edit.uri === new URL(file, 'file:///workspace/').toString()));
        assert.deepEqual(
          Object.fromEntries(edited.map(([file, text]) => [file, applyEdits(text, edits.filter((edit) => edit.uri === new URL(file, 'file:///workspace/').toString()))])),
          s.files ?? {},
          'the other files the suggestion edits',
        );
      });
    }
  });
  const hasSafeFix = findings.some((f) => f.fixes.some((fix) => fix.kind === 'safe'));
  if (hasSafeFix) {
    assert.ok(c.output !== undefined, 'the rule produced a safe fix: add `output` to the case');
    assert.notEqual(c.output, c.code);
    const fixed = applySafeFixes(c.code, (text) => lintWithRule(rule, text, c.settings, options.index, c.files)).text;
    assert.equal(fixed, c.output);
    if (rule.meta.safeWhenDefaultSet) assert.equal(rule.meta.fixable, 'suggestion', 'safeWhenDefaultSet goes with fixable: suggestion');
    else assert.equal(rule.meta.fixable, 'safe', 'meta.fixable must declare safe fixes');
  } else {
    assert.equal(c.output, undefined, 'no safe fix was produced, so `output` must be absent');
  }
  if (findings.some((f) => f.fixes.length > 0)) assert.ok(rule.meta.fixable, 'meta.fixable must be declared for rules with fixes');
  checkNoMutation(rule, c, options);
}

function checkFix(rule: Rule, c: InvalidCase, finding: Finding, output: string, options: TesterOptions): void {
  const errors = parseAllDocuments(output).flatMap((doc) => ('errors' in doc ? doc.errors : []));
  assert.deepEqual(errors.map((e) => e.message), [], `fix output must parse:\n${output}`);
  const count = (text: string) => lintWithRule(rule, text, c.settings, options.index, c.files).filter((f) => f.message === finding.message).length;
  assert.ok(count(output) < count(c.code), `the fix must remove the finding "${finding.message}":\n${output}`);
  if (!c.removesComments) for (const comment of commentsOf(c.code)) assert.ok(output.includes(comment), `the fix dropped the comment "${comment}"`);
}

/** Text of every comment (from `#` to the end of its line) in a YAML text. */
export function commentsOf(text: string): string[] {
  return [...text.matchAll(/(?:^|[ \t])(#[^\n]*)/gm)].map((m) => m[1]!.trimEnd());
}

/** Runs the rule as the case does (same index and schemas, so cross-object rules run their code too). */
function checkNoMutation(rule: Rule, c: InvalidCase, options: TesterOptions): void {
  const cache = createParseCache();
  const { config } = resolveConfig(c.settings ?? {}, RULE_IDS);
  const index = indexFor(rule, c.code, options.index, c.files);
  const result = lintText(c.code, { uri: CASE_URI, config, rules: [rule], cache, index, schemas: testSchemas });
  assert.ok(result.findings.some((f) => f.ruleId === rule.meta.id), 'the mutation check must run the rule to its finding');
  for (const placed of result.documents) {
    if (placed.parsed.errors.length > 0) continue; // a broken document cannot be printed back to compare
    const fresh = createParseCache();
    const again = lintText(placed.parsed.text, { config: resolveConfig({}, RULE_IDS).config, rules: [], cache: fresh }).documents[0];
    if (again) assert.equal(String(placed.parsed.doc), String(again.parsed.doc), 'the rule mutated the parsed document');
  }
}
