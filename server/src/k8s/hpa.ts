/**
 * One view of a HorizontalPodAutoscaler whatever its apiVersion (autoscaling/v1, v2beta1, v2beta2,
 * v2), with the API server's defaults filled in, so rules and hover never branch on versions.
 *
 * Every value keeps the YAML node it came from (when it was written) so findings can point at it;
 * a value that was defaulted has no node. Reading never throws: odd shapes read as "not written".
 */
import type { Node, YAMLMap } from 'yaml';
import { asMap, getMap, getNode, getSeq, scalarNumber, scalarSource, scalarString } from '../yaml/nodes';
import { memoizeByObject } from '../core/memo';
import type { K8sObject } from './objects';

export type HpaVersion = 'v1' | 'v2beta1' | 'v2beta2' | 'v2';

export interface ScaleTargetRef {
  readonly apiVersion: string | undefined;
  readonly kind: string | undefined;
  readonly name: string | undefined;
  /** The `scaleTargetRef` mapping, for findings about the target. */
  readonly node: YAMLMap | undefined;
}

/** The v2 shape of a target; v1 and v2beta1 fields are converted into it. */
export interface MetricTarget {
  readonly type: 'Utilization' | 'AverageValue' | 'Value';
  /** Percent of the pods' requests, for `Utilization`. */
  readonly averageUtilization?: number;
  /** A quantity as written ("500m", "1k"), for `AverageValue` and `Value`. */
  readonly value?: string;
  /** The node holding the number or quantity. */
  readonly node: Node | undefined;
}

export interface HpaMetric {
  /** Resource, ContainerResource, Pods, Object or External (or whatever unknown type was written). */
  readonly type: string;
  /** `cpu`, `memory`… for Resource and ContainerResource. */
  readonly resource?: string;
  /** The container whose usage counts, for ContainerResource. */
  readonly container?: string;
  /** The custom or external metric's name, for Pods, Object and External. */
  readonly metricName?: string;
  /** Undefined when the target could not be read. */
  readonly target: MetricTarget | undefined;
  /** The metric's list item, or `targetCPUUtilizationPercentage`'s value for v1; absent when defaulted. */
  readonly node: Node | undefined;
}

export interface ScalingPolicy {
  readonly type: 'Pods' | 'Percent';
  readonly value: number;
  readonly periodSeconds: number;
}

/** One direction of `spec.behavior`, with every unwritten field at its API default. */
export interface ScalingRules {
  readonly stabilizationWindowSeconds: number;
  /** `Max` picks the policy allowing the biggest change, `Min` the smallest, `Disabled` stops this direction. */
  readonly selectPolicy: 'Max' | 'Min' | 'Disabled';
  readonly policies: readonly ScalingPolicy[];
  /** True when nothing in this direction was written: these are the controller's defaults. */
  readonly defaulted: boolean;
}

export interface HpaView {
  readonly object: K8sObject;
  readonly version: HpaVersion;
  readonly spec: YAMLMap | undefined;
  /** 1 when not written (the API default). */
  readonly minReplicas: number;
  readonly minReplicasNode: Node | undefined;
  /** Required by the API; undefined when missing or not a number. */
  readonly maxReplicas: number | undefined;
  readonly maxReplicasNode: Node | undefined;
  readonly scaleTargetRef: ScaleTargetRef;
  /** Never empty: without written metrics the controller targets 80% average CPU utilisation. */
  readonly metrics: readonly HpaMetric[];
  readonly metricsDefaulted: boolean;
  /** Only autoscaling/v2 and v2beta2 can write `behavior`; older versions always get the defaults. */
  readonly scaleUp: ScalingRules;
  readonly scaleDown: ScalingRules;
  readonly behaviorNode: YAMLMap | undefined;
}

export const DEFAULT_CPU_UTILIZATION = 80;

/** The controller's defaults: scale up at once by max(100%, 4 pods) per 15s; scale down after 300s by up to 100% per 15s. */
export const DEFAULT_SCALE_UP: ScalingRules = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }, { type: 'Pods', value: 4, periodSeconds: 15 }],
  defaulted: true,
};
export const DEFAULT_SCALE_DOWN: ScalingRules = {
  stabilizationWindowSeconds: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
  defaulted: true,
};

const VERSIONS: ReadonlySet<string> = new Set(['v1', 'v2beta1', 'v2beta2', 'v2']);

export function isHpa(object: K8sObject): boolean {
  return object.kind === 'HorizontalPodAutoscaler' && object.group === 'autoscaling' && VERSIONS.has(versionOf(object));
}

export const hpaViewOf: (object: K8sObject) => HpaView | undefined = memoizeByObject(readHpaView);

function readHpaView(object: K8sObject): HpaView | undefined {
  if (!isHpa(object)) return undefined;
  const version = versionOf(object) as HpaVersion;
  const spec = getMap(object.root, 'spec');
  const minReplicasNode = getNode(spec, 'minReplicas');
  const maxReplicasNode = getNode(spec, 'maxReplicas');
  const ref = getMap(spec, 'scaleTargetRef');
  const written = version === 'v1' ? v1Metrics(spec) : (getSeq(spec, 'metrics')?.items ?? []).map((item) => metricOf(asMap(item), version));
  const behavior = version === 'v2' || version === 'v2beta2' ? getMap(spec, 'behavior') : undefined;
  return {
    object,
    version,
    spec,
    minReplicas: scalarNumber(minReplicasNode) ?? 1,
    minReplicasNode,
    maxReplicas: scalarNumber(maxReplicasNode),
    maxReplicasNode,
    scaleTargetRef: {
      apiVersion: scalarString(getNode(ref, 'apiVersion')),
      kind: scalarString(getNode(ref, 'kind')),
      name: scalarString(getNode(ref, 'name')),
      node: ref,
    },
    metrics: written.length > 0 ? written : [defaultCpuMetric()],
    metricsDefaulted: written.length === 0,
    scaleUp: scalingRules(getMap(behavior, 'scaleUp'), DEFAULT_SCALE_UP),
    scaleDown: scalingRules(getMap(behavior, 'scaleDown'), DEFAULT_SCALE_DOWN),
    behaviorNode: behavior,
  };
}

function versionOf(object: K8sObject): string {
  return object.apiVersion.slice(object.apiVersion.lastIndexOf('/') + 1);
}

function defaultCpuMetric(): HpaMetric {
  return { type: 'Resource', resource: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION, node: undefined }, node: undefined };
}

function v1Metrics(spec: YAMLMap | undefined): HpaMetric[] {
  const node = getNode(spec, 'targetCPUUtilizationPercentage');
  const percent = scalarNumber(node);
  if (percent === undefined) return [];
  return [{ type: 'Resource', resource: 'cpu', target: { type: 'Utilization', averageUtilization: percent, node }, node }];
}

/** Reads one `metrics[]` item; v2beta1 keeps its targets beside the metric name, v2/v2beta2 in `target`. */
function metricOf(item: YAMLMap | undefined, version: HpaVersion): HpaMetric {
  const type = scalarString(getNode(item, 'type')) ?? 'Unknown';
  const source = getMap(item, lowerFirst(type));
  const base = { type, node: item as Node | undefined };
  const isResource = type === 'Resource' || type === 'ContainerResource';
  if (version === 'v2beta1') {
    return {
      ...base,
      ...optional('resource', isResource ? scalarString(getNode(source, 'name')) : undefined),
      ...optional('container', scalarString(getNode(source, 'container'))),
      ...optional('metricName', scalarString(getNode(source, 'metricName'))),
      target: v2beta1Target(source),
    };
  }
  return {
    ...base,
    ...optional('resource', isResource ? scalarString(getNode(source, 'name')) : undefined),
    ...optional('container', scalarString(getNode(source, 'container'))),
    ...optional('metricName', isResource ? undefined : scalarString(getNode(getMap(source, 'metric'), 'name'))),
    target: v2Target(getMap(source, 'target')),
  };
}

function v2Target(target: YAMLMap | undefined): MetricTarget | undefined {
  const type = scalarString(getNode(target, 'type'));
  if (type === 'Utilization') {
    const node = getNode(target, 'averageUtilization');
    const percent = scalarNumber(node);
    return percent === undefined ? undefined : { type, averageUtilization: percent, node };
  }
  if (type === 'AverageValue' || type === 'Value') {
    const node = getNode(target, type === 'Value' ? 'value' : 'averageValue');
    const value = scalarSource(node);
    return value === undefined ? undefined : { type, value, node };
  }
  return undefined;
}

/** v2beta1: targetAverageUtilization, targetAverageValue or targetValue, beside the metric name. */
function v2beta1Target(source: YAMLMap | undefined): MetricTarget | undefined {
  const utilizationNode = getNode(source, 'targetAverageUtilization');
  const percent = scalarNumber(utilizationNode);
  if (percent !== undefined) return { type: 'Utilization', averageUtilization: percent, node: utilizationNode };
  for (const [key, type] of [['targetAverageValue', 'AverageValue'], ['targetValue', 'Value']] as const) {
    const node = getNode(source, key);
    const value = scalarSource(node);
    if (value !== undefined) return { type, value, node };
  }
  return undefined;
}

/** Each field left out takes its own default: writing only `policies` keeps the default window. */
function scalingRules(map: YAMLMap | undefined, defaults: ScalingRules): ScalingRules {
  if (!map) return defaults;
  const window = scalarNumber(getNode(map, 'stabilizationWindowSeconds'));
  const select = scalarString(getNode(map, 'selectPolicy'));
  const written = getSeq(map, 'policies')?.items.map((item) => policyOf(asMap(item))).filter((p): p is ScalingPolicy => p !== undefined);
  return {
    stabilizationWindowSeconds: window ?? defaults.stabilizationWindowSeconds,
    selectPolicy: select === 'Min' || select === 'Disabled' || select === 'Max' ? select : defaults.selectPolicy,
    policies: written && written.length > 0 ? written : defaults.policies,
    defaulted: false,
  };
}

function policyOf(map: YAMLMap | undefined): ScalingPolicy | undefined {
  const type = scalarString(getNode(map, 'type'));
  const value = scalarNumber(getNode(map, 'value'));
  const periodSeconds = scalarNumber(getNode(map, 'periodSeconds'));
  if ((type !== 'Pods' && type !== 'Percent') || value === undefined || periodSeconds === undefined) return undefined;
  return { type, value, periodSeconds };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
