/**
 * The rule registry: an explicit list, sorted by id, with no import side effects. Adding a rule means
 * adding its file and one line here (see server/ARCHITECTURE.md, "Adding a rule").
 */
import type { Rule } from './types';
import antiAffinityMissing from './availability/anti-affinity-missing';
import apiVersionDeprecated from './api-versions/api-version-deprecated';
import apiVersionRemoved from './api-versions/api-version-removed';
import containerCpuLimitMissing from './resources/container-cpu-limit-missing';
import containerHeapExceedsMemoryLimit from './resources/container-heap-exceeds-memory-limit';
import containerLimitBelowRequest from './resources/container-limit-below-request';
import containerMemoryLimitMissing from './resources/container-memory-limit-missing';
import containerRequestsMissing from './resources/container-requests-missing';
import hpaMinEqualsMax from './autoscaling/hpa-min-equals-max';
import hpaMinExceedsMax from './autoscaling/hpa-min-exceeds-max';
import hpaMinReplicasOne from './autoscaling/hpa-min-replicas-one';
import hpaMultipleAutoscalers from './autoscaling/hpa-multiple-autoscalers';
import hpaReplicasConflict from './autoscaling/hpa-replicas-conflict';
import hpaTargetMissingRequests from './autoscaling/hpa-target-missing-requests';
import hpaTargetNotFound from './autoscaling/hpa-target-not-found';
import hpaTargetNotScalable from './autoscaling/hpa-target-not-scalable';
import hpaVpaConflict from './autoscaling/hpa-vpa-conflict';
import imageTagLatest from './availability/image-tag-latest';
import invalidQuantity from './resources/invalid-quantity';
import livenessBeforeReadiness from './probes/liveness-before-readiness';
import livenessProbeMissing from './probes/liveness-probe-missing';
import pdbBlocksEviction from './availability/pdb-blocks-eviction';
import pdbOverlapping from './availability/pdb-overlapping';
import prestopExceedsGracePeriod from './availability/prestop-exceeds-grace-period';
import probePortNotExposed from './probes/probe-port-not-exposed';
import probeTimeoutExceedsPeriod from './probes/probe-timeout-exceeds-period';
import probesIdentical from './probes/probes-identical';
import pvRecycleReclaimPolicy from './storage/pv-recycle-reclaim-policy';
import pvcRwoSharedByReplicas from './storage/pvc-rwo-shared-by-replicas';
import pvcStorageClassNotFound from './storage/pvc-storage-class-not-found';
import readinessProbeMissing from './probes/readiness-probe-missing';
import schemaValidation from './schema/schema-validation';
import serviceSelectsNoPods from './availability/service-selects-no-pods';
import statefulsetHeadlessServiceNotFound from './storage/statefulset-headless-service-not-found';
import statefulsetPvcRetentionPolicyMissing from './storage/statefulset-pvc-retention-policy-missing';
import storageClassImmediateBinding from './storage/storage-class-immediate-binding';
import storageClassNoExpansion from './storage/storage-class-no-expansion';
import vpaMinExceedsMax from './autoscaling/vpa-min-exceeds-max';
import vpaTargetNotFound from './autoscaling/vpa-target-not-found';
import workloadSelectorMismatch from './availability/workload-selector-mismatch';
import yamlSyntax from './yaml-syntax';

export const RULES: readonly Rule[] = [
  antiAffinityMissing,
  apiVersionDeprecated,
  apiVersionRemoved,
  containerCpuLimitMissing,
  containerHeapExceedsMemoryLimit,
  containerLimitBelowRequest,
  containerMemoryLimitMissing,
  containerRequestsMissing,
  hpaMinEqualsMax,
  hpaMinExceedsMax,
  hpaMinReplicasOne,
  hpaMultipleAutoscalers,
  hpaReplicasConflict,
  hpaTargetMissingRequests,
  hpaTargetNotFound,
  hpaTargetNotScalable,
  hpaVpaConflict,
  imageTagLatest,
  invalidQuantity,
  livenessBeforeReadiness,
  livenessProbeMissing,
  pdbBlocksEviction,
  pdbOverlapping,
  prestopExceedsGracePeriod,
  probePortNotExposed,
  probeTimeoutExceedsPeriod,
  probesIdentical,
  pvRecycleReclaimPolicy,
  pvcRwoSharedByReplicas,
  pvcStorageClassNotFound,
  readinessProbeMissing,
  schemaValidation,
  serviceSelectsNoPods,
  statefulsetHeadlessServiceNotFound,
  statefulsetPvcRetentionPolicyMissing,
  storageClassImmediateBinding,
  storageClassNoExpansion,
  vpaMinExceedsMax,
  vpaTargetNotFound,
  workloadSelectorMismatch,
  yamlSyntax,
] as Rule[];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
export const RULE_IDS: ReadonlySet<string> = new Set(RULES_BY_ID.keys());
