/**
 * CronJob batch/v1beta1 → batch/v1. batch/v1 accepts every v1beta1 field with the same meaning
 * (it added `timeZone`), so the apiVersion is the whole change; the target schema check that
 * follows every migration still rejects anything v1 would not accept.
 */
import { allOrNothing, renameApiVersion } from './common';
import type { Migration } from './types';

export const migrateCronJob: Migration = (object, fixer, to) =>
  to === 'batch/v1' ? allOrNothing([renameApiVersion(object, fixer, to)]) : undefined;
