/** What `--fix` writes: byte order marks, symbolic and hard links, owners and modes, failed writes. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { runCli } from '../support/cli';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-fix-writes-'));
  dirs.push(dir);
  return dir;
}
const errorCount = (text: string) => parseAllDocuments(text).reduce((n, doc) => n + ('errors' in doc ? doc.errors.length : 0), 0);

const STORAGE_CLASS = ['apiVersion: storage.k8s.io/v1', 'kind: StorageClass', 'metadata:', '  name: s', 'provisioner: ebs.csi.aws.com'];

describe('kube-guardrails CLI: --fix and a byte order mark', () => {
  for (const [name, tail] of [
    ['a plain StorageClass', [] as string[]],
    ['a StorageClass ending in an allowedTopologies list', ['allowedTopologies:', '  - matchLabelExpressions:', '      - key: topology.kubernetes.io/zone', '        values:', '          - eu-west-1a']],
  ] as const) {
    it(`inserts top-level keys at column 0, behind the BOM, once: ${name}`, async () => {
      const dir = tempDir();
      const file = path.join(dir, 'sc.yaml');
      writeFileSync(file, `\uFEFF${[...STORAGE_CLASS, ...tail].join('\n')}\n`);
      await runCli(['--fix', 'sc.yaml'], { cwd: dir });
      const fixed = readFileSync(file, 'utf8');
      assert.ok(fixed.startsWith('\uFEFFapiVersion: '), fixed);
      assert.equal(errorCount(fixed), 0, fixed);
      assert.equal(fixed.split('\nallowVolumeExpansion: true\n').length, 2, fixed);
      const again = await runCli(['--fix', 'sc.yaml'], { cwd: dir });
      assert.match(again.stderr, /fixed 0 findings in 0 files/);
      assert.equal(readFileSync(file, 'utf8'), fixed);
    });
  }
});
