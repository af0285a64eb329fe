/** The pod's Quality of Service class, computed the way the kubelet does from its containers' resources. */
import { getNode, scalarSource } from '../yaml/nodes';
import { parseQuantity } from './quantity';
import type { ContainerView } from './workloads';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

export function qosClassOf(containers: readonly ContainerView[]): QosClass {
  let anySet = false;
  let guaranteed = containers.length > 0;
  for (const container of containers) {
    for (const resource of ['cpu', 'memory']) {
      const limit = amount(container, 'limits', resource);
      // An unset request defaults to the limit.
      const request = amount(container, 'requests', resource) ?? limit;
      if (limit !== undefined || request !== undefined) anySet = true;
      if (limit === undefined || request !== limit) guaranteed = false;
    }
  }
  if (guaranteed) return 'Guaranteed';
  return anySet ? 'Burstable' : 'BestEffort';
}

function amount(container: ContainerView, section: 'requests' | 'limits', resource: string): number | undefined {
  const text = scalarSource(getNode(container[section], resource));
  if (text === undefined) return undefined;
  const parsed = parseQuantity(text);
  return parsed.ok ? parsed.quantity.value : undefined;
}

export const QOS_MEANING: Record<QosClass, string> = {
  Guaranteed: 'every container has CPU and memory limits equal to its requests. These pods are the last to be evicted when a node runs short of memory.',
  Burstable: 'some requests or limits are set, but not equal everywhere. Under node memory pressure these pods are evicted after BestEffort pods, starting with those furthest above their requests.',
  BestEffort: 'no container sets any CPU or memory request or limit. These pods are the first to be evicted when a node runs short of memory.',
};
