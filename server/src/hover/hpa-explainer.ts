/**
 * Hover for HorizontalPodAutoscaler fields: what minReplicas, maxReplicas, metrics and behavior mean,
 * with the values the controller will actually use (defaults filled in) and what follows from them.
 */
import { formatBytes, formatCores } from '../k8s/quantity';
import { hpaViewOf, type HpaMetric, type HpaView, type ScalingRules } from '../k8s/hpa';
import type { FieldContext } from './hover';

const DOCS: Record<string, string> = {
  minReplicas: 'The fewest replicas the autoscaler keeps, however idle the workload is (1 when not set). This is the redundancy left in quiet hours, and the capacity that must absorb a sudden surge while new pods start.',
  maxReplicas: 'The most replicas the autoscaler will create. It caps cost and protects what the workload depends on (databases, quotas), but at the cap extra load is no longer absorbed: latency rises instead.',
  metrics: 'What the autoscaler measures. For each metric it computes `ceil(current replicas × current value / target)` and uses the largest result. Utilisation targets are a percentage of the pods\' **requests**, so they mean nothing without requests.',
  targetCPUUtilizationPercentage: 'The average CPU usage, as a percentage of the pods\' CPU requests, that the autoscaler aims for (autoscaling/v1).',
  behavior: 'How fast the autoscaler may change the replica count. Each direction has a stabilization window (it acts on the highest recommendation of that window when scaling down, the lowest when scaling up) and policies limiting the change per period.',
};

/** Per-replica resources of the scaled pods, summed over their containers (bytes and cores). */
export interface PerReplicaResources {
  readonly requests: { readonly cpu?: number; readonly memory?: number };
  readonly limits: { readonly cpu?: number; readonly memory?: number };
}

export function hpaExplainer(context: FieldContext): string | undefined {
  const hpa = hpaViewOf(context.object);
  if (!hpa || context.path[0] !== 'spec') return undefined;
  const field = typeof context.path[1] === 'string' ? context.path[1] : undefined;
  const doc = field === undefined ? undefined : DOCS[field];
  if (!field || !doc) return undefined;
  const facts: string[] = [];
  if (field === 'minReplicas' || field === 'maxReplicas') facts.push(rangeFact(hpa));
  if (field === 'metrics' || field === 'targetCPUUtilizationPercentage') facts.push(...hpa.metrics.map((metric) => `- ${describeMetric(metric)}`));
  if (field === 'behavior') {
    facts.push(`- **Scale up:** ${describeRules(hpa.scaleUp, 'up')}`, `- **Scale down:** ${describeRules(hpa.scaleDown, 'down')}`);
    const fastest = hpa.maxReplicas === undefined ? undefined : fastestScaleUp(hpa.minReplicas, hpa.maxReplicas, hpa.scaleUp);
    if (fastest !== undefined) facts.push('', `From ${hpa.minReplicas} to ${hpa.maxReplicas} replicas takes at least ${fastest} s of sustained load.`);
  }
  if (field === 'metrics' && hpa.metricsDefaulted) facts.unshift('No metrics are written, so the controller uses its default:');
  return [`**HorizontalPodAutoscaler \`${field}\`**`, '', doc, ...(facts.length > 0 ? ['', ...facts] : [])].join('\n');
}

function rangeFact(hpa: HpaView): string {
  const min = `${hpa.minReplicas}${hpa.minReplicasNode ? '' : ' (default)'}`;
  if (hpa.maxReplicas === undefined) return `Scales from ${min} replicas; maxReplicas is missing, which the API server requires.`;
  if (hpa.maxReplicas < hpa.minReplicas) return `minReplicas ${min} is above maxReplicas ${hpa.maxReplicas}: the API server rejects this autoscaler.`;
  if (hpa.maxReplicas === hpa.minReplicas) return `Fixed at ${hpa.maxReplicas} replicas: with equal bounds, nothing is left to autoscale.`;
  return `Scales between ${min} and ${hpa.maxReplicas} replicas (up to ${trim(hpa.maxReplicas / Math.max(hpa.minReplicas, 1))}× the minimum).`;
}

function describeMetric(metric: HpaMetric): string {
  const target = metric.target;
  const what = metric.resource
    ? `${metric.resource === 'cpu' ? 'CPU' : metric.resource}${metric.container ? ` of container "${metric.container}"` : ''}`
    : `${metric.type} metric${metric.metricName ? ` "${metric.metricName}"` : ''}`;
  if (!target) return `${what}: the target could not be read.`;
  if (target.type === 'Utilization') return `${what} at **${target.averageUtilization}%** of requests, averaged over the pods.`;
  return `${what} at **${target.value}** ${target.type === 'AverageValue' ? 'per pod on average' : 'in total'}.`;
}

/** One direction in words, e.g. "no stabilization; every 15 s, the larger of +100% and +4 pods". */
export function describeRules(rules: ScalingRules, direction: 'up' | 'down'): string {
  if (rules.selectPolicy === 'Disabled') return `disabled: the autoscaler never scales ${direction}.`;
  const window = rules.stabilizationWindowSeconds === 0 ? 'no stabilization window' : `a ${rules.stabilizationWindowSeconds} s stabilization window`;
  const sign = direction === 'up' ? '+' : '−';
  const limits = rules.policies.map((p) => `${sign}${p.value}${p.type === 'Percent' ? '%' : ` pod${p.value === 1 ? '' : 's'}`} per ${p.periodSeconds} s`);
  const combine = limits.length > 1 ? `the ${rules.selectPolicy === 'Max' ? 'larger' : 'smaller'} of ${limits.join(' and ')}` : (limits[0] ?? 'no limit');
  return `${window}; at most ${combine}${rules.defaulted ? ' (the defaults)' : ''}.`;
}

/**
 * Seconds the scale-up policies need to go from `from` to `to` replicas, under sustained load and
 * after the stabilization window. Only computed when all policies share one period (the usual case),
 * since the controller's sliding windows make mixed periods hard to state honestly.
 */
export function fastestScaleUp(from: number, to: number, rules: ScalingRules): number | undefined {
  const period = rules.policies[0]?.periodSeconds;
  if (rules.selectPolicy === 'Disabled' || period === undefined || rules.policies.some((p) => p.periodSeconds !== period) || to <= from) return undefined;
  let replicas = Math.max(from, 1);
  let steps = 0;
  while (replicas < to && steps < 1000) {
    const allowed = rules.policies.map((p) => (p.type === 'Pods' ? replicas + p.value : Math.ceil(replicas * (1 + p.value / 100))));
    const next = rules.selectPolicy === 'Min' ? Math.min(...allowed) : Math.max(...allowed);
    if (next <= replicas) return undefined;
    replicas = next;
    steps++;
  }
  return rules.stabilizationWindowSeconds + steps * period;
}

/**
 * What the scaled workload reserves and may use at minReplicas and maxReplicas. The per-replica
 * amounts come from the target workload, found through the workspace index: this is the seam where
 * that lookup plugs in, kept separate so it can be tested without an index.
 */
export function hpaCapacityFact(hpa: HpaView, perReplica: PerReplicaResources): string | undefined {
  const max = hpa.maxReplicas;
  if (max === undefined) return undefined;
  const rows: string[] = [];
  for (const [label, amounts] of [['Requests', perReplica.requests], ['Limits', perReplica.limits]] as const) {
    const parts = (['cpu', 'memory'] as const).flatMap((resource) => {
      const amount = amounts[resource];
      if (amount === undefined) return [];
      const format = resource === 'cpu' ? formatCores : formatBytes;
      return [`${resource === 'cpu' ? 'CPU' : 'memory'} ${format(amount * hpa.minReplicas)} → ${format(amount * max)}`];
    });
    if (parts.length > 0) rows.push(`- ${label}: ${parts.join('; ')}`);
  }
  if (rows.length === 0) return undefined;
  return [`From ${hpa.minReplicas} to ${max} replicas, the workload reserves and may use:`, ...rows].join('\n');
}

function trim(value: number): string {
  return String(Math.round(value * 10) / 10);
}
