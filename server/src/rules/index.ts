/**
 * The rule registry: an explicit list, sorted by id, with no import side effects. Adding a rule means
 * adding its file and one line here (see server/ARCHITECTURE.md, "Adding a rule").
 */
import type { Rule } from './types';
import antiAffinityMissing from './availability/anti-affinity-missing';
import containerCpuLimitMissing from './resources/container-cpu-limit-missing';
import containerHeapExceedsMemoryLimit from './resources/container-heap-exceeds-memory-limit';
import containerLimitBelowRequest from './resources/container-limit-below-request';
import containerMemoryLimitMissing from './resources/container-memory-limit-missing';
import containerRequestsMissing from './resources/container-requests-missing';
import hpaMinEqualsMax from './autoscaling/hpa-min-equals-max';
import hpaMinExceedsMax from './autoscaling/hpa-min-exceeds-max';
import hpaMinReplicasOne from './autoscaling/hpa-min-replicas-one';
import imageTagLatest from './availability/image-tag-latest';
import invalidQuantity from './resources/invalid-quantity';
import livenessBeforeReadiness from './probes/liveness-before-readiness';
import livenessProbeMissing from './probes/liveness-probe-missing';
import prestopExceedsGracePeriod from './availability/prestop-exceeds-grace-period';
import probePortNotExposed from './probes/probe-port-not-exposed';
import probeTimeoutExceedsPeriod from './probes/probe-timeout-exceeds-period';
import probesIdentical from './probes/probes-identical';
import pvRecycleReclaimPolicy from './storage/pv-recycle-reclaim-policy';
import readinessProbeMissing from './probes/readiness-probe-missing';
import statefulsetPvcRetentionPolicyMissing from './storage/statefulset-pvc-retention-policy-missing';
import storageClassImmediateBinding from './storage/storage-class-immediate-binding';
import storageClassNoExpansion from './storage/storage-class-no-expansion';
import vpaMinExceedsMax from './autoscaling/vpa-min-exceeds-max';
import workloadSelectorMismatch from './availability/workload-selector-mismatch';
import yamlSyntax from './yaml-syntax';

export const RULES: readonly Rule[] = [
  antiAffinityMissing,
  containerCpuLimitMissing,
  containerHeapExceedsMemoryLimit,
  containerLimitBelowRequest,
  containerMemoryLimitMissing,
  containerRequestsMissing,
  hpaMinEqualsMax,
  hpaMinExceedsMax,
  hpaMinReplicasOne,
  imageTagLatest,
  invalidQuantity,
  livenessBeforeReadiness,
  livenessProbeMissing,
  prestopExceedsGracePeriod,
  probePortNotExposed,
  probeTimeoutExceedsPeriod,
  probesIdentical,
  pvRecycleReclaimPolicy,
  readinessProbeMissing,
  statefulsetPvcRetentionPolicyMissing,
  storageClassImmediateBinding,
  storageClassNoExpansion,
  vpaMinExceedsMax,
  workloadSelectorMismatch,
  yamlSyntax,
] as Rule[];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
export const RULE_IDS: ReadonlySet<string> = new Set(RULES_BY_ID.keys());
