/** locate: the node under an offset, for hover and completion. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locate } from '../../server/src/yaml/locate';
import { parseChunk } from '../../server/src/yaml/parse';

describe('locate', () => {
  it('at the start of a key that follows a block mapping, finds that key, not the mapping above', () => {
    // The range of `metadata`'s value takes its final newline, so it ends where `spec` starts.
    const text = 'metadata:\n  name: s\nspec:\n  type: ClusterIP\n';
    const located = locate(parseChunk(text).doc, text.indexOf('spec'));
    assert.deepEqual(located?.path, ['spec']);
    assert.equal(located?.onKey, true);
  });

  it('at the start of a list item that follows a block item, finds that item', () => {
    const text = 'ports:\n- - a\n  - b\n- - c\n';
    assert.deepEqual(locate(parseChunk(text).doc, text.indexOf('- c'))?.path, ['ports', 1]);
  });

  it('at the end of a scalar, still finds the scalar', () => {
    const text = 'name: web\nkind: x\n';
    assert.deepEqual(locate(parseChunk(text).doc, 'name: web'.length)?.path, ['name']);
  });
});
