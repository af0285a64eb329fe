/** One view of a VerticalPodAutoscaler (autoscaling.k8s.io), with the recommender's defaults filled in. */
import type { Node } from 'yaml';
import { asMap, asSeq, getIn, getMap, getNode, getSeq, scalarString } from '../yaml/nodes';
import type { K8sObject } from './objects';

export interface VpaView {
  readonly object: K8sObject;
  readonly targetKind: string | undefined;
  readonly targetName: string | undefined;
  readonly targetNameNode: Node | undefined;
  /** `Off` only recommends; `Initial`, `Recreate`, `InPlaceOrRecreate` and `Auto` (the default) change requests. */
  readonly updateMode: string;
  /** The resources it changes for at least one container (cpu and memory unless narrowed). */
  readonly controlledResources: ReadonlySet<string>;
}

export function isVpa(object: K8sObject): boolean {
  return object.kind === 'VerticalPodAutoscaler' && object.group === 'autoscaling.k8s.io';
}

export function vpaViewOf(object: K8sObject): VpaView | undefined {
  if (!isVpa(object)) return undefined;
  const spec = getMap(object.root, 'spec');
  const ref = getMap(spec, 'targetRef');
  const targetNameNode = getNode(ref, 'name');
  const policies = (getSeq(getMap(spec, 'resourcePolicy'), 'containerPolicies')?.items ?? []).map((item) => asMap(item));
  const controlled = new Set<string>();
  // Containers without a policy of their own (no `*` entry) get the defaults: cpu and memory, mode Auto.
  if (!policies.some((policy) => scalarString(getNode(policy, 'containerName')) === '*')) ['cpu', 'memory'].forEach((r) => controlled.add(r));
  for (const policy of policies) {
    if (scalarString(getNode(policy, 'mode')) === 'Off') continue;
    const listed = asSeq(getNode(policy, 'controlledResources'));
    const resources = listed ? listed.items.map((item) => scalarString(item)).filter((r): r is string => r !== undefined) : ['cpu', 'memory'];
    resources.forEach((r) => controlled.add(r));
  }
  return {
    object,
    targetKind: scalarString(getNode(ref, 'kind')),
    targetName: scalarString(targetNameNode),
    targetNameNode,
    updateMode: scalarString(getIn(spec, ['updatePolicy', 'updateMode'])) ?? 'Auto',
    controlledResources: controlled,
  };
}
