/**
 * A short, escaped excerpt of a value for an error message. A config file's values can be anything
 * a link or a mistake put there (a whole /etc/passwd read as one scalar), so messages never quote
 * more than this: control characters are escaped and the length is capped.
 */
export const EXCERPT_MAX = 40;

export function excerpt(value: unknown): string {
  const text = typeof value === 'string' ? `"${escapeControls(value)}"` : escapeControls(JSON.stringify(value) ?? String(value));
  return text.length <= EXCERPT_MAX ? text : `${text.slice(0, EXCERPT_MAX - 1)}…`;
}

/** Newlines, escape sequences and other control characters become \uXXXX (backslashes stay as typed). */
function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
