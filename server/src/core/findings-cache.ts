/**
 * Caches each document's findings by the document's text and by rule, so that an edit re-runs rules
 * only on the document that changed, and a change elsewhere in the workspace re-runs only the
 * cross-object rules that looked it up. A rule's entry is reused while the configuration is the same
 * and every index key the rule looked up still has the version it had (WorkspaceIndexView.keyVersion).
 */
import type { WorkspaceIndexView } from '../index/types';
import type { Finding } from './finding';

/** What one rule found in one document. */
export interface RuleFindings {
  /** Findings with ranges relative to the document chunk. */
  readonly findings: readonly Finding[];
  readonly internalErrors: readonly string[];
  /** Index keys looked up, with the version each had then. */
  readonly dependencies: ReadonlyMap<string, number>;
}

/** Everything kept for one document text under one configuration. */
export interface DocumentEntry {
  readonly configKey: string;
  readonly rules: Map<string, RuleFindings>;
  /**
   * All rules' findings together, for the set of rules named by `rulesKey`, with the union of their
   * dependencies: most documents are unaffected by an edit elsewhere, and this answers them with
   * one freshness check instead of one per rule.
   */
  combined?: RuleFindings & { readonly rulesKey: string };
}

export class FindingsCache {
  private readonly entries = new Map<string, DocumentEntry>();
  /** How many times a document had any rule run (not served from the cache); tests read it. */
  misses = 0;
  /** How many rule runs were not served from the cache; tests read it. */
  ruleRuns = 0;

  /** What is kept for a document text under a configuration (emptied when the configuration changed). */
  entryFor(text: string, configKey: string): DocumentEntry {
    let entry = this.entries.get(text);
    if (!entry || entry.configKey !== configKey) this.entries.set(text, (entry = { configKey, rules: new Map() }));
    return entry;
  }

  /** Drops entries of documents that are no longer in the file. */
  retainOnly(texts: Iterable<string>): void {
    const keep = new Set(texts);
    for (const key of this.entries.keys()) if (!keep.has(key)) this.entries.delete(key);
  }
}

/** True while every index key the rule looked up still has the version it had. */
export function isFresh(result: RuleFindings, index: WorkspaceIndexView | undefined): boolean {
  for (const [key, version] of result.dependencies) {
    if (!index || index.keyVersion(key) !== version) return false;
  }
  return true;
}
