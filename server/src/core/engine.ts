/**
 * The pure lint engine: text in, findings out. It parses each document on its own, recognises
 * Kubernetes objects, walks each object once and dispatches to the enabled rules' visitors. It never
 * throws: YAML errors become `yaml-syntax` findings and a crashing rule becomes an internal error.
 */
import { isNode, isPair, type Node } from 'yaml';
import { toK8sObject, type K8sObject } from '../k8s/objects';
import { containersOf, podSpecOf } from '../k8s/workloads';
import type { IndexedObject, WorkspaceIndexView } from '../index/types';
import type { SchemaValidator } from '../schema/types';
import type { Rule, RuleContext, RuleVisitor, Report } from '../rules/types';
import { YamlFixer } from '../yaml/fixer';
import { keyRange, nodeRange } from '../yaml/nodes';
import { parseFile, type ParseCache, type ParsedDocument, type PlacedDocument } from '../yaml/parse';
import { isTemplateText } from '../yaml/template';
import { DEFAULT_FIX_VALUES, type ResolvedConfig } from './config';
import type { Finding, Fix, FixEdit, OffsetRange, Severity, TextEdit } from './finding';
import { LineIndex } from './line-index';
import { isFresh, type FindingsCache, type RuleFindings } from './findings-cache';
import { recordingView } from '../index/recording-view';
import { kustomizeKeyOf } from '../index/kustomize';
import { applySuppressions, IGNORE_ANNOTATION, parseIdList, type IgnoreScope } from './suppressions';

export const YAML_SYNTAX_RULE = 'yaml-syntax';

export interface LintOptions {
  /** The file's URI, for index lookups such as "is this a Kustomize patch". */
  readonly uri?: string;
  readonly config: ResolvedConfig;
  readonly rules: readonly Rule[];
  readonly index?: WorkspaceIndexView;
  readonly cache?: ParseCache;
  /** Bundled schemas, loaded on first use by the entry points. */
  readonly schemas?: () => SchemaValidator | undefined;
  /** Per-document findings kept between lints of the same file (the language server keeps one per file). */
  readonly findingsCache?: FindingsCache;
}

export interface LintResult {
  readonly findings: Finding[];
  /** One line per rule that threw; the other rules' findings are still complete. */
  readonly internalErrors: string[];
  /** Why the file was not analysed at all, if it was not. */
  readonly skipped?: 'template';
  readonly documents: readonly PlacedDocument[];
  readonly objects: readonly PlacedObject[];
  /** Index keys the rules looked up; when any of them changes, the file needs linting again. */
  readonly dependencies: ReadonlySet<string>;
}

export interface PlacedObject {
  readonly offset: number;
  readonly object: K8sObject;
}

export function lintText(text: string, options: LintOptions): LintResult {
  if (isTemplateText(text)) return { findings: [], internalErrors: [], skipped: 'template', documents: [], objects: [], dependencies: new Set() };
  const documents = parseFile(text, options.cache);
  const findings: Finding[] = [];
  const internalErrors: string[] = [];
  const scopes: IgnoreScope[] = [];
  const objects: PlacedObject[] = [];
  const objectOf = new Map<PlacedDocument, K8sObject>();
  const dependencies = new Set<string>();
  const facts = fileFactsOf(options);
  // Whether this file is a patch or gets selector labels is a fact about other files (kustomizations).
  if (options.uri !== undefined && options.index) dependencies.add(kustomizeKeyOf(options.uri));
  const enabled = options.rules.filter((rule) => severityOf(rule, options.config) !== undefined && !(facts.partial && rule.meta.reportsAbsence));
  const rulesKey = enabled.map((rule) => rule.meta.id).join(',');

  for (const placed of documents) {
    const object = toK8sObject(placed.parsed.doc);
    if (object) {
      objects.push({ offset: placed.offset, object });
      objectOf.set(placed, object);
      const ignored = object.annotations[IGNORE_ANNOTATION];
      if (ignored) scopes.push({ start: placed.offset, end: placed.offset + placed.parsed.text.length, ids: parseIdList(ignored) });
    }
  }
  const hasObjects = objects.length > 0;
  const syntaxRule = enabled.find((rule) => rule.meta.id === YAML_SYNTAX_RULE);
  const syntax = syntaxRule && severityOf(syntaxRule, options.config);
  for (const placed of documents) {
    const object = objectOf.get(placed);
    // Syntax errors are ours to report only in files that are Kubernetes manifests; other YAML
    // (workflows, compose files) belongs to other tools.
    if (syntax && (hasObjects || looksLikeManifest(placed.parsed.text))) {
      for (const error of placed.parsed.errors) {
        findings.push(freezeFinding({ ruleId: YAML_SYNTAX_RULE, messageId: 'error', severity: syntax, message: error.message, range: shift(error, placed.offset), fixes: [] }));
      }
    }
    if (!object) continue;
    const result = lintObject(object, placed, enabled, rulesKey, options, facts);
    for (const finding of result.findings) findings.push(shiftFinding(finding, placed.offset));
    internalErrors.push(...result.internalErrors);
    for (const key of result.dependencies.keys()) dependencies.add(key);
  }
  options.findingsCache?.retainOnly(documents.map((d) => d.parsed.text));
  const lines = new LineIndex(text);
  const kept = applySuppressions(findings, text, scopes, (offset) => lines.lineOf(offset));
  kept.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
  return { findings: kept, internalErrors, documents, objects, dependencies };
}

/** What Kustomize makes of the file, from the kustomization.yaml files in the index. */
interface FileFacts {
  /** A patch: a partial object, where rules about something absent would be wrong. */
  readonly partial: boolean;
  /** A resource that a kustomization adds selector labels to (commonLabels). */
  readonly selectorLabelsFromKustomize: boolean;
}

function fileFactsOf(options: LintOptions): FileFacts {
  const { uri, index } = options;
  return {
    partial: uri !== undefined && index?.isPatch(uri) === true,
    selectorLabelsFromKustomize: uri !== undefined && index?.getsSelectorLabels(uri) === true,
  };
}

/**
 * The index entry of the document being linted: the one at its offset in its file, by position and
 * never by content (two files may hold the same text). When the index holds other text there (it
 * lags behind the editor), there is no entry, and rules make no cross-object claim.
 */
function selfOf(placed: PlacedDocument, options: LintOptions): IndexedObject | undefined {
  if (options.uri === undefined || !options.index) return undefined;
  const entry = options.index.entryAt(options.uri, placed.offset);
  return entry?.text === placed.parsed.text ? entry : undefined;
}

/** What the rules found on one object. */
interface ObjectFindings {
  readonly findings: readonly Finding[];
  readonly internalErrors: readonly string[];
  readonly dependencies: ReadonlyMap<string, number>;
}

/**
 * Runs the rules on one object. With a findings cache, each rule's result for the same document
 * text is reused while the index keys it looked up are unchanged, so only the rules that depend on
 * what changed run again. `rulesKey` names the set of `rules`.
 */
function lintObject(object: K8sObject, placed: PlacedDocument, rules: readonly Rule[], rulesKey: string, options: LintOptions, facts: FileFacts): ObjectFindings {
  const parsed = placed.parsed;
  const self = selfOf(placed, options);
  const cache = options.findingsCache;
  const entry = cache?.entryFor(parsed.text, `${configKeyOf(options.config)}|${facts.partial}|${facts.selectorLabelsFromKustomize}`);
  const combined = entry?.combined;
  if (combined && combined.rulesKey === rulesKey && isFresh(combined, options.index)) return combined;
  const findings: Finding[] = [];
  const internalErrors: string[] = [];
  const dependencies = new Map<string, number>();
  let ran = false;
  const hasPodSpec = podSpecOf(object) !== undefined;
  for (const rule of rules) {
    if (rule.meta.id === YAML_SYNTAX_RULE) continue;
    // A rule that only visits pod specs and containers has nothing to do on a Service or a ConfigMap.
    if (!hasPodSpec && !hooksOf(rule).object) continue;
    let result = entry?.rules.get(rule.meta.id);
    if (!result || !isFresh(result, options.index)) {
      result = runRuleRecorded(rule, object, parsed, self, options, facts);
      ran = true;
      if (cache) cache.ruleRuns++;
      // Edits in other objects are relative to those objects (rules/edit-other-object.ts), so they
      // stay right while the objects move; a change to an object itself is a dependency.
      if (entry) entry.rules.set(rule.meta.id, result);
    }
    findings.push(...result.findings);
    internalErrors.push(...result.internalErrors);
    for (const [key, version] of result.dependencies) dependencies.set(key, version);
  }
  const out = { findings, internalErrors, dependencies };
  if (cache && ran) cache.misses++;
  if (entry) entry.combined = { ...out, rulesKey };
  return out;
}

/**
 * Which hooks a rule's visitor has, read once from a visitor created with an inert context (rules
 * keep no state outside the visitor they create, and creating one reports nothing).
 */
const HOOKS = new WeakMap<Rule, { readonly object: boolean }>();
const INERT_CONTEXT: RuleContext = {
  document: { text: '', doc: undefined as never, errors: [] },
  defaults: DEFAULT_FIX_VALUES,
  kubernetesVersion: '',
  index: undefined,
  self: undefined,
  schemas: undefined,
  partial: false,
  selectorLabelsFromKustomize: false,
  report: () => undefined,
};

function hooksOf(rule: Rule): { readonly object: boolean } {
  let hooks = HOOKS.get(rule);
  if (!hooks) {
    let object = true; // when in doubt, run the rule
    try {
      object = rule.create(INERT_CONTEXT).object !== undefined;
    } catch {
      // a rule whose create() needs a real document: always run it
    }
    HOOKS.set(rule, (hooks = { object }));
  }
  return hooks;
}

const NOTHING: readonly never[] = [];
const NO_DEPENDENCIES: ReadonlyMap<string, number> = new Map();

/**
 * Runs one rule, recording the index keys it looks up. Most runs find nothing and look nothing up;
 * they share empty results, since a large file makes tens of thousands of runs.
 */
function runRuleRecorded(rule: Rule, object: K8sObject, parsed: ParsedDocument, self: IndexedObject | undefined, options: LintOptions, facts: FileFacts): RuleFindings {
  const recorded = rule.meta.needsIndex && options.index ? recordingView(options.index) : undefined;
  const findings: Finding[] = [];
  const internalErrors: string[] = [];
  runRule(rule, object, parsed, self, options, recorded?.view, facts, findings, internalErrors);
  let dependencies = NO_DEPENDENCIES;
  if (recorded && recorded.dependencies.size > 0) {
    const versions = new Map<string, number>();
    for (const dependency of recorded.dependencies) versions.set(dependency, options.index!.keyVersion(dependency));
    dependencies = versions;
  }
  return { findings: findings.length > 0 ? findings : NOTHING, internalErrors: internalErrors.length > 0 ? internalErrors : NOTHING, dependencies };
}

const CONFIG_KEYS = new WeakMap<ResolvedConfig, string>();

function configKeyOf(config: ResolvedConfig): string {
  let key = CONFIG_KEYS.get(config);
  if (key === undefined) {
    key = JSON.stringify([[...config.severities].sort(), config.defaults, config.kubernetesVersion]);
    CONFIG_KEYS.set(config, key);
  }
  return key;
}

/** A chunk's finding in file offsets: its range and its `self` edits move; edits in other objects stay relative to those objects. */
function shiftFinding(finding: Finding, offset: number): Finding {
  if (offset === 0) return finding;
  return freezeFinding({
    ...finding,
    range: shift(finding.range, offset),
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => (edit.target !== 'self' ? edit : { target: 'self', ...shift(edit, offset), newText: edit.newText })) })),
  });
}

function looksLikeManifest(text: string): boolean {
  return /^apiVersion:/m.test(text) && /^kind:/m.test(text);
}

export function severityOf(rule: Rule, config: ResolvedConfig): Severity | undefined {
  const setting = config.severities.get(rule.meta.id) ?? rule.meta.defaultSeverity;
  return setting === 'off' ? undefined : setting;
}

/** Runs one rule on one object; findings are relative to the document chunk. */
function runRule(rule: Rule, object: K8sObject, parsed: ParsedDocument, self: IndexedObject | undefined, options: LintOptions, index: WorkspaceIndexView | undefined, facts: FileFacts, out: Finding[], errors: string[]): void {
  const severity = severityOf(rule, options.config);
  if (!severity) return;
  let fixer: YamlFixer | undefined;
  const context: RuleContext = {
    document: parsed,
    defaults: options.config.defaults,
    kubernetesVersion: options.config.kubernetesVersion,
    index: rule.meta.needsIndex ? index : undefined,
    self: rule.meta.needsIndex && index ? self : undefined,
    get schemas() {
      return options.schemas?.();
    },
    partial: facts.partial,
    selectorLabelsFromKustomize: facts.selectorLabelsFromKustomize,
    report(report: Report<string>) {
      const range = rangeOf(report.at);
      if (!range) return;
      fixer ??= new YamlFixer(parsed.text, parsed.doc.contents);
      const finding: Finding = {
        ruleId: rule.meta.id,
        messageId: report.messageId,
        // A rule may report a milder case below its level (e.g. a suspicious rather than a broken
        // value); a severity the user set explicitly always wins.
        severity: report.severity && !options.config.severities.has(rule.meta.id) ? report.severity : severity,
        message: formatMessage(rule.meta.messages[report.messageId] ?? report.messageId, report.data),
        range,
        fixes: buildFixes(report, fixer),
      };
      out.push(freezeFinding(finding));
    },
  };
  try {
    visit(rule.create(context), object);
  } catch (error) {
    errors.push(`rule ${rule.meta.id} failed on ${object.kind} ${object.name ?? '(unnamed)'}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

function visit(visitor: RuleVisitor, object: K8sObject): void {
  visitor.object?.(object);
  if (!visitor.podSpec && !visitor.container) return;
  const podSpec = podSpecOf(object);
  if (!podSpec) return;
  visitor.podSpec?.(podSpec);
  if (visitor.container) for (const container of containersOf(podSpec)) visitor.container(container);
}

/**
 * The rule's fixes as plain data: every edit names its target (`self` for the linted document), and
 * only the fields of the result types are copied (a rule's helper objects, getters or extra fields
 * never reach a finding, which is cached, compared and serialised).
 */
function buildFixes(report: Report<string>, fixer: YamlFixer): Fix[] {
  if (!report.fix) return [];
  const built = report.fix(fixer);
  const fixes = built ? (Array.isArray(built) ? built : [built]) : [];
  return fixes.filter((fix) => fix.edits.length > 0).map((fix) => ({ title: fix.title, kind: fix.kind, edits: fix.edits.map(plainEdit) }));
}

function plainEdit(edit: TextEdit | FixEdit): FixEdit {
  const { start, end, newText } = edit;
  if (!('target' in edit) || edit.target === 'self') return { target: 'self', start, end, newText };
  const { uri, docIndex, kind, name, digest } = edit.target;
  return { target: { uri, docIndex, kind, ...(name !== undefined ? { name } : {}), digest }, start, end, newText };
}

/** Findings are shared between lints by the findings cache: frozen, so that no consumer can change a cached one. */
function freezeFinding(finding: Finding): Finding {
  for (const fix of finding.fixes) {
    for (const edit of fix.edits) {
      if (edit.target !== 'self') Object.freeze(edit.target);
      Object.freeze(edit);
    }
    Object.freeze(fix.edits);
    Object.freeze(fix);
  }
  Object.freeze(finding.fixes);
  Object.freeze(finding.range);
  return Object.freeze(finding);
}

function rangeOf(at: Report<string>['at']): OffsetRange | undefined {
  if (isPair(at)) return keyRange(at);
  if (isNode(at)) return nodeRange(at as Node);
  // A copy: the finding is frozen, and a rule's own range object (maybe with more fields) stays its own.
  if (!at) return undefined;
  const { start, end } = at as OffsetRange;
  return { start, end };
}

function shift<T extends OffsetRange>(range: T, offset: number): OffsetRange {
  return { start: range.start + offset, end: range.end + offset };
}

export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (data && key in data ? String(data[key]) : whole));
}
