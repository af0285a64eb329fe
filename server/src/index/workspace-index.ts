/**
 * The workspace index: every Kubernetes object of every known file, by kind and name, so that
 * cross-object rules (an HPA and its Deployment, a PVC and its StorageClass) look each other up in
 * O(1). It is pure: the LSP layer and the CLI feed it text; it never reads files itself.
 */
import { toK8sObject } from '../k8s/objects';
import { createParseCache, parseFile } from '../yaml/parse';
import { isTemplateText } from '../yaml/template';
import type { Document } from 'yaml';
import { memoizeByObject } from '../core/memo';
import { FACETS, type Facet } from './facets';
import { kustomizeKeyOf, patchPathsOf, selectorLabelledResourcesOf } from './kustomize';
import { namespacesMayMatch } from './scope';
import type { IndexedObject, WorkspaceIndexView } from './types';
import type { ObjectRef } from '../core/finding';
import { entryForRef } from './object-ref';

interface FileEntry {
  text: string;
  objects: IndexedObject[];
}

export class WorkspaceIndex implements WorkspaceIndexView {
  private readonly files = new Map<string, FileEntry>();
  private readonly byKind = new Map<string, Map<string, IndexedObject[]>>();
  /** `ofKind` answers, built on first use after a change to that kind (rules scan kinds per object they lint). */
  private readonly kindLists = new Map<string, readonly IndexedObject[]>();
  private readonly facetLists = new Map<string, { lists: readonly (readonly IndexedObject[])[]; objects: readonly IndexedObject[] }>();
  private readonly caches = new Map<string, ReturnType<typeof createParseCache>>();
  /** URIs of documents that a kustomization.yaml lists as patches (partial objects). */
  private readonly patches = new Set<string>();
  /** URIs of files, and folder URIs ending in `/`, that a kustomization adds selector labels to. */
  private readonly selectorLabelled = new Set<string>();
  private readonly versions = new Map<string, number>();

  /**
   * Indexes (or re-indexes) a file. Returns the dependency keys whose versions moved: `Kind`,
   * `Kind/name` and facet keys for every object that was added, removed or edited, and the
   * `kustomizeKeyOf` key of every file whose Kustomize facts (patch, selector labels) changed.
   * A document needs linting again exactly when one of the keys it recorded is among them.
   */
  update(uri: string, text: string): Set<string> {
    const previous = this.files.get(uri);
    if (previous?.text === text) return new Set();
    const { objects, added, removed } = reuseUnchanged(previous?.objects ?? [], this.extract(uri, text));
    this.removeObjects(removed);
    this.files.set(uri, { text, objects });
    for (const entry of added) this.add(entry);
    const keys = changedKeys(removed, added);
    // Which files are patches depends on kustomization files alone: only their changes refresh it.
    if (isKustomizationUri(uri)) for (const key of this.refreshPatches()) keys.add(key);
    return this.bump(keys);
  }

  remove(uri: string): Set<string> {
    const previous = this.files.get(uri);
    if (!previous) return new Set();
    this.removeObjects(previous.objects);
    this.files.delete(uri);
    this.caches.delete(uri);
    const keys = changedKeys(previous.objects, []);
    if (isKustomizationUri(uri)) for (const key of this.refreshPatches()) keys.add(key);
    return this.bump(keys);
  }

  /** The indexed text of a file, for turning offsets of edits in it into positions. */
  textOf(uri: string): string | undefined {
    return this.files.get(uri)?.text;
  }

  /**
   * Where the object an edit names is now (its document's offset and text), for placing the edits
   * of cached findings (core/place-edits.ts); undefined when it is gone or its text changed.
   */
  locate(ref: ObjectRef): { offset: number; text: string } | undefined {
    const entry = entryForRef(this.files.get(ref.uri)?.objects ?? [], ref);
    return entry && { offset: entry.offset, text: entry.text };
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  get fileCount(): number {
    return this.files.size;
  }

  find(kind: string, name: string, namespace: string | undefined): IndexedObject[] {
    const candidates = this.byKind.get(kind)?.get(name) ?? [];
    return candidates.filter((entry) => namespacesMayMatch(entry.object.namespace, namespace));
  }

  entryAt(uri: string, offset: number): IndexedObject | undefined {
    return this.files.get(uri)?.objects.find((entry) => entry.offset === offset);
  }

  ofKind(kind: string): readonly IndexedObject[] {
    let list = this.kindLists.get(kind);
    if (!list) {
      const names = this.byKind.get(kind);
      this.kindLists.set(kind, (list = names ? [...names.values()].flat() : []));
    }
    return list;
  }

  ofFacet(facet: Facet): readonly IndexedObject[] {
    const lists = facet.kinds.map((kind) => this.ofKind(kind));
    const kept = this.facetLists.get(facet.key);
    if (kept && lists.every((list, i) => list === kept.lists[i])) return kept.objects;
    const objects = lists.flat();
    this.facetLists.set(facet.key, { lists, objects });
    return objects;
  }

  isPatch(uri: string): boolean {
    return this.patches.has(uri);
  }

  getsSelectorLabels(uri: string): boolean {
    if (this.selectorLabelled.has(uri)) return true;
    for (const entry of this.selectorLabelled) if (entry.endsWith('/') && uri.startsWith(entry)) return true;
    return false;
  }

  keyVersion(key: string): number {
    return this.versions.get(key) ?? 0;
  }

  private bump(keys: Set<string>): Set<string> {
    for (const key of keys) this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
    return keys;
  }

  /** The parse cache of a file, shared with the linter so that an edit parses each document once. */
  parseCacheFor(uri: string): ReturnType<typeof createParseCache> {
    let cache = this.caches.get(uri);
    if (!cache) this.caches.set(uri, (cache = createParseCache()));
    return cache;
  }

  private extract(uri: string, text: string): IndexedObject[] {
    if (isTemplateText(text)) return [];
    const cache = this.parseCacheFor(uri);
    const documents = parseFile(text, cache);
    cache.retainOnly(documents.map((d) => d.parsed.text));
    const objects: IndexedObject[] = [];
    documents.forEach((placed, docIndex) => {
      const object = toK8sObject(placed.parsed.doc);
      if (object) objects.push({ uri, offset: placed.offset, docIndex, text: placed.parsed.text, object });
    });
    return objects;
  }

  private add(entry: IndexedObject): void {
    const { kind, name } = entry.object;
    let names = this.byKind.get(kind);
    if (!names) this.byKind.set(kind, (names = new Map()));
    const key = name ?? '';
    names.set(key, [...(names.get(key) ?? []), entry]);
    this.kindLists.delete(kind);
  }

  private removeObjects(entries: readonly IndexedObject[]): void {
    for (const entry of entries) {
      const names = this.byKind.get(entry.object.kind);
      const key = entry.object.name ?? '';
      const remaining = (names?.get(key) ?? []).filter((other) => other !== entry);
      if (remaining.length > 0) names?.set(key, remaining);
      else names?.delete(key);
      this.kindLists.delete(entry.object.kind);
    }
  }

  /**
   * Re-reads every kustomization; returns the `kustomizeKeyOf` keys of the files whose facts
   * changed. Only the entries that entered or left the sets are looked at (a workspace scan updates
   * many kustomizations, and walking every file for each would be quadratic).
   */
  private refreshPatches(): Set<string> {
    const patchesBefore = new Set(this.patches);
    const labelledBefore = new Set(this.selectorLabelled);
    this.patches.clear();
    this.selectorLabelled.clear();
    const resolve = (path: string, base: string): string | undefined => {
      try {
        return new URL(path, base).toString();
      } catch {
        return undefined; // a path that cannot be resolved against the kustomization's URI names no file we index
      }
    };
    for (const [uri, file] of this.files) {
      if (!isKustomizationUri(uri)) continue;
      // The file's own parse (cached, and guarded against hostile nesting): never a second parser run.
      const first = parseFile(file.text, this.parseCacheFor(uri))[0];
      const { patches, selectorLabelled } = first ? kustomizationOf(first.parsed.doc) : NO_KUSTOMIZATION;
      for (const patch of patches) {
        const resolved = resolve(patch, uri);
        if (resolved) this.patches.add(resolved);
      }
      for (const resource of selectorLabelled) {
        // A folder entry is a base with its own kustomization: everything under it gets the labels.
        const resolved = resolve(/\.ya?ml$/i.test(resource) ? resource : `${resource.replace(/\/+$/, '')}/`, uri);
        if (resolved) this.selectorLabelled.add(resolved);
      }
    }
    const changed = new Set<string>();
    for (const uri of symmetricDifference(patchesBefore, this.patches)) changed.add(kustomizeKeyOf(uri));
    for (const entry of symmetricDifference(labelledBefore, this.selectorLabelled)) {
      if (!entry.endsWith('/')) changed.add(kustomizeKeyOf(entry));
      else for (const uri of this.files.keys()) if (uri.startsWith(entry)) changed.add(kustomizeKeyOf(uri));
    }
    return changed;
  }
}

/** What one kustomization document says, read once per parse: every index update re-derives the patch set from all kustomizations. */
const kustomizationOf = memoizeByObject((doc: Document.Parsed) => ({ patches: patchPathsOf(doc.contents), selectorLabelled: selectorLabelledResourcesOf(doc.contents) }));
const NO_KUSTOMIZATION = { patches: [] as string[], selectorLabelled: [] as string[] };

function symmetricDifference(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...[...a].filter((x) => !b.has(x)), ...[...b].filter((x) => !a.has(x))];
}

function isKustomizationUri(uri: string): boolean {
  return /\/kustomization\.ya?ml$/i.test(uri);
}

type MovableObject = { -readonly [K in keyof IndexedObject]: IndexedObject[K] };

/**
 * Matches a file's new objects with its previous ones by document text. An unchanged document keeps
 * its entry (with its offset moved, since documents before it may have grown or shrunk): kind
 * lists and everything derived from them stay valid, so an edit to one document of a large file
 * costs the index one removal and one addition instead of re-adding every object.
 */
function reuseUnchanged(previous: readonly IndexedObject[], next: readonly IndexedObject[]): { objects: IndexedObject[]; added: IndexedObject[]; removed: IndexedObject[] } {
  const pool = new Map<string, IndexedObject[]>();
  for (const entry of previous) {
    const same = pool.get(entry.text);
    if (same) same.push(entry);
    else pool.set(entry.text, [entry]);
  }
  const added: IndexedObject[] = [];
  const objects = next.map((entry) => {
    const kept = pool.get(entry.text)?.shift();
    if (!kept) {
      added.push(entry);
      return entry;
    }
    (kept as MovableObject).offset = entry.offset;
    (kept as MovableObject).docIndex = entry.docIndex;
    return kept;
  });
  const removed = [...pool.values()].flat();
  return { objects, added, removed };
}

/**
 * Keys of the objects that were added or removed: `Kind` and `Kind/name` for each, and the key of
 * every facet whose fingerprints differ between the removed and the added objects.
 */
function changedKeys(removed: readonly IndexedObject[], added: readonly IndexedObject[]): Set<string> {
  const keys = new Set<string>();
  for (const entry of [...removed, ...added]) {
    keys.add(entry.object.kind);
    keys.add(`${entry.object.kind}/${entry.object.name ?? ''}`);
  }
  for (const facet of FACETS) {
    const prints = (entries: readonly IndexedObject[]) =>
      entries.filter((entry) => facet.kinds.includes(entry.object.kind)).map((entry) => facet.fingerprint(entry.object)).sort();
    const before = prints(removed);
    const after = prints(added);
    if (before.length !== after.length || before.some((print, i) => print !== after[i])) keys.add(facet.key);
  }
  return keys;
}
