/**
 * Applies fixes to a text, ESLint style: edits sorted by position, a fix whose edits overlap an
 * already chosen fix is skipped, and the whole is repeated (multipass) until nothing changes, so
 * skipped fixes get their turn against the updated text.
 */
import type { Finding, Fix, TextEdit } from './finding';

export const MAX_FIX_PASSES = 10;

/** Applies non-overlapping fixes once. Returns the new text and the fixes used. */
export function applyFixesOnce(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[] } {
  const chosen: Fix[] = [];
  const taken: TextEdit[] = [];
  const ordered = [...fixes].sort((a, b) => firstStart(a) - firstStart(b));
  for (const fix of ordered) {
    if (fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    chosen.push(fix);
    taken.push(...fix.edits);
  }
  return { text: applyEdits(text, taken), applied: chosen };
}

/**
 * Re-lints and applies safe fixes until none is left (or the pass limit is hit, which only a fix that
 * undoes another could cause).
 */
export function applySafeFixes(text: string, lint: (text: string) => readonly Finding[], ruleFilter?: (ruleId: string) => boolean): { text: string; passes: number; fixed: number } {
  let current = text;
  let fixed = 0;
  for (let pass = 1; pass <= MAX_FIX_PASSES; pass++) {
    const fixes = lint(current)
      .filter((finding) => !ruleFilter || ruleFilter(finding.ruleId))
      // Fixes that edit other objects through the index (possibly other files) are never applied blindly.
      .flatMap((finding) => finding.fixes.filter((fix) => fix.kind === 'safe' && fix.edits.every((edit) => edit.target === 'self')).slice(0, 1));
    const { text: next, applied } = applyFixesOnce(current, dedupe(fixes));
    if (applied.length === 0 || next === current) return { text: current, passes: pass - 1, fixed };
    fixed += applied.length;
    current = next;
  }
  return { text: current, passes: MAX_FIX_PASSES, fixed };
}

/** Applies edits that do not overlap, from the end of the text backwards so offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** The smallest single edit turning `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}

function dedupe(fixes: Fix[]): Fix[] {
  const seen = new Set<string>();
  return fixes.filter((fix) => {
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point conflict too: their order would be arbitrary.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((edit) => edit.start));
}
