import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../server/src/core/config';
import { lintText } from '../../server/src/core/engine';
import { FindingsCache } from '../../server/src/core/findings-cache';
import { WorkspaceIndex } from '../../server/src/index/workspace-index';
import { RULES, RULE_IDS } from '../../server/src/rules/index';
import { parseStats } from '../../server/src/yaml/parse';
import { applyEdits } from '../../server/src/core/apply-fixes';
import { placeEdits } from '../../server/src/core/place-edits';
import { deployment } from '../support/manifests';
import { CONTAINER_WITHOUT_REQUESTS, hpaOf, workload } from '../support/objects';

const config = resolveConfig({}, RULE_IDS).config;

function manyDocuments(count: number, edited = -1): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    docs.push(deployment(`- name: app-${i}\n  image: registry.example.com/app:${i === edited ? '2.0.0' : '1.0.0'}\n`).replace('name: web', `name: web-${i}`));
  }
  return docs.join('---\n');
}

describe('incremental analysis', () => {
  it('re-parses and re-lints only the document that changed', () => {
    const uri = 'file:///w/big.yaml';
    const index = new WorkspaceIndex();
    const parses = index.parseCacheFor(uri);
    const findingsCache = new FindingsCache();
    const lint = (text: string) => {
      index.update(uri, text);
      return lintText(text, { uri, config, rules: RULES, cache: parses, findingsCache, index });
    };
    const before = lint(manyDocuments(100));
    const parsedAfterFirst = parseStats.documentsParsed;
    const missesAfterFirst = findingsCache.misses;
    assert.equal(missesAfterFirst, 100);

    const after = lint(manyDocuments(100, 42));
    assert.equal(parseStats.documentsParsed - parsedAfterFirst, 1, 'only the edited document is parsed again');
    assert.equal(findingsCache.misses - missesAfterFirst, 1, 'only the edited document has its rules run again');
    // The cached results are the same findings, shifted to the documents' new places.
    assert.equal(after.findings.length, before.findings.length);
    // Documents before and after the edit keep their parse (the edit moved the later ones).
    const sameParse = after.documents.filter((d, i) => d.parsed === before.documents[i]!.parsed).length;
    assert.equal(sameParse, 99);

    lint(manyDocuments(100, 42));
    assert.equal(findingsCache.misses - missesAfterFirst, 1, 'an identical text re-runs nothing');

    // An edit that grows the first document moves every later one: they keep their parse all the same.
    const parsedBeforeGrowth = parseStats.documentsParsed;
    const grown = lint(manyDocuments(100, 42).replace('app-0\n', 'app-0-longer\n'));
    assert.equal(parseStats.documentsParsed - parsedBeforeGrowth, 1);
    assert.equal(grown.documents[99]!.parsed, after.documents[99]!.parsed);
    assert.equal(grown.documents[99]!.offset, after.documents[99]!.offset + '-longer'.length);
  });

  it('re-runs a cached document when an object it depends on changes in another file', () => {
    const uri = 'file:///w/app.yaml';
    const text = deployment('- name: app\n  image: registry.example.com/app:1.0.0\n');
    const index = new WorkspaceIndex();
    const findingsCache = new FindingsCache();
    const lint = () => lintText(text, { uri, config, rules: RULES, findingsCache, index });
    index.update(uri, text);
    const ids = () => lint().findings.map((f) => f.ruleId);
    assert.ok(ids().includes('container-memory-limit-missing'));
    const misses = findingsCache.misses;
    assert.ok(ids().includes('container-memory-limit-missing'));
    assert.equal(findingsCache.misses, misses, 'served from the cache');

    index.update('file:///w/limits.yaml', 'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\nspec:\n  limits:\n    - type: Container\n      default:\n        memory: 512Mi\n');
    const ruleRuns = findingsCache.ruleRuns;
    assert.equal(ids().includes('container-memory-limit-missing'), false, 'the LimitRange default now applies');
    assert.equal(findingsCache.misses, misses + 1);
    // Only the rules that looked LimitRanges up run again: requests, memory limit and CPU limit.
    assert.equal(findingsCache.ruleRuns - ruleRuns, 3, 'only the rules that depend on LimitRanges re-ran');
  });

  it('a Service re-runs its rules when pod labels change, not when anything else in a Deployment does', () => {
    const serviceUri = 'file:///w/service.yaml';
    const workloadUri = 'file:///w/web.yaml';
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';
    const index = new WorkspaceIndex();
    const findingsCache = new FindingsCache();
    index.update(serviceUri, service);
    const lintService = () => lintText(service, { uri: serviceUri, config, rules: RULES, findingsCache, index }).findings.map((f) => f.ruleId);
    const workload = (image: string, app: string) => deployment(`- name: app\n  image: registry.example.com/app:${image}\n`).replace(/app: web/g, `app: ${app}`);

    index.update(workloadUri, workload('1.0.0', 'web'));
    assert.equal(lintService().includes('service-selects-no-pods'), false, "the Deployment's pods are selected");
    const runs = findingsCache.ruleRuns;

    const changed = index.update(workloadUri, workload('2.0.0', 'web'));
    assert.equal(changed.has('@pod-selection'), false, 'an image change leaves the pod-selection facet alone');
    assert.equal(lintService().includes('service-selects-no-pods'), false);
    assert.equal(findingsCache.ruleRuns, runs, 'no rule of the Service ran again');

    assert.ok(index.update(workloadUri, workload('2.0.0', 'api')).has('@pod-selection'), 'a label change is a pod-selection change');
    assert.equal(lintService().includes('service-selects-no-pods'), true, 'now no pod carries app=web');
    assert.ok(findingsCache.ruleRuns > runs);
  });

  it('keeps the index entries of unchanged documents and moves their offsets', () => {
    const uri = 'file:///w/many.yaml';
    const index = new WorkspaceIndex();
    index.update(uri, manyDocuments(5));
    const before = index.ofKind('Deployment');
    const last = before.find((entry) => entry.object.name === 'web-4')!;
    const offset = last.offset;
    // Lengthen the first document: every later document moves, none of them changes.
    const edited = manyDocuments(5).replace('app-0', 'app-0-longer');
    const changed = index.update(uri, edited);
    assert.deepEqual([...changed].filter((key) => key.startsWith('Deployment/')), ['Deployment/web-0']);
    const after = index.ofKind('Deployment');
    const moved = after.find((entry) => entry.object.name === 'web-4')!;
    assert.equal(moved, last, 'the same entry');
    assert.equal(moved.offset, offset + '-longer'.length);
    assert.equal(edited.slice(moved.offset, moved.offset + moved.text.length), moved.text, 'the offset points at the document');
  });

  it('a cached fix in another object still lands on it after the documents before it grew', () => {
    const hpaUri = 'file:///w/hpa.yaml';
    const appUri = 'file:///w/app.yaml';
    const hpa = hpaOf();
    const app = (note: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes\ndata:\n  note: ${note}\n---\n${workload({ containers: CONTAINER_WITHOUT_REQUESTS })}`;
    const index = new WorkspaceIndex();
    const findingsCache = new FindingsCache();
    index.update(hpaUri, hpa);
    index.update(appUri, app('short'));
    const missing = () => lintText(hpa, { uri: hpaUri, config, rules: RULES, findingsCache, index }).findings.find((f) => f.ruleId === 'hpa-target-missing-requests');
    assert.ok(missing(), 'the Deployment requests no CPU');
    const runs = findingsCache.ruleRuns;

    const snapshot = JSON.stringify(missing());

    // The ConfigMap before the Deployment grows: the Deployment's entry moves, its text does not.
    const grown = app('a much longer note than before');
    index.update(appUri, grown);
    const finding = missing()!;
    assert.equal(findingsCache.ruleRuns, runs, 'served from the cache');
    assert.equal(JSON.stringify(finding), snapshot, 'the finding is data: the move does not change it');
    const place = (text: string) => placeEdits(finding.fixes[0]!.edits, hpaUri, (ref) => index.locate(ref), (uri) => (uri === appUri ? text : undefined));
    const fixed = applyEdits(grown, place(grown)!.filter((edit) => edit.uri === appUri));
    assert.match(fixed, /^ {10}resources:\n {12}requests:\n {14}cpu: 100m$/m, fixed);
    assert.ok(fixed.startsWith(grown.slice(0, grown.indexOf('---'))), 'the ConfigMap is untouched');

    // A new document above the Deployment: its position in the file changes, and the edit still lands.
    const inserted = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n---\n${grown}`;
    index.update(appUri, inserted);
    assert.equal(JSON.stringify(missing()), snapshot);
    assert.equal(findingsCache.ruleRuns, runs, 'still served from the cache');
    const fixedAgain = applyEdits(inserted, place(inserted)!);
    assert.equal(fixedAgain, inserted.slice(0, inserted.length - grown.length) + fixed);

    // A text the index no longer holds (an editor ahead of it) places nothing rather than a wrong edit.
    assert.equal(place(`# a comment\n${inserted}`), undefined);
  });

  it("reads a kustomization from the index's own guarded parse, once", () => {
    const index = new WorkspaceIndex();
    const parsed = parseStats.documentsParsed;
    // Count every run of the yaml parser, not only the engine's own (a second parser run would not
    // go through parseStats).
    const yaml = createRequire(__filename)('yaml') as { parseDocument: (...args: unknown[]) => unknown };
    const original = yaml.parseDocument;
    let parserRuns = 0;
    yaml.parseDocument = (...args: unknown[]) => (parserRuns++, original(...args));
    try {
      index.update('file:///w/kustomization.yaml', 'resources: [app.yaml]\npatches:\n  - path: patch.yaml\n');
    } finally {
      yaml.parseDocument = original;
    }
    assert.equal(parserRuns, 1, 'one parser run serves the index and the patch list');
    assert.equal(parseStats.documentsParsed - parsed, 1);
    assert.equal(index.isPatch('file:///w/patch.yaml'), true);
    index.update('file:///w/app.yaml', deployment('- name: app\n  image: registry.example.com/app:1.0.0\n'));
    assert.equal(parseStats.documentsParsed - parsed, 2, 'updating another file does not parse the kustomization again');
    // Hostile nesting in a kustomization is declined by the guard, not handed to the parser.
    index.update('file:///w/kustomization.yaml', `resources: ${'['.repeat(20_000)}\n`);
    assert.equal(index.isPatch('file:///w/patch.yaml'), false);
  });
});
