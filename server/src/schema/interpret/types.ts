/** The data types of the schema interpreter (see plan.ts for how plans are built, run.ts for how they run). */
import type { ErrorObject } from 'ajv';
import type { GroupType, RULE_GROUPS } from './ajv-rules';

export type Schema = Record<string, unknown>;
export type Errors = ErrorObject[];
/** One keyword's check: appends ajv-shaped errors for `data` found at `path` (a JSON Pointer). */
export type Check = (data: unknown, path: string, errors: Errors) => void;

export class Unsupported extends Error {}

export interface PlanOptions {
  /** ajv's strictNumbers (on in strict mode): NaN and ±Infinity are not numbers. */
  strictNumbers: boolean;
  /** Keywords added with `addKeyword` and no code (the x-kubernetes-* annotations): rules that do nothing. */
  noOpRules: readonly string[];
  /** Format checks by name, or undefined when formats are not validated (ajv's validateFormats: false). */
  formats: Readonly<Record<string, (text: string) => boolean>> | undefined;
  /** Resolves a `$ref` to a named schema; without it, `$ref` is unsupported. */
  resolveRef?: (ref: string) => { name: string; schema: Schema | boolean } | undefined;
}

export interface Plan {
  /**
   * 'pending': not built yet (built on first run, see plan.ts); 'valid': no rules; 'false': the
   * false schema; 'ref': only a $ref; 'node': groups below.
   */
  mode: 'pending' | 'valid' | 'false' | 'ref' | 'node';
  schema: Schema | boolean;
  /** ajv's errSchemaPath of this node. */
  at: string;
  strictNumbers: boolean;
  types: readonly string[];
  /** ajv checks the type before the keywords (`coerceAndCheckDataType`) rather than in a group. */
  typeFirst: boolean;
  groups: PlanGroup[];
  ref: Plan | undefined;
  /** The builder that fills a pending plan. */
  builder: Builder;
}

export interface PlanGroup {
  type: GroupType | undefined;
  checks: Check[];
  /** Data of another type gets the node's type error here (the single type has keywords of this group). */
  typeErrorElse: boolean;
}

/** What keyword checks need while the plan is built. */
export interface Builder {
  options: PlanOptions;
  rules: ReadonlySet<string>;
  /** RULE_GROUPS with the no-op rules at the end of the untyped group, as ajv's addKeyword puts them. */
  groups: typeof RULE_GROUPS;
  /** A pending plan for the schema node at `at` (cheap: nothing is built until it first runs). */
  plan(schema: unknown, at: string): Plan;
  refPlan(ref: string): Plan;
  /** Builds a pending plan's own node (its subschemas stay pending); throws Unsupported. */
  fill(plan: Plan): void;
  alwaysValid(schema: unknown): boolean;
}

