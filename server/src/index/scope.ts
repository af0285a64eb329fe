/** Where objects stand relative to each other: namespaces and folders. No imports, so every layer can use it. */

/**
 * Two namespaces may name the same place when they are equal or when either is unset: an object
 * without `metadata.namespace` lands wherever it is applied.
 */
export function namespacesMayMatch(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

const FOLDERS = new Map<string, string>();

/** The folder part of a URI (with its trailing slash). Remembered: scope checks ask it for every pair of objects. */
export function folderOf(uri: string): string {
  let folder = FOLDERS.get(uri);
  if (folder === undefined) {
    if (FOLDERS.size > 10_000) FOLDERS.clear();
    FOLDERS.set(uri, (folder = uri.slice(0, uri.lastIndexOf('/') + 1)));
  }
  return folder;
}
