/**
 * Rules reach other objects only through the recorded view (server/ARCHITECTURE.md, invariant 10):
 * the findings cache is only as true as the dependency keys that view records.
 *
 * At run time, the whole registry lints multi-file workspaces over an index behind a trap: any
 * access outside the view's methods throws, every call must show up as a dependency key of the
 * lint (or be the engine's own `entryAt` for the document it lints), entries cannot be written, and
 * an entry read after the lint that looked it up ends (a rule keeping objects in a module-level
 * cache, unrecorded) throws. Statically, no rule file reaches the index's internals by import.
 */
import assert from 'node:assert/strict';
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lintText } from '../../server/src/core/engine';
import type { Facet } from '../../server/src/index/facets';
import { kustomizeKeyOf } from '../../server/src/index/kustomize';
import type { IndexedObject, WorkspaceIndexView } from '../../server/src/index/types';
import { WorkspaceIndex } from '../../server/src/index/workspace-index';
import { RULES } from '../../server/src/rules/index';
import { DEFAULT_CONFIG, REPO } from '../support/corpus';
import { testSchemas } from '../support/rule-tester';
import { registryWorkspaces } from '../support/workspaces';

/** The methods of WorkspaceIndexView: all that a lint may call on the index. */
const VIEW_METHODS: ReadonlySet<string> = new Set<keyof WorkspaceIndexView>(['find', 'entryAt', 'ofKind', 'ofFacet', 'isPatch', 'getsSelectorLabels', 'keyVersion']);

interface Call {
  readonly method: string;
  readonly args: readonly unknown[];
}

/** One lint's access to the index: the calls made, and the entries handed out (readable until the lint ends). */
class Session {
  closed = false;
  readonly calls: Call[] = [];
  private readonly entries = new WeakMap<IndexedObject, IndexedObject>();
  private readonly lists = new WeakMap<readonly IndexedObject[], readonly IndexedObject[]>();

  entry(entry: IndexedObject): IndexedObject {
    let wrapped = this.entries.get(entry);
    if (!wrapped) {
      const refuse = (what: string) => () => {
        throw new Error(`a lint tried to ${what} the index entry of ${entry.object.kind}/${entry.object.name}`);
      };
      wrapped = new Proxy(entry, {
        get: (target, property, receiver) => {
          if (this.closed) throw new Error(`${entry.object.kind}/${entry.object.name} was read (${String(property)}) after the lint that looked it up: kept outside the recorded view`);
          return Reflect.get(target, property, receiver);
        },
        set: refuse('write'),
        defineProperty: refuse('define a property of'),
        deleteProperty: refuse('delete a property of'),
      });
      this.entries.set(entry, wrapped);
    }
    return wrapped;
  }

  /** The same wrapped list for the same list (relations memoise on list identity). */
  list(list: readonly IndexedObject[]): readonly IndexedObject[] {
    let wrapped = this.lists.get(list);
    if (!wrapped) this.lists.set(list, (wrapped = list.map((entry) => this.entry(entry))));
    return wrapped;
  }
}

function trappedIndex(index: WorkspaceIndex, session: Session): WorkspaceIndexView {
  const record = (method: string, args: readonly unknown[]) => session.calls.push({ method, args });
  const view: WorkspaceIndexView = {
    find: (kind, name, namespace) => (record('find', [kind, name, namespace]), index.find(kind, name, namespace).map((entry) => session.entry(entry))),
    entryAt: (uri, offset) => {
      record('entryAt', [uri, offset]);
      const entry = index.entryAt(uri, offset);
      return entry && session.entry(entry);
    },
    ofKind: (kind) => (record('ofKind', [kind]), session.list(index.ofKind(kind))),
    ofFacet: (facet) => (record('ofFacet', [facet]), session.list(index.ofFacet(facet))),
    isPatch: (uri) => (record('isPatch', [uri]), index.isPatch(uri)),
    getsSelectorLabels: (uri) => (record('getsSelectorLabels', [uri]), index.getsSelectorLabels(uri)),
    keyVersion: (key) => index.keyVersion(key),
  };
  return new Proxy(view, {
    get(target, property, receiver) {
      if (typeof property !== 'string' || !VIEW_METHODS.has(property)) throw new Error(`a lint touched the index outside its view: ${String(property)}`);
      return Reflect.get(target, property, receiver);
    },
    set: () => {
      throw new Error('a lint tried to write to the index');
    },
  });
}

/** The dependency key a call must have left, or undefined for the calls that read no object. */
function keyOf(call: Call): string | undefined {
  const [first, second] = call.args;
  switch (call.method) {
    case 'find':
      return `${String(first)}/${String(second)}`;
    case 'ofKind':
      return String(first);
    case 'ofFacet':
      return (first as Facet).key;
    case 'isPatch':
    case 'getsSelectorLabels':
      return kustomizeKeyOf(String(first));
    default:
      return undefined;
  }
}

describe('rules read other objects only through the recorded view', () => {
  let lookups = 0;
  for (const workspace of registryWorkspaces()) {
    it(workspace.name, () => {
      const index = new WorkspaceIndex();
      for (const [uri, text] of workspace.files) index.update(uri, text);
      for (const [uri, text] of workspace.files) {
        const session = new Session();
        const result = lintText(text, { uri, config: DEFAULT_CONFIG, rules: RULES, index: trappedIndex(index, session), schemas: testSchemas });
        session.closed = true;
        assert.deepEqual(result.internalErrors, [], 'no rule throws, nor touches the index outside the view');
        const offsets = new Set(result.documents.map((document) => document.offset));
        for (const call of session.calls) {
          if (call.method === 'entryAt') {
            assert.ok(call.args[0] === uri && offsets.has(call.args[1] as number), `entryAt(${call.args.join(', ')}) is not the engine finding a document of ${uri}`);
            continue;
          }
          const key = keyOf(call)!;
          lookups++;
          assert.ok(result.dependencies.has(key), `${call.method}(${String(call.args[0])}) in ${uri} left no dependency key ${key}`);
        }
      }
    });
  }

  it('saw lookups', () => {
    assert.ok(lookups > 0, 'no lookup reached the index: the test would prove nothing');
  });
});

/** Relative imports of a TypeScript file, resolved to files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => {
    const base = path.resolve(path.dirname(file), specifier);
    const found = [`${base}.ts`, path.join(base, 'index.ts'), base].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    assert.ok(found, `${file}: cannot resolve ${specifier}`);
    return found;
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const entry = path.join(dir, name);
    return statSync(entry).isDirectory() ? filesUnder(entry) : entry.endsWith('.ts') ? [entry] : [];
  });
}

describe('no rule reaches the index internals by import', () => {
  const SERVER = path.join(REPO, 'server/src');
  // The index itself, the recorder, and the engine (which holds the raw index a lint is given).
  const FORBIDDEN = ['index/workspace-index.ts', 'index/recording-view.ts', 'core/engine.ts'].map((file) => path.join(SERVER, file));
  const rules = filesUnder(path.join(SERVER, 'rules')).filter((file) => path.basename(file) !== 'index.ts');

  it('finds the rule files', () => assert.ok(rules.length >= RULES.length));

  for (const rule of rules) {
    it(path.relative(SERVER, rule), () => {
      // Everything the rule file imports, transitively, within the server's sources.
      const seen = new Map<string, string>([[rule, path.relative(SERVER, rule)]]);
      const queue = [rule];
      while (queue.length > 0) {
        const file = queue.shift()!;
        for (const imported of importsOf(file)) {
          if (seen.has(imported) || !imported.startsWith(SERVER)) continue;
          seen.set(imported, `${seen.get(file)} → ${path.relative(SERVER, imported)}`);
          queue.push(imported);
        }
      }
      for (const forbidden of FORBIDDEN) assert.ok(!seen.has(forbidden), `imports ${seen.get(forbidden)}`);
    });
  }
});
