import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkGolden } from '../support/golden';

describe('checkGolden', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-golden-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on a missing golden and does not write it', () => {
    const file = path.join(dir, 'missing.txt');
    assert.throws(() => checkGolden(file, 'output\n', {}), /missing\.txt is missing; run with UPDATE_GOLDEN=1/);
    assert.equal(existsSync(file), false);
  });

  it('writes a missing golden when UPDATE_GOLDEN=1', () => {
    const file = path.join(dir, 'new.txt');
    checkGolden(file, 'output\n', { UPDATE_GOLDEN: '1' });
    assert.equal(readFileSync(file, 'utf8'), 'output\n');
  });

  it('fails on a golden that differs, passes on one that matches', () => {
    const file = path.join(dir, 'old.txt');
    writeFileSync(file, 'before\n');
    assert.throws(() => checkGolden(file, 'after\n', {}), /old\.txt differs from the golden/);
    checkGolden(file, 'before\n', {});
  });
});
