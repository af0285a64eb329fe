/**
 * HorizontalPodAutoscaler → autoscaling/v2.
 *
 * - v2beta2 has the same structure as v2: only the apiVersion changes.
 * - v2beta1 spelt targets as `targetAverageUtilization`, `targetAverageValue` and `targetValue`
 *   beside the metric; v2 puts the metric's identity under `metric` and the goal under `target`
 *   with an explicit `type`. Each metric source is rewritten as a whole.
 * - v1 only knew `targetCPUUtilizationPercentage`; it becomes the equivalent Resource metric. (v1
 *   is still served, so this one is offered only on request, never as a finding's fix.)
 */
import type { TextEdit } from '../../core/finding';
import type { InsertMap, YamlFixer } from '../../yaml/fixer';
import { asMap, asSeq, getMap, getNode, getPair } from '../../yaml/nodes';
import type { K8sObject } from '../objects';
import { allOrNothing, isRecord, plainObject, renameApiVersion, toInsert } from './common';
import type { Json, Migration } from './types';

export const migrateHpa: Migration = (object, fixer, to) => {
  if (to !== 'autoscaling/v2') return undefined;
  const rename = renameApiVersion(object, fixer, to);
  if (object.apiVersion === 'autoscaling/v2beta2') return allOrNothing([rename]);
  if (object.apiVersion === 'autoscaling/v1') return allOrNothing([rename, ...fromV1(object, fixer)]);
  if (object.apiVersion === 'autoscaling/v2beta1') {
    const metrics = fromV2beta1(object, fixer);
    return metrics && allOrNothing([rename, ...metrics]);
  }
  return undefined;
};

function fromV1(object: K8sObject, fixer: YamlFixer): (TextEdit | undefined)[] {
  const spec = getMap(object.root, 'spec');
  const pair = getPair(spec, 'targetCPUUtilizationPercentage');
  // Without a target, v1 and v2 both default to 80% CPU: nothing to write.
  if (!spec || !pair) return [];
  const percent = plainObject(object)?.spec;
  const value = isRecord(percent) ? percent.targetCPUUtilizationPercentage : undefined;
  if (typeof value !== 'number') return [undefined];
  const metric = { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: value } } };
  return [fixer.replacePair(spec, pair, { metrics: [metric] })];
}

/** One edit per v2beta1 metric source; undefined when a metric has a shape we do not know. */
function fromV2beta1(object: K8sObject, fixer: YamlFixer): (TextEdit | undefined)[] | undefined {
  const spec = plainObject(object)?.spec;
  const metrics = isRecord(spec) ? spec.metrics : undefined;
  if (metrics === undefined) return [];
  const nodes = asSeq(getNode(getMap(object.root, 'spec'), 'metrics'));
  if (!Array.isArray(metrics) || !nodes || nodes.items.length !== metrics.length) return undefined;
  const edits: (TextEdit | undefined)[] = [];
  for (const [i, metric] of metrics.entries()) {
    const map = asMap(nodes.items[i]);
    if (!isRecord(metric) || !map) return undefined;
    const key = SOURCE_KEYS[String(metric.type)];
    const source = key ? metric[key] : undefined;
    const pair = key ? getPair(map, key) : undefined;
    if (!key || !isRecord(source) || !pair) return undefined;
    const converted = convertSource(key, source);
    if (!converted) return undefined;
    edits.push(fixer.replacePair(map, pair, { [key]: converted }));
  }
  return edits;
}

const SOURCE_KEYS: Readonly<Record<string, string>> = { Resource: 'resource', Pods: 'pods', Object: 'object', External: 'external', ContainerResource: 'containerResource' };

function convertSource(key: string, source: Record<string, Json>): InsertMap | undefined {
  const { metricName, selector, metricSelector, target, targetAverageUtilization, targetAverageValue, targetValue, averageValue, ...rest } = source;
  let goal: InsertMap | undefined;
  if (typeof targetAverageUtilization === 'number') goal = { type: 'Utilization', averageUtilization: targetAverageUtilization };
  else if (targetAverageValue !== undefined && targetAverageValue !== null) goal = averageGoal(targetAverageValue);
  else if (key === 'object' && averageValue !== undefined && averageValue !== null) goal = averageGoal(averageValue);
  else if (targetValue !== undefined && targetValue !== null) goal = { type: 'Value', value: targetValue as string | number };
  if (!goal) return undefined;
  if (key === 'resource' || key === 'containerResource') {
    // name (and container) stay as they are; anything else is a field we do not know.
    if (Object.keys(rest).some((field) => field !== 'name' && field !== 'container') || metricName !== undefined) return undefined;
    return { ...(toInsert(rest) as InsertMap), target: goal };
  }
  if (typeof metricName !== 'string' || Object.keys(rest).length > 0) return undefined;
  const metric: InsertMap = { name: metricName };
  const metricSelectorValue = toInsert(key === 'external' ? metricSelector : selector);
  if (metricSelectorValue !== undefined) metric.selector = metricSelectorValue;
  if (key === 'object') {
    const described = toInsert(target);
    if (!described || typeof described !== 'object') return undefined;
    return { describedObject: described, metric, target: goal };
  }
  return { metric, target: goal };
}

function averageGoal(value: Json): InsertMap | undefined {
  return typeof value === 'string' || typeof value === 'number' ? { type: 'AverageValue', averageValue: value } : undefined;
}
