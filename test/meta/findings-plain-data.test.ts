/**
 * Findings are values (server/ARCHITECTURE.md, invariant 12): over the whole rule registry and
 * multi-file workspaces, every finding, with its fixes and suggestions, is plain data that survives
 * JSON unchanged, is frozen, and does not change when the index later moves the objects its edits
 * name; placed with the moved index, those edits land at the same place in the moved objects.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintText } from '../../server/src/core/engine';
import type { Finding } from '../../server/src/core/finding';
import { FindingsCache } from '../../server/src/core/findings-cache';
import { placeEdits, type PlacedEdit } from '../../server/src/core/place-edits';
import { WorkspaceIndex } from '../../server/src/index/workspace-index';
import { RULES } from '../../server/src/rules/index';
import { DEFAULT_CONFIG } from '../support/corpus';
import { testSchemas } from '../support/rule-tester';
import { registryWorkspaces } from '../support/workspaces';

/** A document put at the top of every file: every object moves (offset and document position), none changes. */
const SPACER = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain-data-spacer\n---\n';

/** Fails unless `value` is JSON's own kind of data: no getters, functions, class instances, undefined, NaN. */
function assertPlainData(value: unknown, where: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') return assert.ok(Number.isFinite(value), `${where}: ${value} is not a JSON number`);
  assert.equal(typeof value, 'object', `${where}: a ${typeof value} is not data`);
  assert.ok(Object.isFrozen(value), `${where}: not frozen`);
  const proto = Object.getPrototypeOf(value);
  assert.ok(Array.isArray(value) ? proto === Array.prototype : proto === Object.prototype, `${where}: an instance of ${proto?.constructor?.name}`);
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
    if (Array.isArray(value) && key === 'length') continue;
    assert.ok('value' in descriptor, `${where}.${key}: an accessor, not data`);
    assert.ok(descriptor.enumerable, `${where}.${key}: not enumerable, so JSON drops it`);
    assert.notEqual(descriptor.value, undefined, `${where}.${key}: undefined (JSON drops it; leave the key out)`);
    assertPlainData(descriptor.value, `${where}.${key}`);
  }
}

const isKustomization = (uri: string): boolean => /\/kustomization\.ya?ml$/.test(uri);

interface Linted {
  readonly uri: string;
  readonly findings: readonly Finding[];
}

function lintWorkspace(index: WorkspaceIndex, files: ReadonlyMap<string, string>, caches: Map<string, FindingsCache>): Linted[] {
  return [...files].map(([uri, text]) => {
    let findingsCache = caches.get(uri);
    if (!findingsCache) caches.set(uri, (findingsCache = new FindingsCache()));
    const result = lintText(text, { uri, config: DEFAULT_CONFIG, rules: RULES, index, schemas: testSchemas, cache: index.parseCacheFor(uri), findingsCache });
    assert.deepEqual(result.internalErrors, [], 'no rule throws');
    return { uri, findings: result.findings };
  });
}

/** Every fix's edits in file offsets, with the index and texts given; `self` edits are left out (they are in the linted text, which does not move here). */
function placedObjectEdits(linted: readonly Linted[], index: WorkspaceIndex, texts: ReadonlyMap<string, string>): (PlacedEdit[] | undefined)[] {
  return linted.flatMap(({ uri, findings }) =>
    findings.flatMap((finding) =>
      finding.fixes.map((fix) => {
        const others = fix.edits.filter((edit) => edit.target !== 'self');
        return placeEdits(others, uri, (ref) => index.locate(ref), (file) => texts.get(file));
      }),
    ),
  );
}

describe('findings are plain data', () => {
  const workspaces = registryWorkspaces();
  let objectEdits = 0;

  for (const workspace of workspaces) {
    it(workspace.name, () => {
      // Every file starts with a document marker, so that the spacer leaves every document's text as it was
      // (a file's first document has no marker of its own, and gains one when a document comes before it).
      const files = new Map([...workspace.files].map(([uri, text]) => [uri, text.startsWith('---') ? text : `---\n${text}`]));
      const index = new WorkspaceIndex();
      for (const [uri, text] of files) index.update(uri, text);
      const caches = new Map<string, FindingsCache>();
      const linted = lintWorkspace(index, files, caches);
      for (const { uri, findings } of linted) {
        findings.forEach((finding, i) => {
          const where = `${uri} finding ${i + 1} (${finding.ruleId})`;
          assertPlainData(finding, where);
          assert.deepStrictEqual(JSON.parse(JSON.stringify(finding)), finding, `${where}: changed by a JSON round trip`);
        });
      }
      const snapshot = JSON.stringify(linted);
      const before = placedObjectEdits(linted, index, files);
      for (const placed of before) assert.ok(placed, 'every edit in another object can be placed');
      objectEdits += before.reduce((n, placed) => n + (placed?.length ?? 0), 0);

      // Move every object of every file; the findings already handed out must not change.
      // (Kustomization files keep their text: with a second document they would no longer be kustomizations.)
      const moved = new Map([...files].map(([uri, text]) => [uri, isKustomization(uri) ? text : SPACER + text]));
      for (const [uri, text] of moved) index.update(uri, text);
      assert.equal(JSON.stringify(linted), snapshot, 'the findings changed when the index moved the objects');
      const after = placedObjectEdits(linted, index, moved);
      assert.deepEqual(
        after,
        before.map((placed) => placed?.map((edit) => (isKustomization(edit.uri) ? edit : { ...edit, start: edit.start + SPACER.length, end: edit.end + SPACER.length }))),
        'placed with the moved index, the edits land where the objects went',
      );
      // Linted again with the same findings caches, cached and re-run findings place their edits alike.
      const again = lintWorkspace(index, moved, caches).map(({ uri, findings }) => ({ uri, findings: isKustomization(uri) ? findings : findings.filter((f) => f.range.start >= SPACER.length) }));
      assert.deepEqual(placedObjectEdits(again, index, moved), after, 'the findings of the moved files place their edits where the objects went');
    });
  }

  it('covers edits in other objects', () => {
    // The registry's examples include an autoscaler whose fix edits its target Deployment.
    assert.ok(objectEdits > 0, 'no fix in the corpus edits another object: the test would prove nothing');
  });
});
