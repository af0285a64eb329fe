/**
 * Caches each document's rule findings by the document's text, so that an edit re-runs rules only
 * on the document that changed. An entry is reused while the configuration is the same and every
 * index key its rules looked up still has the version it had (see WorkspaceIndexView.keyVersion).
 */
import type { WorkspaceIndexView } from '../index/types';
import type { Finding } from './finding';

export interface DocumentFindings {
  /** Findings with ranges relative to the document chunk. */
  readonly findings: readonly Finding[];
  readonly internalErrors: readonly string[];
  /** Index keys looked up, with the version each had then. */
  readonly dependencies: ReadonlyMap<string, number>;
}

interface Entry extends DocumentFindings {
  readonly configKey: string;
}

export class FindingsCache {
  private readonly entries = new Map<string, Entry>();
  /** How many documents had their rules run (not served from the cache); tests read it. */
  misses = 0;

  get(text: string, configKey: string, index: WorkspaceIndexView | undefined): DocumentFindings | undefined {
    const entry = this.entries.get(text);
    if (!entry || entry.configKey !== configKey) return undefined;
    for (const [key, version] of entry.dependencies) {
      if (!index || index.keyVersion(key) !== version) return undefined;
    }
    return entry;
  }

  set(text: string, configKey: string, result: DocumentFindings): void {
    this.entries.set(text, { ...result, configKey });
  }

  /** Drops entries of documents that are no longer in the file. */
  retainOnly(texts: Iterable<string>): void {
    const keep = new Set(texts);
    for (const key of this.entries.keys()) if (!keep.has(key)) this.entries.delete(key);
  }
}
