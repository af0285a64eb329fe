/**
 * Golden-file comparison. A golden is written only when UPDATE_GOLDEN=1 is set: a missing golden
 * fails, since writing it and passing would let a deleted or misnamed golden hide any change.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const UPDATE_FLAG = 'UPDATE_GOLDEN';

export function checkGolden(file: string, actual: string, env: NodeJS.ProcessEnv = process.env): void {
  const name = path.basename(file);
  if (env[UPDATE_FLAG] === '1') writeFileSync(file, actual);
  assert.ok(existsSync(file), `the golden ${name} is missing; run with ${UPDATE_FLAG}=1 to write it, then review and commit it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from the golden; run with ${UPDATE_FLAG}=1 if the change is intended`);
}
