/** Reports HorizontalPodAutoscalers that scale on CPU or memory of a workload a VerticalPodAutoscaler resizes. */
import { defineRule } from '../types';
import { hpaViewOf } from '../../k8s/hpa';
import { metricResourceNameNode, resolveTogether, together } from '../../k8s/relations';
import { vpaViewOf, type VpaView } from '../../k8s/vpa';
import { containersOf, isLongLived, podSpecOf } from '../../k8s/workloads';
import { getPair } from '../../yaml/nodes';

export default defineRule({
  meta: {
    id: 'hpa-vpa-conflict',
    category: 'autoscaling',
    defaultSeverity: 'warning',
    summary: 'A HorizontalPodAutoscaler and a VerticalPodAutoscaler both act on the CPU or memory of one workload.',
    rationale:
      'The horizontal autoscaler adds pods when usage is high relative to the requests; the vertical one raises the requests when usage is high. Acting on the same signal, each undoes the other\'s view: the VPA raises requests, utilization drops, the HPA removes pods, usage per pod rises, and the loop repeats with pods being evicted and recreated under load.',
    remediation: 'Scale horizontally on a custom or external metric (requests per second, queue length) when a VPA manages CPU and memory, or restrict the VPA with `controlledResources` to the resource the HPA does not use, or set its `updateMode: "Off"` to keep recommendations only.',
    messages: { conflict: 'VerticalPodAutoscaler "{{vpa}}" (updateMode {{mode}}) also changes the {{resource}} requests of {{kind}} "{{name}}", which this autoscaler scales on.' },
    needsIndex: true,
    examples: {
      invalid: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
---
apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: web
spec:
  targetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
`,
      valid: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
---
apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: web
spec:
  targetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  updatePolicy:
    updateMode: "Off"
`,
    },
  },
  create(context) {
    return {
      object(object) {
        const hpa = hpaViewOf(object);
        const index = context.index;
        const { kind, name } = hpa?.scaleTargetRef ?? {};
        if (!hpa || !index || !kind || !name) return;
        const self = context.self;
        if (!self) return;
        const vpas = index.ofKind('VerticalPodAutoscaler').flatMap((entry) => {
          const vpa = vpaViewOf(entry.object);
          return vpa && together(entry, self) && vpa.targetKind === kind && vpa.targetName === name && vpa.updateMode !== 'Off' ? [vpa] : [];
        });
        if (vpas.length === 0) return;
        // The target's long-lived containers (the VPA leaves plain init containers alone); undefined when it is not in the index.
        const targetEntry = resolveTogether(index, self, kind, name);
        const podSpec = targetEntry ? podSpecOf(targetEntry.object) : undefined;
        const containerNames = podSpec ? containersOf(podSpec).filter(isLongLived).flatMap((c) => (c.name === undefined ? [] : [c.name])) : undefined;
        const changes = (vpa: VpaView, resource: string, container: string | undefined): boolean => {
          if (container !== undefined) return vpa.controlFor(container).resources.has(resource);
          if (containerNames) return containerNames.some((c) => vpa.controlFor(c).resources.has(resource));
          return vpa.controlledResources.has(resource);
        };
        const reported = new Set<string>();
        for (const metric of hpa.metrics) {
          const resource = metric.resource;
          if ((metric.type !== 'Resource' && metric.type !== 'ContainerResource') || (resource !== 'cpu' && resource !== 'memory') || reported.has(resource)) continue;
          const container = metric.type === 'ContainerResource' ? metric.container : undefined;
          const vpa = vpas.find((v) => changes(v, resource, container));
          const at = metric.node ? metricResourceNameNode(metric) : getPair(hpa.spec, 'scaleTargetRef');
          if (!vpa || !at) continue;
          reported.add(resource);
          context.report({ at, messageId: 'conflict', data: { vpa: vpa.object.name ?? '(unnamed)', mode: vpa.updateMode, resource: resource === 'cpu' ? 'CPU' : resource, kind, name } });
        }
      },
    };
  },
});
