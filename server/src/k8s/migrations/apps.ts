/**
 * Deployment, StatefulSet, DaemonSet and ReplicaSet from extensions/v1beta1, apps/v1beta1 or
 * apps/v1beta2 → apps/v1.
 *
 * The betas defaulted `spec.selector` to the pod template's labels; apps/v1 requires it to be
 * written. When it is missing, the migration writes exactly the labels the beta would have used,
 * so the object selects the same pods. Without template labels there is nothing to derive it from.
 */
import { getMap, getNode } from '../../yaml/nodes';
import { addKeysToMap } from '../../yaml/insert-key';
import { podSpecOf } from '../workloads';
import { allOrNothing, renameApiVersion } from './common';
import type { Migration } from './types';

export const migrateAppsWorkload: Migration = (object, fixer, to) => {
  if (to !== 'apps/v1') return undefined;
  const rename = renameApiVersion(object, fixer, to);
  const spec = getMap(object.root, 'spec');
  if (!spec) return undefined;
  if (getNode(spec, 'selector') !== undefined) return allOrNothing([rename]);
  const labels = podSpecOf(object)?.labels ?? {};
  if (Object.keys(labels).length === 0) return undefined;
  return allOrNothing([rename, addKeysToMap(fixer, spec, { selector: { matchLabels: { ...labels } } })]);
};
