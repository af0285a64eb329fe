/**
 * Parses and validates a config file's text. Pure: no file access, no code execution (plain YAML
 * 1.2 core schema, no custom tags, bounded aliases) and no includes, so a config file can only
 * ever change settings. Problems carry their place in the file and are returned, never thrown.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { LineIndex } from '../core/line-index';
import { parseGuardedDocument } from '../yaml/parse';
import { parseQuantity } from '../k8s/quantity';
import { didYouMean } from '../schema/did-you-mean';
import schemaJson from '../../../schemas/config.schema.json';
import { excerpt } from './excerpt';
import { globProblem } from './glob';
import type { ConfigData, ConfigFileProblem, ConfigOverride } from './types';

const SEVERITIES = 'error, warning, info, hint, off';
let compiled: ValidateFunction | undefined;

/**
 * The shipped schema, except that unknown rule ids are left to our own check: it names the closest
 * rule and always knows the running registry, even if the schema file were stale.
 */
function validator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = structuredClone(schemaJson) as { definitions: { rules: Record<string, unknown> } };
  schema.definitions.rules = { ...schema.definitions.rules, properties: {}, additionalProperties: { $ref: '#/definitions/ruleSetting' } };
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { optimize: false } });
  compiled = ajv.compile(schema);
  return compiled;
}

export function parseConfigText(text: string, knownRules: ReadonlySet<string>): { data: ConfigData | undefined; problems: ConfigFileProblem[] } {
  const lines = new LineIndex(text);
  const problems: ConfigFileProblem[] = [];
  const add = (message: string, range: readonly [number, number] | undefined) => {
    const [start, end] = range ?? [0, 0];
    const { line, character } = lines.positionOf(start);
    problems.push({ message, start, end, line: line + 1, column: character + 1 });
  };
  // The manifests' guards: absurd nesting or an alias bomb is one clear error, never a stack overflow.
  const doc = parseGuardedDocument(text, { schema: 'core', prettyErrors: false, customTags: [] });
  const exhausted = doc.errors.find((error) => error.code === 'RESOURCE_EXHAUSTION');
  for (const error of exhausted ? [exhausted] : doc.errors) add(shorten(error.message.split('\n')[0] ?? error.message), error.pos);
  if (problems.length > 0) return { data: undefined, problems };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    add(error instanceof Error ? error.message : String(error), undefined);
    return { data: undefined, problems };
  }
  const at = (path: readonly (string | number)[], key = false) => rangeOf(doc.contents as Node | null, path, key);

  const validate = validator();
  if (!validate(value)) {
    for (const { path, message, key } of describeErrors(validate.errors ?? [], value)) add(message, at(path, key));
  }
  if (!isObject(value)) return { data: undefined, problems };
  // Our own checks, on the parts whose shape is right (the schema reported the rest).
  const checkRules = (rules: unknown, prefix: (string | number)[]) => {
    for (const [id, setting] of Object.entries(isObject(rules) ? rules : {})) {
      if (knownRules.has(id)) {
        checkOptions(id, setting, prefix);
        continue;
      }
      const suggestion = didYouMean(id, knownRules);
      add(`Unknown rule ${excerpt(id)}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`, at([...prefix, 'rules', id], true));
    }
  };
  // No rule takes options yet, so every option is unknown: accepting it silently would let a user
  // believe it changed something. A rule that gains options would validate them here.
  const checkOptions = (id: string, setting: unknown, prefix: (string | number)[]) => {
    if (!Array.isArray(setting) || !isObject(setting[1])) return;
    for (const option of Object.keys(setting[1])) {
      const place = `${pathName([...prefix, 'rules', id])}[1].${excerpt(option).replace(/^"|"$/g, '')}`;
      add(`${place}: unknown option ${excerpt(option)} (this rule takes no options).`, at([...prefix, 'rules', id, 1, option], true));
    }
  };
  checkRules(value.rules, []);
  const overrides = (Array.isArray(value.overrides) ? value.overrides : []).filter(isObject) as unknown as ConfigOverride[];
  overrides.forEach((override, i) => {
    checkRules(override.rules, ['overrides', i]);
    (Array.isArray(override.files) ? override.files : []).forEach((glob, j) => {
      // A `!` here would silently match nothing: negation belongs to `ignore`.
      const problem = typeof glob !== 'string' ? undefined : glob.startsWith('!') ? `${excerpt(glob)}: a leading "!" (re-include) works in ignore only; list the files this override applies to.` : globProblem(glob);
      if (problem) add(problem, at(['overrides', i, 'files', j]));
    });
  });
  const ignore = Array.isArray(value.ignore) ? (value.ignore as string[]) : [];
  ignore.forEach((glob, i) => {
    // `!glob` re-includes (glob.ts, configIgnoreMatcher): the glob after the `!` is checked.
    const problem = typeof glob !== 'string' ? undefined : glob === '!' ? '"!" re-includes nothing; write a glob after it, such as "!vendor/ours.yaml".' : globProblem(glob.replace(/^!/, ''));
    if (problem) add(problem, at(['ignore', i]));
  });
  for (const [key, quantity] of Object.entries(isObject(value.defaults) ? value.defaults : {})) {
    if (typeof quantity === 'string' && quantity !== '' && !parseQuantity(quantity).ok) add(`defaults.${excerpt(key).replace(/^"|"$/g, "")} must be a quantity such as "250m" or "256Mi"; got ${excerpt(quantity)}.`, at(['defaults', key]));
  }
  if (problems.length > 0) return { data: undefined, problems: problems.sort((a, b) => a.start - b.start) };
  return {
    data: {
      ...(typeof value.kubernetesVersion === 'string' ? { kubernetesVersion: value.kubernetesVersion.replace(/^v/, '') } : {}),
      rules: isObject(value.rules) ? value.rules : {},
      defaults: isObject(value.defaults) ? value.defaults : {},
      ignore,
      overrides: overrides.map((o) => ({ files: o.files, rules: isObject(o.rules) ? o.rules : {} })),
    },
    problems,
  };
}

interface DescribedError {
  path: (string | number)[];
  message: string;
  /** Point at the key rather than the value (unknown keys). */
  key: boolean;
}

/** One readable message per place, from ajv's raw errors. */
function describeErrors(errors: readonly ErrorObject[], root: unknown): DescribedError[] {
  const out = new Map<string, DescribedError>();
  for (const error of errors) {
    const path = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const ruleAt = path.findIndex((s, i) => s === 'rules' && i + 1 < path.length);
    if (ruleAt !== -1) {
      // A rule setting: severity or [severity, options]; oneOf yields several raw errors, say it once.
      const place = path.slice(0, ruleAt + 2);
      const got = valueAt(root, place);
      const message = Array.isArray(got) && got.length === 2 && !isObject(got[1])
        ? `Rule options for ${excerpt(String(place.at(-1)))} must be a mapping; got ${excerpt(got[1])}.`
        : `${excerpt(String(place.at(-1)))} must be a severity (${SEVERITIES}) or [severity, options]; got ${excerpt(got)}.`;
      out.set(place.join('/'), { path: place, message, key: false });
      continue;
    }
    const name = path.length > 0 ? pathName(path) : 'The config';
    let described: DescribedError;
    switch (error.keyword) {
      case 'additionalProperties': {
        const extra = String((error.params as { additionalProperty: string }).additionalProperty);
        const allowed = Object.keys(((error.parentSchema ?? {}) as { properties?: object }).properties ?? {}).filter((k) => k !== '$schema');
        const suggestion = didYouMean(extra, allowed);
        described = { path: [...path, extra], key: true, message: `Unknown key ${excerpt(extra)}${path.length > 0 ? ` in ${name}` : ''}.${suggestion ? ` Did you mean "${suggestion}"?` : ` Known keys: ${allowed.join(', ')}.`}` };
        break;
      }
      case 'type': {
        const got = valueAt(root, path);
        const hint = path.join('.') === 'kubernetesVersion' && typeof got === 'number' ? ` Quote it: YAML reads ${excerpt(got)} as a number, so "1.30" would become 1.3.` : '';
        described = { path, key: false, message: `${name} must be ${article((error.params as { type: string }).type)}; got ${excerpt(got)}.${hint}` };
        break;
      }
      case 'pattern':
        described = { path, key: false, message: `${name} must look like "1.36"; got ${excerpt(valueAt(root, path))}.` };
        break;
      case 'required':
        described = { path, key: false, message: `${name} needs "${(error.params as { missingProperty: string }).missingProperty}".` };
        break;
      case 'minItems':
        described = { path, key: false, message: `${name} must list at least one glob.` };
        break;
      case 'minLength':
        described = { path, key: false, message: `${name} must not be empty.` };
        break;
      default:
        described = { path, key: false, message: `${name} ${error.message ?? 'is invalid'}.` };
    }
    const id = `${described.path.join('/')}|${described.key}`;
    if (!out.has(id)) out.set(id, described);
  }
  return [...out.values()];
}

/** `overrides[0].rules`: a path made of the file's own keys, so capped like any quoted value. */
function pathName(path: readonly (string | number)[]): string {
  const fullName = path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
  return fullName.length <= 80 ? fullName : `${fullName.slice(0, 79)}…`;
}

/** The parser's messages name tokens, not text; the cap keeps it that way whatever the parser says. */
function shorten(message: string): string {
  return message.length <= 160 ? message : `${message.slice(0, 159)}…`;
}

function article(type: string): string {
  return type === 'object' ? 'a mapping' : type === 'array' ? 'a list' : `a ${type}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let current = root;
  for (const segment of path) current = (current as Record<string | number, unknown> | undefined)?.[segment];
  return current;
}

/** The source range of the node at `path` (or of its key), falling back to the closest parent. */
function rangeOf(root: Node | null, path: readonly (string | number)[], key: boolean): [number, number] | undefined {
  let node: unknown = root;
  let best: [number, number] | undefined = rangeOfNode(root);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    let next: unknown;
    let pairKey: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      next = pair?.value;
      pairKey = pair?.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (next === undefined && pairKey === undefined) return best;
    const last = i === path.length - 1;
    best = (last && key ? rangeOfNode(pairKey) : rangeOfNode(next) ?? rangeOfNode(pairKey)) ?? best;
    node = next;
  }
  return best;
}

function rangeOfNode(node: unknown): [number, number] | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}
