/**
 * The migrations offered with api-version findings, by kind. Kinds not listed here whose old and
 * new versions share their structure (StorageClass, PriorityClass, RuntimeClass, the webhook
 * configurations, …) get the plain apiVersion change; the caller's check against the target
 * schema is what keeps that honest, as it does for every migration.
 */
import { migrateAppsWorkload } from './apps';
import { migrateCronJob } from './batch';
import { renameApiVersion, allOrNothing } from './common';
import { migrateHpa } from './hpa';
import { migrateIngress } from './ingress';
import { migratePdb } from './policy';
import type { Migration } from './types';

export type { Migration } from './types';

const BY_KIND: Readonly<Record<string, Migration>> = {
  Deployment: migrateAppsWorkload,
  StatefulSet: migrateAppsWorkload,
  DaemonSet: migrateAppsWorkload,
  ReplicaSet: migrateAppsWorkload,
  HorizontalPodAutoscaler: migrateHpa,
  Ingress: migrateIngress,
  PodDisruptionBudget: migratePdb,
  CronJob: migrateCronJob,
};

const renameOnly: Migration = (object, fixer, to) => allOrNothing([renameApiVersion(object, fixer, to)]);

export function migrationFor(kind: string): Migration {
  return Object.hasOwn(BY_KIND, kind) ? (BY_KIND[kind] as Migration) : renameOnly;
}
