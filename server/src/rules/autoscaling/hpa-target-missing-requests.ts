/** Reports utilization targets of HorizontalPodAutoscalers whose target's containers lack the request. */
import { getNode, getPair } from '../../yaml/nodes';
import type { TextEdit } from '../../core/finding';
import { hpaViewOf } from '../../k8s/hpa';
import { defaultingLimitRange } from '../../k8s/limit-range';
import { metricResourceNameNode, REPLICATED_KINDS, resolveTogether } from '../../k8s/relations';
import { containersOf, podSpecOf, type ContainerView } from '../../k8s/workloads';
import type { YamlFixer } from '../../yaml/fixer';
import { editsInObject } from '../edit-other-object';
import { defineRule } from '../types';

export default defineRule({
  meta: {
    id: 'hpa-target-missing-requests',
    category: 'autoscaling',
    defaultSeverity: 'error',
    summary: 'A HorizontalPodAutoscaler scales on CPU or memory utilization, but a container of its target has no request for it.',
    rationale:
      'Utilization is usage divided by the request. When any counted container of the target has no request for the resource (and no limit or LimitRange default that would become one), the controller cannot compute the ratio, logs `missing request for cpu`, and does not scale at all. The autoscaler looks configured, yet the workload stays at its current size during the very peak it was written for. Without `metrics`, autoscaling/v2 targets 80% CPU utilization, and autoscaling/v1 always scales on CPU utilization.',
    remediation: 'Give every container of the target (or the container named by a `ContainerResource` metric) a request for the resource the autoscaler measures; the suggested fix adds the configured default request to the target\'s manifest.',
    messages: {
      missing: '{{kind}} "{{name}}" has no {{resource}} request in container {{containers}}: the autoscaler cannot compute {{resource}} utilization and will not scale.',
      missingDefault: 'Without metrics the autoscaler targets 80% CPU utilization, but {{kind}} "{{name}}" has no CPU request in container {{containers}}: it will not scale.',
    },
    fixable: 'suggestion',
    needsIndex: true,
    reportsAbsence: true,
    examples: {
      invalid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: app
          image: registry.example.com/app:1.4.2
          resources:
            requests:
              memory: 256Mi
---
apiVersion: autoscaling/v2
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
`,
      valid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: app
          image: registry.example.com/app:1.4.2
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
---
apiVersion: autoscaling/v2
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
`,
    },
  },
  create(context) {
    return {
      object(object) {
        const hpa = hpaViewOf(object);
        const index = context.index;
        const { kind, name } = hpa?.scaleTargetRef ?? {};
        if (!hpa || !index || !kind || !name || !REPLICATED_KINDS.has(kind)) return;
        const self = context.self;
        const target = self && resolveTogether(index, self, kind, name);
        const podSpec = target && podSpecOf(target.object);
        if (!target || !podSpec) return;
        const containers = containersOf(podSpec);
        const reported = new Set<string>();
        for (const metric of hpa.metrics) {
          const resource = metric.resource;
          if (metric.target?.type !== 'Utilization' || (resource !== 'cpu' && resource !== 'memory')) continue;
          if (metric.type !== 'Resource' && metric.type !== 'ContainerResource') continue;
          // The controller sums the requests of the app containers; a ContainerResource metric reads one container.
          const counted = metric.type === 'ContainerResource'
            ? containers.filter((c) => c.role !== 'initContainer' && c.name !== undefined && c.name === metric.container)
            : containers.filter((c) => c.role === 'container');
          const missing = counted.filter((c) => getNode(c.requests, resource) === undefined && getNode(c.limits, resource) === undefined);
          if (missing.length === 0 || defaultingLimitRange(index, { namespace: target.object.namespace, uri: target.uri }, 'requests', resource)) continue;
          const key = `${resource}/${missing.map((c) => c.name).join(',')}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const at = metric.node ? metricResourceNameNode(metric) : getPair(hpa.spec, 'scaleTargetRef');
          if (!at) continue;
          const amount = resource === 'cpu' ? context.defaults.cpuRequest : context.defaults.memoryRequest;
          context.report({
            at,
            messageId: metric.node ? 'missing' : 'missingDefault',
            data: { kind, name, resource: resource === 'cpu' ? 'CPU' : resource, containers: missing.map((c) => `"${c.name ?? '(unnamed)'}"`).join(', ') },
            fix: () => {
              const edits = editsInObject(target, (fixer) => {
                const all = missing.map((container) => addRequest(fixer, container, resource, amount));
                return all.every((edit): edit is TextEdit => edit !== undefined) ? all : undefined;
              });
              return edits && { title: `Add a ${resource} request of ${amount} to ${kind} "${name}"`, kind: 'suggestion', edits };
            },
          });
        }
      },
    };
  },
});

/** The `name: cpu` value of a Resource or ContainerResource metric, or v1's percentage. */
/** Inserts `resources.requests.<resource>` into one container, creating the maps it needs. */
function addRequest(fixer: YamlFixer, container: ContainerView, resource: string, amount: string): TextEdit | undefined {
  if (container.requests) return container.requests.items.length > 0 ? fixer.addToMap(container.requests, { [resource]: amount }) : undefined;
  if (getNode(container.resources, 'requests') !== undefined) return undefined;
  if (container.resources) return container.resources.items.length > 0 ? fixer.addToMap(container.resources, { requests: { [resource]: amount } }) : undefined;
  if (getNode(container.node, 'resources') !== undefined) return undefined;
  return fixer.addToMap(container.node, { resources: { requests: { [resource]: amount } } });
}
