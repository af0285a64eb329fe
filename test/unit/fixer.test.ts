import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument, type Pair, type YAMLMap } from 'yaml';
import { applyEdits } from '../../server/src/core/apply-fixes';
import { YamlFixer } from '../../server/src/yaml/fixer';
import { getMap, getPair } from '../../server/src/yaml/nodes';
import { yaml } from '../support/yaml-tag';

function setup(text: string) {
  const doc = parseDocument(text);
  const root = doc.contents as YAMLMap;
  return { fixer: new YamlFixer(text, root), root };
}

function pairAt(root: YAMLMap, path: readonly string[]): Pair<unknown, unknown> {
  let map: YAMLMap | undefined = root;
  for (const key of path.slice(0, -1)) map = getMap(map, key);
  const pair = getPair(map, path[path.length - 1]!);
  assert.ok(pair, `no pair at ${path.join('.')}`);
  return pair;
}

describe('YamlFixer.pairLines', () => {
  const text = yaml`
    probe:
      httpGet:
        path: /live # cheap check
        port: 8080
      periodSeconds: 5
  `;

  it('copies a block pair with its comment, unchanged at its own column', () => {
    const { fixer, root } = setup(text);
    assert.deepEqual(fixer.pairLines(pairAt(root, ['probe', 'httpGet']), 2), ['  httpGet:', '    path: /live # cheap check', '    port: 8080']);
  });

  it('re-indents deeper and shallower, keeping nested depth relative to the key', () => {
    const { fixer, root } = setup(text);
    const pair = pairAt(root, ['probe', 'httpGet']);
    assert.deepEqual(fixer.pairLines(pair, 6), ['      httpGet:', '        path: /live # cheap check', '        port: 8080']);
    assert.deepEqual(fixer.pairLines(pair, 0), ['httpGet:', '  path: /live # cheap check', '  port: 8080']);
  });

  it('copies scalar and single-line flow values, and lists under a key', () => {
    const { fixer, root } = setup(yaml`
      a:
        flow: {port: 80, path: /}
        command:
        - run
        - --fast
    `);
    assert.deepEqual(fixer.pairLines(pairAt(root, ['a', 'flow']), 4), ['    flow: {port: 80, path: /}']);
    assert.deepEqual(fixer.pairLines(pairAt(root, ['a', 'command']), 0), ['command:', '- run', '- --fast']);
  });

  it('keeps a block scalar\'s relative indentation and blank lines', () => {
    const { fixer, root } = setup('a:\n  script: |\n    one\n\n      two\n  b: 1\n');
    assert.deepEqual(fixer.pairLines(pairAt(root, ['a', 'script']), 4), ['    script: |', '      one', '', '        two']);
  });

  it('refuses anchors and aliases, which a copy would redefine or leave dangling', () => {
    const { fixer, root } = setup('a:\n  x: &port 80\n  y:\n    port: *port\n');
    assert.equal(fixer.pairLines(pairAt(root, ['a', 'x']), 2), undefined);
    assert.equal(fixer.pairLines(pairAt(root, ['a', 'y']), 2), undefined);
  });

  it('refuses a block with a comment left of its key, whose place is ambiguous', () => {
    const { fixer, root } = setup('a:\n  b:\n    c: 1\n# a comment at column 0\n    d: 2\n');
    assert.equal(fixer.pairLines(pairAt(root, ['a', 'b']), 4), undefined);
  });

  it('splits CRLF text into lines without carriage returns', () => {
    const { fixer, root } = setup('a:\r\n  b:\r\n    c: 1\r\n');
    assert.deepEqual(fixer.pairLines(pairAt(root, ['a', 'b']), 0), ['b:', '  c: 1']);
  });
});

describe('YamlFixer.appendLines', () => {
  it('appends after the last entry of a nested mapping, before what follows it', () => {
    const text = 'a:\n  b: 1\n  c: [1, 2] # flow is fine\nd: 2\n';
    const { fixer, root } = setup(text);
    const edit = fixer.appendLines(getMap(root, 'a')!, ['  e: 3', '  f: 4']);
    assert.ok(edit);
    assert.equal(applyEdits(text, [edit]), 'a:\n  b: 1\n  c: [1, 2] # flow is fine\n  e: 3\n  f: 4\nd: 2\n');
  });

  it('adds the missing line break at the end of a file, using the file\'s CRLF', () => {
    const text = 'a:\r\n  b: 1';
    const { fixer, root } = setup(text);
    const edit = fixer.appendLines(getMap(root, 'a')!, ['  c: 2']);
    assert.ok(edit);
    assert.equal(applyEdits(text, [edit]), 'a:\r\n  b: 1\r\n  c: 2\r\n');
  });

  it('refuses flow and empty mappings, and nothing to add', () => {
    const { fixer, root } = setup('a: {b: 1}\nc: {}\nd:\n  e: 1\n');
    assert.equal(fixer.appendLines(getMap(root, 'a')!, ['  x: 1']), undefined);
    assert.equal(fixer.appendLines(getMap(root, 'c')!, ['  x: 1']), undefined);
    assert.equal(fixer.appendLines(getMap(root, 'd')!, []), undefined);
  });
});

describe('YamlFixer.replacePair', () => {
  it('replaces a block pair with new entries at its column, keeping what follows', () => {
    const text = 'spec:\n  backend:\n    serviceName: web\n    servicePort: 80\n  tls: [] # none yet\n';
    const { fixer, root } = setup(text);
    const edit = fixer.replacePair(getMap(root, 'spec')!, pairAt(root, ['spec', 'backend']), { defaultBackend: { service: { name: 'web' } } });
    assert.equal(applyEdits(text, [edit!]), 'spec:\n  defaultBackend:\n    service:\n      name: web\n  tls: [] # none yet\n');
  });

  it('replaces the first pair of a list item in place after "- ", with CRLF', () => {
    const text = 'paths:\r\n  - backend: old\r\n    path: /\r\n';
    const { fixer, root } = setup(text);
    const item = (root.get('paths') as { items: YAMLMap[] }).items[0]!;
    const edit = fixer.replacePair(item, getPair(item, 'backend')!, { pathType: 'Prefix', backend: 'new' });
    assert.equal(applyEdits(text, [edit!]), 'paths:\r\n  - pathType: Prefix\r\n    backend: new\r\n    path: /\r\n');
  });

  it('refuses flow mappings, aliases and comments inside the replaced text', () => {
    const flow = setup('spec: {a: 1}\n');
    assert.equal(flow.fixer.replacePair(getMap(flow.root, 'spec')!, pairAt(flow.root, ['spec', 'a']), { b: 2 }), undefined);
    const aliased = setup('base: &b 1\nspec:\n  a: *b\n');
    assert.equal(aliased.fixer.replacePair(getMap(aliased.root, 'spec')!, pairAt(aliased.root, ['spec', 'a']), { b: 2 }), undefined);
    for (const text of ['spec:\n  a:\n    # keep me\n    x: 1\n', 'spec:\n  a:\n    x: 1 # keep me\n']) {
      const commented = setup(text);
      assert.equal(commented.fixer.replacePair(getMap(commented.root, 'spec')!, pairAt(commented.root, ['spec', 'a']), { b: 2 }), undefined, text);
    }
  });
});
