/**
 * The rule registry: an explicit list, sorted by id, with no import side effects. Adding a rule means
 * adding its file and one line here (see server/ARCHITECTURE.md, "Adding a rule").
 */
import type { Rule } from './types';
import containerCpuLimitMissing from './resources/container-cpu-limit-missing';
import containerHeapExceedsMemoryLimit from './resources/container-heap-exceeds-memory-limit';
import containerLimitBelowRequest from './resources/container-limit-below-request';
import containerMemoryLimitMissing from './resources/container-memory-limit-missing';
import containerRequestsMissing from './resources/container-requests-missing';
import invalidQuantity from './resources/invalid-quantity';
import livenessBeforeReadiness from './probes/liveness-before-readiness';
import livenessProbeMissing from './probes/liveness-probe-missing';
import probePortNotExposed from './probes/probe-port-not-exposed';
import probeTimeoutExceedsPeriod from './probes/probe-timeout-exceeds-period';
import probesIdentical from './probes/probes-identical';
import readinessProbeMissing from './probes/readiness-probe-missing';
import yamlSyntax from './yaml-syntax';

export const RULES: readonly Rule[] = [
  containerCpuLimitMissing,
  containerHeapExceedsMemoryLimit,
  containerLimitBelowRequest,
  containerMemoryLimitMissing,
  containerRequestsMissing,
  invalidQuantity,
  livenessBeforeReadiness,
  livenessProbeMissing,
  probePortNotExposed,
  probeTimeoutExceedsPeriod,
  probesIdentical,
  readinessProbeMissing,
  yamlSyntax,
] as Rule[];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
export const RULE_IDS: ReadonlySet<string> = new Set(RULES_BY_ID.keys());
