/**
 * `--fix-dry-run` prints a patch: `git apply` must turn the old text into the new one exactly,
 * whatever the line endings, the final newline and a byte order mark. Cases are drawn from fixed seeds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unifiedDiff } from '../../server/src/cli/diff';
import { rng } from '../support/schema-fuzz';

const LINES = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: app', '      resources:', '        limits:', '          cpu: 250m', '          memory: 128Mi', '', '---', '# comment'];

function draw(next: () => number): { before: string; after: string } {
  const pick = () => LINES[Math.floor(next() * LINES.length)]!;
  const lines = Array.from({ length: Math.floor(next() * 12) }, pick);
  const edited = [...lines];
  for (let edits = Math.floor(next() * 4); edits > 0; edits--) {
    const at = Math.floor(next() * (edited.length + 1));
    const choice = next();
    if (choice < 0.4) edited.splice(at, 0, pick());
    else if (choice < 0.7) edited.splice(at, 1);
    else edited.splice(at, 1, pick());
  }
  const eol = next() < 0.3 ? '\r\n' : '\n';
  const bom = next() < 0.2 ? '\uFEFF' : '';
  const join = (ls: string[]) => (ls.length === 0 ? '' : ls.join(eol) + (next() < 0.5 ? eol : ''));
  return { before: bom + join(lines), after: bom + join(edited) };
}

test('git apply turns every printed diff into the fixed text (300 seeded cases: final newlines, CRLF, BOM)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-diff-'));
  try {
    const cases: { name: string; before: string; after: string }[] = [];
    for (let seed = 1; seed <= 300; seed++) {
      const { before, after } = draw(rng(seed));
      if (before === after) continue;
      cases.push({ name: `case-${seed}.yaml`, before, after });
    }
    assert.ok(cases.length > 200, `only ${cases.length} cases differ`);
    for (const c of cases) writeFileSync(path.join(dir, c.name), c.before);
    // One patch for all cases, applied once: spawning git per case is slow on a busy machine.
    const patch = cases.map((c) => unifiedDiff(c.before, c.after, `a/${c.name}`, `b/${c.name}`)).join('');
    writeFileSync(path.join(dir, 'fix.patch'), patch);
    execFileSync('git', ['apply', '--whitespace=nowarn', 'fix.patch'], { cwd: dir, stdio: 'pipe' });
    const wrong = cases.filter((c) => readFileSync(path.join(dir, c.name), 'utf8') !== c.after).map((c) => c.name);
    assert.deepEqual(wrong, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
