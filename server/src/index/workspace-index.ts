/**
 * The workspace index: every Kubernetes object of every known file, by kind and name, so that
 * cross-object rules (an HPA and its Deployment, a PVC and its StorageClass) look each other up in
 * O(1). It is pure: the LSP layer and the CLI feed it text; it never reads files itself.
 */
import { toK8sObject } from '../k8s/objects';
import { createParseCache, parseFile } from '../yaml/parse';
import { isTemplateText } from '../yaml/template';
import { patchPathsOf } from './kustomize';
import type { IndexedObject, WorkspaceIndexView } from './types';

interface FileEntry {
  text: string;
  objects: IndexedObject[];
}

export class WorkspaceIndex implements WorkspaceIndexView {
  private readonly files = new Map<string, FileEntry>();
  private readonly byKind = new Map<string, Map<string, IndexedObject[]>>();
  private readonly caches = new Map<string, ReturnType<typeof createParseCache>>();
  /** URIs of documents that a kustomization.yaml lists as patches (partial objects). */
  private readonly patches = new Set<string>();
  private readonly versions = new Map<string, number>();
  private patchVersion = 0;

  /**
   * Indexes (or re-indexes) a file. Returns the dependency keys whose answers may have changed:
   * `Kind` and `Kind/name` for every object that was added, removed or edited.
   */
  update(uri: string, text: string): Set<string> {
    const previous = this.files.get(uri);
    if (previous?.text === text) return new Set();
    const objects = this.extract(uri, text);
    this.removeObjects(previous);
    this.files.set(uri, { text, objects });
    for (const entry of objects) this.add(entry);
    this.refreshPatches();
    return this.bump(changedKeys(previous?.objects ?? [], objects));
  }

  remove(uri: string): Set<string> {
    const previous = this.files.get(uri);
    if (!previous) return new Set();
    this.removeObjects(previous);
    this.files.delete(uri);
    this.caches.delete(uri);
    this.refreshPatches();
    return this.bump(changedKeys(previous.objects, []));
  }

  /** The indexed text of a file, for turning offsets of edits in it into positions. */
  textOf(uri: string): string | undefined {
    return this.files.get(uri)?.text;
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

  ofKind(kind: string): readonly IndexedObject[] {
    const names = this.byKind.get(kind);
    return names ? [...names.values()].flat() : [];
  }

  isPatch(uri: string): boolean {
    return this.patches.has(uri);
  }

  keyVersion(key: string): number {
    // Whether a file is a patch can change with any kustomization.yaml, so it is part of every key.
    return (this.versions.get(key) ?? 0) + this.patchVersion;
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
    for (const placed of documents) {
      const object = toK8sObject(placed.parsed.doc);
      if (object) objects.push({ uri, offset: placed.offset, text: placed.parsed.text, object });
    }
    return objects;
  }

  private add(entry: IndexedObject): void {
    const { kind, name } = entry.object;
    let names = this.byKind.get(kind);
    if (!names) this.byKind.set(kind, (names = new Map()));
    const key = name ?? '';
    names.set(key, [...(names.get(key) ?? []), entry]);
  }

  private removeObjects(file: FileEntry | undefined): void {
    for (const entry of file?.objects ?? []) {
      const names = this.byKind.get(entry.object.kind);
      const key = entry.object.name ?? '';
      const remaining = (names?.get(key) ?? []).filter((other) => other !== entry);
      if (remaining.length > 0) names?.set(key, remaining);
      else names?.delete(key);
    }
  }

  private refreshPatches(): void {
    const before = [...this.patches].sort().join('\n');
    this.patches.clear();
    for (const [uri, file] of this.files) {
      if (!/\/kustomization\.ya?ml$/i.test(uri)) continue;
      for (const patch of patchPathsOf(file.text)) {
        try {
          this.patches.add(new URL(patch, uri).toString());
        } catch {
          // A path that cannot be resolved against the kustomization's URI names no file we index.
        }
      }
    }
    if ([...this.patches].sort().join('\n') !== before) this.patchVersion++;
  }
}

/**
 * Two namespaces may name the same place when they are equal or when either is unset: an object
 * without `metadata.namespace` lands wherever it is applied.
 */
export function namespacesMayMatch(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** Keys of objects that differ between two versions of a file, compared by their document text. */
function changedKeys(before: readonly IndexedObject[], after: readonly IndexedObject[]): Set<string> {
  const fingerprint = (e: IndexedObject) => `${e.object.kind}/${e.object.name ?? ''}\u0000${e.text}`;
  const beforeSet = new Set(before.map(fingerprint));
  const afterSet = new Set(after.map(fingerprint));
  const keys = new Set<string>();
  for (const entry of [...before, ...after]) {
    const print = fingerprint(entry);
    if (beforeSet.has(print) && afterSet.has(print)) continue;
    keys.add(entry.object.kind);
    keys.add(`${entry.object.kind}/${entry.object.name ?? ''}`);
  }
  return keys;
}
