/**
 * Globs for config files and the CLI: `*` (any characters but `/`), `**` (any number of folders),
 * `?` (one character but `/`). Everything else is literal. Paths are relative, with `/` separators.
 */
import { excerpt } from './excerpt';

/** A compiled glob; `test` takes a relative path with `/` separators (the same shape as RegExp#test). */
export interface Glob {
  test(path: string): boolean;
}

type Token =
  | { kind: 'char'; char: string }
  | { kind: 'one' } // ?
  | { kind: 'star' } // * : any characters but '/'
  | { kind: 'any' } // ** not followed by '/': any characters
  | { kind: 'folders' }; // **/ : zero or more whole folders

function tokenize(glob: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        tokens.push({ kind: 'folders' });
        i++;
      } else {
        tokens.push({ kind: 'any' });
      }
    } else if (char === '*') tokens.push({ kind: 'star' });
    else if (char === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', char });
  }
  return tokens;
}

/**
 * Compiles a glob into a matcher that runs in O(glob length × path length) for any input. Globs
 * come from config files in the workspace, so a regular expression (whose backtracking a glob like
 * `**a**a**a**a**c` makes exponential) would let a file hang the server; instead the matcher walks
 * the set of glob positions reachable after each character of the path.
 *
 * States: 2·i is "before token i"; 2·i+1 is "inside a folder name of the folders token (`**` then `/`) at token i".
 */
export function compileGlob(glob: string): Glob {
  const tokens = tokenize(glob);
  const accept = 2 * tokens.length;
  const close = (states: Set<number>): Set<number> => {
    // Tokens that may match nothing let the position move past them.
    for (const state of states) {
      if (state % 2 === 0 && state < accept && tokens[state / 2]!.kind !== 'char' && tokens[state / 2]!.kind !== 'one') states.add(state + 2);
    }
    return states;
  };
  return {
    test(path: string): boolean {
      let states = close(new Set([0]));
      for (const char of path) {
        const next = new Set<number>();
        for (const state of states) {
          if (state === accept) continue;
          const token = tokens[Math.floor(state / 2)]!;
          if (state % 2 === 1) {
            next.add(char === '/' ? state - 1 : state); // a folder name ends at '/'
            continue;
          }
          switch (token.kind) {
            case 'char':
              if (char === token.char) next.add(state + 2);
              break;
            case 'one':
              if (char !== '/') next.add(state + 2);
              break;
            case 'star':
              if (char !== '/') next.add(state);
              break;
            case 'any':
              next.add(state);
              break;
            case 'folders':
              next.add(char === '/' ? state : state + 1);
              break;
          }
        }
        if (next.size === 0) return false;
        states = close(next);
      }
      return states.has(accept);
    },
  };
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
    return compileGlob(body);
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

/**
 * The matcher for a config file's `ignore` list, gitignore style: the globs are read in order, a
 * glob starting with `!` re-includes what an earlier glob ignored, and the last glob that matches a
 * file decides. Unlike git, a file inside an ignored folder can be re-included (`vendor/` then
 * `!vendor/ours.yaml`): each file is judged on its own, never by pruning a folder.
 */
export function configIgnoreMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  const patterns = globs.map((glob) => ({ negated: glob.startsWith('!'), matches: configGlobMatcher([glob.replace(/^!/, '')]) }));
  return (relativePath) => {
    // From the last glob back: the first one that matches has the last word.
    for (let i = patterns.length - 1; i >= 0; i--) {
      if (patterns[i]!.matches(relativePath)) return !patterns[i]!.negated;
    }
    return false;
  };
}

/** Why a config glob is not acceptable, or undefined. Globs never reach outside the config's folder. */
export function globProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'A glob must not be empty.';
  if (/^[A-Za-z]:[\\/]/.test(glob) || glob.startsWith('\\')) return `${excerpt(glob)} is an absolute path; globs are relative to the config file's folder.`;
  if (glob.includes('\\')) return `${excerpt(glob)} contains a backslash; use "/" between folders.`;
  if (glob.split('/').includes('..')) return `${excerpt(glob)} uses ".."; globs only match files below the config file's folder.`;
  return undefined;
}
