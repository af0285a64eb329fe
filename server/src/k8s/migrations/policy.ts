/**
 * PodDisruptionBudget policy/v1beta1 → policy/v1: the same fields, but one change of meaning. An
 * empty selector (`selector: {}`) selected no pods in v1beta1 and selects every pod of the
 * namespace in v1, so such a budget is not migrated automatically.
 */
import { isMap } from 'yaml';
import { getMap, getNode } from '../../yaml/nodes';
import { allOrNothing, renameApiVersion } from './common';
import type { Migration } from './types';

export const migratePdb: Migration = (object, fixer, to) => {
  if (to !== 'policy/v1') return undefined;
  const selector = getNode(getMap(object.root, 'spec'), 'selector');
  if (isMap(selector) && selector.items.length === 0) return undefined;
  return allOrNothing([renameApiVersion(object, fixer, to)]);
};
