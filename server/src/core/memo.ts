/**
 * Memoises a derived view per source object. Parsed documents and the objects read from them are
 * never mutated (fixes are text edits), so a view computed once stays true for the object's life;
 * the WeakMap lets it go with the object. Cross-object rules read the same workloads, HPAs and
 * PDBs for every object they lint, so without this a large workspace recomputes them quadratically.
 */
export function memoizeByObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, { value: V }>();
  return (key: K): V => {
    let entry = memo.get(key);
    if (!entry) memo.set(key, (entry = { value: compute(key) }));
    return entry.value;
  };
}
