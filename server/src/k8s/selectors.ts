/**
 * Label selectors, read from YAML and matched against label sets the way the API server does.
 * Pure and shared: workload selectors here, Services and PodDisruptionBudgets elsewhere.
 *
 * Two shapes exist: the `LabelSelector` of apps/v1, PDBs and affinity (`matchLabels` plus
 * `matchExpressions`) and the plain map of Services and ReplicationControllers, which is the same as
 * a `matchLabels` alone. Both parse into one `LabelSelector`.
 */
import { isMap, type Node } from 'yaml';
import { asMap, asSeq, getNode, getSeq, scalarString } from '../yaml/nodes';

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface SelectorRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  /** Empty for Exists and DoesNotExist. */
  readonly values: readonly string[];
}

export interface LabelSelector {
  /** `matchLabels` entries become `In` requirements with one value, as the API server does. */
  readonly requirements: readonly SelectorRequirement[];
  readonly matchLabels: Readonly<Record<string, string>>;
  /**
   * True when nothing was required. `matches` then returns true (metav1 semantics: everything),
   * but callers must decide what empty means for them: a Service with no selector selects no pods,
   * and apps/v1 workloads reject an empty selector.
   */
  readonly empty: boolean;
}

const OPERATORS: ReadonlySet<string> = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/**
 * Reads a `matchLabels`/`matchExpressions` selector. Undefined when any part cannot be read for sure
 * (aliases, non-scalar values, unknown operators): a selector we half understand must not be used to
 * claim a mismatch.
 */
export function parseLabelSelector(node: Node | null | undefined): LabelSelector | undefined {
  const map = asMap(node);
  if (!map) return undefined;
  const labelsNode = getNode(map, 'matchLabels');
  const matchLabels = labelsNode === undefined || isNullScalar(labelsNode) ? {} : readStringMap(labelsNode);
  if (!matchLabels) return undefined;
  const requirements: SelectorRequirement[] = Object.entries(matchLabels).map(([key, value]) => ({ key, operator: 'In', values: [value] }));
  const expressionsNode = getNode(map, 'matchExpressions');
  if (expressionsNode !== undefined && !isNullScalar(expressionsNode)) {
    const expressions = getSeq(map, 'matchExpressions');
    if (!expressions) return undefined;
    for (const item of expressions.items) {
      const requirement = readRequirement(item as Node);
      if (!requirement) return undefined;
      requirements.push(requirement);
    }
  }
  return { requirements, matchLabels, empty: requirements.length === 0 };
}

/** Reads a Service- or ReplicationController-style selector: a plain map of required label values. */
export function parseMapSelector(node: Node | null | undefined): LabelSelector | undefined {
  const matchLabels = readStringMap(node);
  if (!matchLabels) return undefined;
  const requirements = Object.entries(matchLabels).map(([key, value]): SelectorRequirement => ({ key, operator: 'In', values: [value] }));
  return { requirements, matchLabels, empty: requirements.length === 0 };
}

/** True when every requirement holds for `labels` (so an empty selector matches everything). */
export function matches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  return selector.requirements.every((requirement) => holds(requirement, labels));
}

/** The requirements that `labels` fail, for messages that say which label is wrong. */
export function unmetRequirements(selector: LabelSelector, labels: Readonly<Record<string, string>>): SelectorRequirement[] {
  return selector.requirements.filter((requirement) => !holds(requirement, labels));
}

/** A requirement written the way `kubectl get -l` takes it: `app=web`, `tier in (a,b)`, `!canary`. */
export function formatRequirement(requirement: SelectorRequirement): string {
  const { key, operator, values } = requirement;
  if (operator === 'Exists') return key;
  if (operator === 'DoesNotExist') return `!${key}`;
  if (operator === 'In' && values.length === 1) return `${key}=${values[0]}`;
  return `${key} ${operator === 'In' ? 'in' : 'notin'} (${values.join(',')})`;
}

function holds(requirement: SelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const value = has ? labels[requirement.key] : undefined;
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && requirement.values.includes(value);
    case 'NotIn':
      // As in the API server: a missing label satisfies NotIn.
      return value === undefined || !requirement.values.includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

function readRequirement(node: Node): SelectorRequirement | undefined {
  const map = asMap(node);
  const key = scalarString(getNode(map, 'key'));
  const operator = scalarString(getNode(map, 'operator'));
  if (key === undefined || operator === undefined || !OPERATORS.has(operator)) return undefined;
  const valuesNode = getNode(map, 'values');
  const values: string[] = [];
  if (valuesNode !== undefined && !isNullScalar(valuesNode)) {
    const seq = asSeq(valuesNode);
    if (!seq) return undefined;
    for (const item of seq.items) {
      const value = scalarString(item);
      if (value === undefined) return undefined;
      values.push(value);
    }
  }
  return { key, operator: operator as SelectorOperator, values };
}

/** Every entry of a mapping as strings; undefined when the node is not a mapping or an entry is not a scalar. */
function readStringMap(node: Node | null | undefined): Record<string, string> | undefined {
  if (!isMap(node)) return undefined;
  const result: Record<string, string> = {};
  for (const item of node.items) {
    const key = scalarString(item.key);
    const value = scalarString(item.value);
    if (key === undefined || value === undefined) return undefined;
    result[key] = value;
  }
  return result;
}

function isNullScalar(node: Node): boolean {
  return 'value' in node && node.value === null;
}
