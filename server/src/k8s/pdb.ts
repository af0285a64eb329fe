/** PodDisruptionBudgets: their selector and how many voluntary disruptions they allow. */
import type { Node, Pair } from 'yaml';
import { getMap, getNode, getPair, scalarNumber, scalarString } from '../yaml/nodes';
import { memoizeByObject } from '../core/memo';
import type { K8sObject } from './objects';
import { matches, parseLabelSelector, type LabelSelector } from './selectors';

export interface PdbView {
  readonly object: K8sObject;
  /** The `selector` pair, where findings about the selection are placed. */
  readonly selectorPair: Pair<Node, Node | null> | undefined;
  /** The parsed selector, for narrowing the pods to test; `selects` decides. */
  readonly selector: LabelSelector | undefined;
  /** Whether the budget covers pods with these labels; undefined when the selector cannot be read. */
  readonly selects: ((labels: Readonly<Record<string, string>>) => boolean) | undefined;
  readonly minAvailable: Budget | undefined;
  readonly maxUnavailable: Budget | undefined;
}

export interface Budget {
  /** A count, or a percentage of the expected pods. */
  readonly value: number;
  readonly percent: boolean;
  readonly node: Node;
  readonly text: string;
}

export function isPdb(object: K8sObject): boolean {
  return object.kind === 'PodDisruptionBudget' && object.group === 'policy';
}

export const pdbViewOf: (object: K8sObject) => PdbView | undefined = memoizeByObject(readPdbView);

function readPdbView(object: K8sObject): PdbView | undefined {
  if (!isPdb(object)) return undefined;
  const spec = getMap(object.root, 'spec');
  const selectorPair = getPair(spec, 'selector');
  const selector = selectorPair ? parseLabelSelector(selectorPair.value) : undefined;
  // An empty selector selects every pod of the namespace in policy/v1, and none in v1beta1.
  const v1beta1 = object.apiVersion === 'policy/v1beta1';
  const selects = selector && (!selector.empty || !v1beta1) ? (labels: Readonly<Record<string, string>>) => matches(selector, labels) : selector ? () => false : undefined;
  return { object, selectorPair, selector, selects, minAvailable: budgetOf(getNode(spec, 'minAvailable')), maxUnavailable: budgetOf(getNode(spec, 'maxUnavailable')) };
}

function budgetOf(node: Node | undefined): Budget | undefined {
  if (!node) return undefined;
  const number = scalarNumber(node);
  if (number !== undefined) return Number.isInteger(number) && number >= 0 ? { value: number, percent: false, node, text: String(number) } : undefined;
  const text = scalarString(node);
  const match = text === undefined ? null : /^(\d+)%$/.exec(text);
  return match ? { value: Number(match[1]), percent: true, node, text: text! } : undefined;
}

/**
 * How many of `pods` healthy pods the budget lets the eviction API take down at once. Percentages
 * round up for minAvailable (more must stay) and for maxUnavailable, as the disruption controller does.
 */
export function allowedDisruptions(pdb: PdbView, pods: number): number | undefined {
  if (pdb.maxUnavailable) {
    const { value, percent } = pdb.maxUnavailable;
    return Math.min(pods, percent ? Math.ceil((value * pods) / 100) : value);
  }
  if (pdb.minAvailable) {
    const { value, percent } = pdb.minAvailable;
    const keep = percent ? Math.ceil((value * pods) / 100) : value;
    return Math.max(0, pods - keep);
  }
  return undefined;
}
