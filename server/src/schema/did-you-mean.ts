/**
 * "Did you mean …?" for unknown field names and enum values.
 *
 * A case-insensitive match wins outright (`livenessprobe` → `livenessProbe`); otherwise the
 * closest candidate by Damerau-Levenshtein distance (optimal string alignment, so a swapped pair
 * of letters costs 1), within 2 edits, or 1 edit for words of three letters or fewer where two
 * edits would turn almost anything into anything.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const lower = input.toLowerCase();
  const list = [...candidates];
  const caseOnly = list.find((c) => c.toLowerCase() === lower && c !== input);
  if (caseOnly !== undefined) return caseOnly;
  const limit = input.length <= 3 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of list) {
    if (candidate === input || Math.abs(candidate.length - input.length) > limit) continue;
    const d = editDistance(lower, candidate.toLowerCase(), limit);
    // Ties go to the alphabetically first candidate so results never depend on schema order.
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** Optimal string alignment distance; stops early once every cell of a row exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prevPrev[j - 2] as number) + 1);
      }
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return rowMin;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] as number;
}
