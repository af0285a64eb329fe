/**
 * Globs for config files and the CLI: `*` (any characters but `/`), `**` (any number of folders),
 * `?` (one character but `/`). Everything else is literal. Paths are relative, with `/` separators.
 */

/** Converts a glob to an anchored regular expression (linear: no nested quantifiers). */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        source += '(?:[^/]*/)*'; // `**/` matches zero or more whole folders
        i++;
      } else {
        source += '.*';
      }
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export function hasGlobMagic(text: string): boolean {
  return /[*?]/.test(text);
}

/**
 * A matcher for config-file globs, gitignore style: a glob without `/` matches at any depth
 * (`*.generated.yaml`), a trailing `/` means "this folder", and a glob that matches a folder matches
 * everything below it.
 */
export function configGlobMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  const patterns = globs.map((glob) => {
    let body = glob.replace(/^\.\//, '').replace(/\/+$/, '');
    if (body.startsWith('/')) body = body.slice(1);
    else if (!body.includes('/')) body = `**/${body}`;
    return globToRegExp(body);
  });
  return (relativePath) => {
    if (patterns.length === 0) return false;
    const segments = relativePath.split('/');
    for (let n = segments.length; n >= 1; n--) {
      const prefix = segments.slice(0, n).join('/');
      if (patterns.some((re) => re.test(prefix))) return true;
    }
    return false;
  };
}

/** Why a config glob is not acceptable, or undefined. Globs never reach outside the config's folder. */
export function globProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'A glob must not be empty.';
  if (/^[A-Za-z]:[\\/]/.test(glob) || glob.startsWith('\\')) return `"${glob}" is an absolute path; globs are relative to the config file's folder.`;
  if (glob.includes('\\')) return `"${glob}" contains a backslash; use "/" between folders.`;
  if (glob.split('/').includes('..')) return `"${glob}" uses ".."; globs only match files below the config file's folder.`;
  return undefined;
}
