/** One view of a VerticalPodAutoscaler (autoscaling.k8s.io), with the recommender's defaults filled in. */
import type { Node } from 'yaml';
import { asMap, asSeq, getIn, getMap, getNode, getSeq, scalarString } from '../yaml/nodes';
import type { K8sObject } from './objects';

/** What the VPA does to one container: the resources it sets and which values (requests, limits). */
export interface VpaContainerControl {
  /** Empty when the container's policy is `mode: "Off"`. */
  readonly resources: ReadonlySet<string>;
  /** `RequestsAndLimits` (the default) or `RequestsOnly`: requests change either way. */
  readonly controlledValues: string;
}

export interface VpaView {
  readonly object: K8sObject;
  readonly targetKind: string | undefined;
  readonly targetName: string | undefined;
  readonly targetNameNode: Node | undefined;
  /** `Off` only recommends; `Initial`, `Recreate`, `InPlaceOrRecreate` and `Auto` (the default) change requests. */
  readonly updateMode: string;
  /**
   * The resources it changes for at least one container when the target's containers are unknown:
   * every policy's, plus the defaults (cpu and memory) for containers no policy names, unless a `*`
   * policy covers them.
   */
  readonly controlledResources: ReadonlySet<string>;
  /** What it does to the container of that name: its own policy, else the `*` policy, else cpu and memory. */
  controlFor(containerName: string): VpaContainerControl;
}

export function isVpa(object: K8sObject): boolean {
  return object.kind === 'VerticalPodAutoscaler' && object.group === 'autoscaling.k8s.io';
}

const DEFAULT_CONTROL: VpaContainerControl = { resources: new Set(['cpu', 'memory']), controlledValues: 'RequestsAndLimits' };

function controlOf(policy: ReturnType<typeof asMap>): VpaContainerControl {
  const controlledValues = scalarString(getNode(policy, 'controlledValues')) ?? 'RequestsAndLimits';
  if (scalarString(getNode(policy, 'mode')) === 'Off') return { resources: new Set(), controlledValues };
  const listed = asSeq(getNode(policy, 'controlledResources'));
  const resources = listed ? listed.items.map((item) => scalarString(item)).filter((r): r is string => r !== undefined) : ['cpu', 'memory'];
  return { resources: new Set(resources), controlledValues };
}

export function vpaViewOf(object: K8sObject): VpaView | undefined {
  if (!isVpa(object)) return undefined;
  const spec = getMap(object.root, 'spec');
  const ref = getMap(spec, 'targetRef');
  const targetNameNode = getNode(ref, 'name');
  const byName = new Map<string, VpaContainerControl>();
  for (const item of getSeq(getMap(spec, 'resourcePolicy'), 'containerPolicies')?.items ?? []) {
    const policy = asMap(item);
    const name = scalarString(getNode(policy, 'containerName'));
    // The first policy for a name wins, as in the recommender's lookup.
    if (name !== undefined && !byName.has(name)) byName.set(name, controlOf(policy));
  }
  const fallback = byName.get('*') ?? DEFAULT_CONTROL;
  const controlled = new Set<string>(fallback.resources);
  for (const control of byName.values()) control.resources.forEach((r) => controlled.add(r));
  return {
    object,
    targetKind: scalarString(getNode(ref, 'kind')),
    targetName: scalarString(targetNameNode),
    targetNameNode,
    updateMode: scalarString(getIn(spec, ['updatePolicy', 'updateMode'])) ?? 'Auto',
    controlledResources: controlled,
    controlFor: (containerName) => byName.get(containerName) ?? fallback,
  };
}
