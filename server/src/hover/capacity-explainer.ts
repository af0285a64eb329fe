/**
 * Hovers whose facts come from other objects in the workspace index: what an HPA commits at its
 * bounds (from its target's pod), how many disruptions a PDB allows at its workload's size, what a
 * workload's pod asks for and how much of a ResourceQuota it takes at full scale, and which
 * LimitRange fills in the resources a container leaves out.
 */
import type { IndexedObject, WorkspaceIndexView } from '../index/types';
import { hpaViewOf } from '../k8s/hpa';
import { limitRangeDefaults, limitRangeTargetOf } from '../k8s/limit-range';
import type { K8sObject } from '../k8s/objects';
import { allowedDisruptions, isPdb, pdbViewOf } from '../k8s/pdb';
import { QOS_MEANING, qosClassOf } from '../k8s/qos';
import { formatBytes, formatCores, parseQuantity } from '../k8s/quantity';
import { describeObject, podCandidates, scaleOf } from '../k8s/relations';
import { containersOf, isLongLived, podSpecOf, podSpecPath, type ContainerView, type PodSpecView } from '../k8s/workloads';
import { asMap, asSeq, getMap, getNode, scalarSource } from '../yaml/nodes';
import type { FieldContext } from './hover';
import { hpaCapacityFact, type PerReplicaResources } from './hpa-explainer';

const RESOURCES = ['cpu', 'memory'] as const;
type Resource = (typeof RESOURCES)[number];

/** One pod's requests and limits summed over its long-lived containers, and what could not be summed. */
export interface PodResources extends PerReplicaResources {
  /** `requests.cpu`, `limits.memory`… that some container leaves unset (no total is given for those). */
  readonly unset: readonly string[];
}

/**
 * Sums one pod's requests and limits over its app containers and sidecars (init containers run
 * before them and are left out). A request falls back to the limit, as the API server does; a
 * resource that some container does not set gets no total, since the pod's figure is then unknown
 * (or unbounded, for limits).
 */
export function podResources(podSpec: PodSpecView): PodResources {
  const containers = containersOf(podSpec).filter(isLongLived);
  const requests: { cpu?: number; memory?: number } = {};
  const limits: { cpu?: number; memory?: number } = {};
  const unset: string[] = [];
  for (const resource of RESOURCES) {
    const request = sum(containers, (c) => amount(c, 'requests', resource) ?? amount(c, 'limits', resource));
    const limit = sum(containers, (c) => amount(c, 'limits', resource));
    if (request === undefined) unset.push(`requests.${resource}`);
    else requests[resource] = request;
    if (limit === undefined) unset.push(`limits.${resource}`);
    else limits[resource] = limit;
  }
  return { requests, limits, unset };
}

function sum(containers: readonly ContainerView[], read: (c: ContainerView) => number | undefined): number | undefined {
  if (containers.length === 0) return undefined;
  let total = 0;
  for (const container of containers) {
    const value = read(container);
    if (value === undefined) return undefined;
    total += value;
  }
  return total;
}

function amount(container: ContainerView, section: 'requests' | 'limits', resource: string): number | undefined {
  const text = scalarSource(getNode(container[section], resource));
  const parsed = text === undefined ? undefined : parseQuantity(text);
  return parsed?.ok ? parsed.quantity.value : undefined;
}

function format(resource: string, value: number): string {
  return resource.endsWith('cpu') ? formatCores(value) : formatBytes(value);
}

/** The entry of `kind`/`name` that the hovered object means: the only one, or the only one in exactly its namespace. */
function lookup(index: WorkspaceIndexView, kind: string, name: string, namespace: string | undefined): IndexedObject | undefined {
  const candidates = index.find(kind, name, namespace);
  if (candidates.length <= 1) return candidates[0];
  const exact = candidates.filter((entry) => entry.object.namespace === namespace);
  return exact.length === 1 ? exact[0] : undefined;
}

function fileName(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

/** On an HPA (its kind or anything under spec): the target, the replica range and the capacity it commits. */
export function hpaCapacityExplainer({ object, path, index }: FieldContext): string | undefined {
  const hpa = hpaViewOf(object);
  // Without the index there is nothing to add to the field explanations of hpa-explainer.
  if (!hpa || !index || (path[0] !== 'kind' && path[0] !== 'spec')) return undefined;
  const { kind, name } = hpa.scaleTargetRef;
  if (!kind || !name) return undefined;
  const range = hpa.maxReplicas === undefined ? `from ${hpa.minReplicas} replicas (maxReplicas is missing)` : `between ${hpa.minReplicas} and ${hpa.maxReplicas} replicas`;
  const lines = [`**Autoscaling of ${kind} "${name}"**`, '', `Scales the target ${range}.`];
  const target = lookup(index, kind, name, object.namespace);
  const podSpec = target && podSpecOf(target.object);
  if (!target || !podSpec) {
    lines.push('', 'The target is not defined in the workspace, so the capacity it commits is unknown.');
    return lines.join('\n');
  }
  const resources = podResources(podSpec);
  lines.push('', `Target defined in \`${fileName(target.uri)}\`.`);
  const fact = hpaCapacityFact(hpa, resources);
  if (fact) lines.push('', fact);
  if (resources.unset.length > 0) lines.push('', `Not counted, because some container leaves it unset: ${resources.unset.map((r) => `\`${r}\``).join(', ')}.`);
  return lines.join('\n');
}

/** On a PDB (its kind or anything under spec): the pods it covers and the disruptions it allows. */
export function pdbExplainer({ object, path, index }: FieldContext): string | undefined {
  if (!isPdb(object) || (path[0] !== 'kind' && path[0] !== 'spec') || !index) return undefined;
  const pdb = pdbViewOf(object);
  const selects = pdb?.selects;
  if (!pdb || !selects || !pdb.selector) return undefined;
  const covered = podCandidates(index, pdb.selector).filter(({ entry, podSpec }) => entry.object.namespace === object.namespace && selects(podSpec.labels));
  const lines = [`**PodDisruptionBudget "${object.name ?? '(unnamed)'}"**`, ''];
  if (covered.length === 0) {
    lines.push('No pod template in the workspace matches its selector in this namespace.');
    return lines.join('\n');
  }
  let pods = 0;
  let minPods = 0;
  for (const { entry } of covered) {
    const scale = scaleOf(index, entry);
    const described = describeObject(entry.object);
    if (!scale) {
      lines.push(`- ${described}: pod count not known from the manifest`);
      continue;
    }
    pods += scale.max;
    minPods += scale.min;
    lines.push(`- ${described}: ${scale.hpa ? `${scale.min} to ${scale.max} replicas (HorizontalPodAutoscaler "${scale.hpa}")` : `${scale.max} replica${scale.max === 1 ? '' : 's'}`}`);
  }
  const facts = [...new Set([minPods, pods])].filter((n) => n > 0).map((n) => {
    const allowed = allowedDisruptions(pdb, n);
    if (allowed === undefined) return undefined;
    return `With ${n} pod${n === 1 ? '' : 's'}, it allows **${allowed}** voluntary disruption${allowed === 1 ? '' : 's'} at a time${allowed === 0 ? ': node drains and scale-down stall' : ''}.`;
  }).filter((fact): fact is string => fact !== undefined);
  lines.splice(2, 0, 'Covers the pods of:');
  if (facts.length > 0) lines.push('', ...facts);
  return lines.join('\n');
}

/** On a workload (its kind, metadata.name or spec.replicas): per-pod resources, QoS class and ResourceQuota use at full scale. */
export function workloadExplainer({ object, path, index }: FieldContext): string | undefined {
  const onWorkload = path.length === 1 && path[0] === 'kind' || (path[0] === 'metadata' && path[1] === 'name' && path.length === 2) || (path[0] === 'spec' && path[1] === 'replicas' && path.length === 2);
  const podSpec = onWorkload && podSpecPath(object) ? podSpecOf(object) : undefined;
  if (!podSpec) return undefined;
  const resources = podResources(podSpec);
  const lines = [`**${describeObject(object)}: resources per pod**`, ''];
  for (const [label, section] of [['Requests', 'requests'], ['Limits', 'limits']] as const) {
    const parts = RESOURCES.map((resource) => {
      const value = resources[section][resource];
      return value === undefined ? `${resource === 'cpu' ? 'CPU' : 'memory'} not set in every container` : `${resource === 'cpu' ? 'CPU' : 'memory'} ${format(resource, value)}`;
    });
    lines.push(`- ${label}: ${parts.join('; ')}`);
  }
  const qos = qosClassOf(containersOf(podSpec));
  lines.push('', `QoS class: **${qos}**: ${QOS_MEANING[qos]}`);
  if (!index) return lines.join('\n');
  const self = lookup(index, object.kind, object.name ?? '', object.namespace);
  const scale = self ? scaleOf(index, self) : undefined;
  if (scale) lines.push('', scale.hpa ? `Scale: ${scale.min} to ${scale.max} replicas (HorizontalPodAutoscaler "${scale.hpa}").` : `Scale: ${scale.max} replica${scale.max === 1 ? '' : 's'}.`);
  for (const quota of index.ofKind('ResourceQuota')) {
    if (quota.object.namespace !== object.namespace) continue;
    const rows = scale ? quotaRows(quota.object, resources, scale.max) : [];
    if (rows.length > 0) lines.push('', `Against ResourceQuota "${quota.object.name ?? '(unnamed)'}" at ${scale!.max} replica${scale!.max === 1 ? '' : 's'}:`, ...rows);
  }
  return lines.join('\n');
}

/** `requests.cpu`, `limits.memory`… of a quota's `spec.hard`, with what `replicas` pods use of each. */
function quotaRows(quota: K8sObject, resources: PodResources, replicas: number): string[] {
  const hard = getMap(getMap(quota.root, 'spec'), 'hard');
  const rows: string[] = [];
  for (const item of hard?.items ?? []) {
    const key = scalarSource(item.key);
    const text = scalarSource(item.value);
    const limit = text === undefined ? undefined : parseQuantity(text);
    if (!key || !limit?.ok) continue;
    // `cpu` and `memory` in a quota mean their requests.
    const [section, resource] = key.includes('.') ? key.split('.', 2) : ['requests', key];
    if ((section !== 'requests' && section !== 'limits') || (resource !== 'cpu' && resource !== 'memory')) continue;
    const perPod = resources[section][resource as Resource];
    if (perPod === undefined) continue;
    const used = perPod * replicas;
    const share = limit.quantity.value > 0 ? Math.round((used / limit.quantity.value) * 100) : Infinity;
    const over = used > limit.quantity.value ? ` (**over the quota**: only ${Math.floor(limit.quantity.value / perPod)} pods fit)` : '';
    rows.push(`- \`${key}\`: ${format(resource, used)} of \`${text}\` = ${share}%${over}`);
  }
  return rows;
}

/** On a container's resources (or any amount in them): the LimitRange that fills in what the container leaves out. */
export function limitRangeExplainer({ object, path, index, self }: FieldContext): string | undefined {
  const specPath = podSpecPath(object);
  if (!index || !specPath || !specPath.every((key, i) => path[i] === key)) return undefined;
  const [list, position, key] = path.slice(specPath.length);
  if ((list !== 'containers' && list !== 'initContainers') || typeof position !== 'number' || key !== 'resources') return undefined;
  const podSpec = podSpecOf(object);
  const node = podSpec && asMap(asSeq(getNode(podSpec.spec, list))?.items[position]);
  const container = podSpec && containersOf(podSpec).find((c) => c.node === node);
  if (!container) return undefined;
  const sections: string[] = [];
  for (const defaults of limitRangeDefaults(index, limitRangeTargetOf(self, object))) {
    const filled = (['requests', 'limits'] as const).flatMap((section) =>
      [...defaults[section]].filter((resource) => getNode(container[section], resource) === undefined && !(section === 'requests' && getNode(container.limits, resource) !== undefined)).map((resource) => `\`${section}.${resource}\``),
    );
    sections.push(filled.length > 0
      ? `LimitRange "${defaults.name}" applies: it fills in ${filled.join(', ')} for container "${container.name ?? '(unnamed)'}".`
      : `LimitRange "${defaults.name}" supplies defaults in this namespace; container "${container.name ?? '(unnamed)'}" sets those itself.`);
  }
  if (sections.length === 0) return undefined;
  return ['**Default resources**', '', ...sections].join('\n');
}
