/**
 * A regular-expression matcher that runs in O(pattern × input) time, for the `pattern` keywords of
 * schemas. CRDs come from the workspace, and JavaScript's backtracking RegExp takes exponential
 * time on patterns such as `^(a+)+$`: one such pattern in one CRD, and a long enough value in a
 * custom resource, would freeze the language server. This matcher compiles the pattern to a
 * Thompson NFA and walks the set of live states over the input, which no pattern can blow up.
 *
 * It reads the JavaScript syntax (with the `u` flag, as ajv compiles patterns) that schemas use:
 * literals and escapes, `.`, classes with ranges and `\d \w \s` (and negations), groups `( )` and
 * `(?: )`, alternation, greedy and lazy quantifiers `* + ? {n} {n,} {n,m}`, and `^` `$` (whole
 * input, no multiline). Backreferences, lookaround, word boundaries, named groups and property
 * escapes have no linear-time reading; such a pattern is not supported and its check is skipped
 * (the API server's Go regexp rejects most of them anyway). Like RegExp#test, a match may start
 * anywhere unless the pattern anchors it.
 */

type CharTest = (codePoint: number) => boolean;

type Node =
  | { kind: 'char'; test: CharTest }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number }
  | { kind: 'start' }
  | { kind: 'end' };

/** The compiled states: a character step, a fork, an assertion, or the accepting state. */
type State =
  | { kind: 'char'; test: CharTest; next: number }
  | { kind: 'split'; next: number; other: number }
  | { kind: 'start' | 'end'; next: number }
  | { kind: 'match' };

export interface LinearRegExp {
  test(input: string): boolean;
  toString(): string;
}

/** Bounds the NFA a counted repetition such as `{1,1000}` expands to. */
const MAX_STATES = 20_000;

class Unsupported extends Error {}

/** True for a pattern JavaScript reads with the `u` flag (as ajv compiles patterns). Compiling runs nothing. */
export function isJavaScriptPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/** Compiles `pattern`, or returns undefined when it uses syntax without a linear-time reading. */
export function compileLinearRegExp(pattern: string): LinearRegExp | undefined {
  let states: State[];
  // Exactly the patterns JavaScript accepts, so both readings agree on syntax.
  if (!isJavaScriptPattern(pattern)) return undefined;
  try {
    states = compile(new Parser(pattern).parse());
  } catch {
    return undefined;
  }
  // ajv keys compiled patterns by their toString(), as it would a RegExp's.
  return { test: (input) => run(states, input), toString: () => `/${pattern}/u` };
}

function run(states: readonly State[], input: string): boolean {
  const codePoints = Array.from(input, (c) => c.codePointAt(0)!);
  const length = codePoints.length;
  let current: number[] = [];
  let marks = new Uint32Array(states.length);
  let generation = 0;
  // Adds a state and everything reachable from it without reading a character.
  const add = (list: number[], index: number, position: number): boolean => {
    const stack = [index];
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (marks[i] === generation) continue;
      marks[i] = generation;
      const state = states[i]!;
      switch (state.kind) {
        case 'match':
          return true;
        case 'split':
          stack.push(state.other, state.next);
          break;
        case 'start':
          if (position === 0) stack.push(state.next);
          break;
        case 'end':
          if (position === length) stack.push(state.next);
          break;
        case 'char':
          list.push(i);
          break;
      }
    }
    return false;
  };
  generation++;
  if (add(current, 0, 0)) return true;
  for (let position = 0; position < length; position++) {
    const codePoint = codePoints[position]!;
    const next: number[] = [];
    generation++;
    for (const i of current) {
      const state = states[i] as Extract<State, { kind: 'char' }>;
      if (state.test(codePoint) && add(next, state.next, position + 1)) return true;
    }
    // Unanchored search: a match may also begin after this character.
    if (add(next, 0, position + 1)) return true;
    current = next;
    if (generation > 0xfffffff0) {
      marks = new Uint32Array(states.length);
      generation = 1;
    }
  }
  return false;
}

/** Thompson construction: each fragment has a start and the dangling exits to patch. */
function compile(root: Node): State[] {
  const states: State[] = [];
  const push = (state: State): number => {
    if (states.length >= MAX_STATES) throw new Unsupported('pattern too large');
    states.push(state);
    return states.length - 1;
  };
  // Builds `node` so that it continues at `next`; returns its entry state.
  const build = (node: Node, next: number): number => {
    switch (node.kind) {
      case 'char':
        return push({ kind: 'char', test: node.test, next });
      case 'start':
      case 'end':
        return push({ kind: node.kind, next });
      case 'seq': {
        let entry = next;
        for (let i = node.items.length - 1; i >= 0; i--) entry = build(node.items[i]!, entry);
        return entry;
      }
      case 'alt': {
        let entry = build(node.options[node.options.length - 1]!, next);
        for (let i = node.options.length - 2; i >= 0; i--) entry = push({ kind: 'split', next: build(node.options[i]!, next), other: entry });
        return entry;
      }
      case 'repeat': {
        let entry = next;
        if (node.max === Infinity) {
          // A loop: fork into the body (which returns to the fork) or on.
          const fork = push({ kind: 'split', next: -1, other: next });
          (states[fork] as { next: number }).next = build(node.node, fork);
          entry = fork;
        } else {
          for (let i = node.min; i < node.max; i++) entry = push({ kind: 'split', next: build(node.node, entry), other: next });
        }
        for (let i = 0; i < node.min; i++) entry = build(node.node, entry);
        return entry;
      }
    }
  };
  const match = push({ kind: 'match' });
  const entry = build(root, match);
  // State 0 must be the entry: put a fork there that leads to it.
  states.push(states[0]!);
  const moved = states.length - 1;
  for (const state of states) {
    if ('next' in state && state.next === 0) state.next = moved;
    if (state.kind === 'split' && state.other === 0) state.other = moved;
  }
  states[0] = { kind: 'split', next: entry === 0 ? moved : entry, other: entry === 0 ? moved : entry };
  return states;
}

const LINE_TERMINATORS = new Set([0x0a, 0x0d, 0x2028, 0x2029]);
const isDigit: CharTest = (c) => c >= 0x30 && c <= 0x39;
const isWord: CharTest = (c) => isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
const SPACES = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);
const isSpace: CharTest = (c) => SPACES.has(c) || (c >= 0x2000 && c <= 0x200a);
const not = (test: CharTest): CharTest => (c) => !test(c);
const CLASS_ESCAPES: Record<string, CharTest> = { d: isDigit, D: not(isDigit), w: isWord, W: not(isWord), s: isSpace, S: not(isSpace) };
const CONTROL_ESCAPES: Record<string, number> = { t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d, '0': 0x00 };

class Parser {
  private i = 0;

  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.source.length) throw new Unsupported(`unexpected ${this.source[this.i]}`);
    return node;
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.source[this.i] === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.source.length && this.source[this.i] !== '|' && this.source[this.i] !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return { kind: 'seq', items };
  }

  private quantified(atom: Node): Node {
    const c = this.source[this.i];
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i));
      if (!match) throw new Unsupported('bad quantifier');
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
      this.i += match[0].length - 1;
    } else return atom;
    this.i++;
    if (this.source[this.i] === '?') this.i++; // lazy or greedy: the same answer to "is there a match"
    if (atom.kind === 'start' || atom.kind === 'end') throw new Unsupported('quantified assertion');
    return this.quantified({ kind: 'repeat', node: atom, min, max });
  }

  private atom(): Node {
    const c = this.source[this.i]!;
    this.i++;
    switch (c) {
      case '^':
        return { kind: 'start' };
      case '$':
        return { kind: 'end' };
      case '.':
        return { kind: 'char', test: (cp) => !LINE_TERMINATORS.has(cp) };
      case '(': {
        if (this.source[this.i] === '?') {
          if (this.source[this.i + 1] !== ':') throw new Unsupported('lookaround or named group');
          this.i += 2;
        }
        const inner = this.alternation();
        if (this.source[this.i] !== ')') throw new Unsupported('unclosed group');
        this.i++;
        return inner;
      }
      case '[':
        return { kind: 'char', test: this.characterClass() };
      case '\\':
        return { kind: 'char', test: this.escape(false) };
      default: {
        const codePoint = this.source.codePointAt(this.i - 1)!;
        if (codePoint > 0xffff) this.i++;
        return { kind: 'char', test: (cp) => cp === codePoint };
      }
    }
  }

  /** After a backslash: a class escape or one character. In a class, `\b` is a backspace. */
  private escape(inClass: boolean): CharTest {
    const single = this.escapedCodePoint(inClass);
    if (typeof single === 'function') return single;
    return (cp) => cp === single;
  }

  private escapedCodePoint(inClass: boolean): number | CharTest {
    const c = this.source[this.i]!;
    this.i++;
    if (CLASS_ESCAPES[c]) return CLASS_ESCAPES[c]!;
    if (c in CONTROL_ESCAPES) return CONTROL_ESCAPES[c]!;
    if (c === 'b' && inClass) return 0x08;
    if (c === 'x') {
      const hex = this.source.slice(this.i, this.i + 2);
      this.i += 2;
      return parseInt(hex, 16);
    }
    if (c === 'u') {
      if (this.source[this.i] === '{') {
        const end = this.source.indexOf('}', this.i);
        const value = parseInt(this.source.slice(this.i + 1, end), 16);
        this.i = end + 1;
        return value;
      }
      const value = parseInt(this.source.slice(this.i, this.i + 4), 16);
      this.i += 4;
      // A surrogate pair written as two \u escapes is one code point under the `u` flag.
      if (value >= 0xd800 && value <= 0xdbff && this.source.startsWith('\\u', this.i)) {
        const low = parseInt(this.source.slice(this.i + 2, this.i + 6), 16);
        if (low >= 0xdc00 && low <= 0xdfff) {
          this.i += 6;
          return (value - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        }
      }
      return value;
    }
    if (/[1-9bBkpPc]/.test(c)) throw new Unsupported(`\\${c}`);
    return c.codePointAt(0)!; // an escaped syntax character stands for itself
  }

  private characterClass(): CharTest {
    const negated = this.source[this.i] === '^';
    if (negated) this.i++;
    const tests: CharTest[] = [];
    while (this.source[this.i] !== ']') {
      if (this.i >= this.source.length) throw new Unsupported('unclosed class');
      const low = this.classAtom();
      if (this.source[this.i] === '-' && this.source[this.i + 1] !== ']' && typeof low === 'number') {
        this.i++;
        const high = this.classAtom();
        if (typeof high !== 'number') throw new Unsupported('class escape in a range');
        tests.push((cp) => cp >= low && cp <= high);
      } else {
        tests.push(typeof low === 'number' ? (cp) => cp === low : low);
      }
    }
    this.i++;
    const inClass: CharTest = (cp) => tests.some((test) => test(cp));
    return negated ? not(inClass) : inClass;
  }

  private classAtom(): number | CharTest {
    if (this.source[this.i] === '\\') {
      this.i++;
      return this.escapedCodePoint(true);
    }
    const codePoint = this.source.codePointAt(this.i)!;
    this.i += codePoint > 0xffff ? 2 : 1;
    return codePoint;
  }
}

/**
 * The same matcher as an ajv regular-expression engine, so that ajv (the fallback and the
 * reference in tests) runs schema patterns in linear time too. An unsupported pattern accepts
 * every value: its check is skipped on both paths alike.
 */
export const linearRegExpEngine = Object.assign(
  (pattern: string): LinearRegExp => compileLinearRegExp(pattern) ?? { test: () => true, toString: () => `/${pattern}/u (not run)` },
  { code: 'linearRegExp' },
);
