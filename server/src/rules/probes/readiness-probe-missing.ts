/** Reports serving containers of long-running workloads that have no readiness probe. */
import { defineRule } from '../types';
import { exposesTraffic, hasMisspeltProbe, isLongRunningContainer } from '../../k8s/probes';
import { nameList } from '../../k8s/relations';
import { selectingServices } from '../../k8s/relations';
import { containersOf, isLongLived } from '../../k8s/workloads';
import { getNode } from '../../yaml/nodes';

export default defineRule({
  meta: {
    id: 'readiness-probe-missing',
    category: 'probes',
    defaultSeverity: 'warning',
    // Judged on whole objects only: a Kustomize patch may leave the field to its base.
    reportsAbsence: true,
    summary: 'A container that serves on a port has no readiness probe.',
    rationale:
      'Without a readiness probe a container counts as ready the moment it starts, so Services send it requests while it is still loading and rollouts move on before the new pods can serve. With many replicas, every rollout and every rescheduled pod then shows up as a burst of failed requests. A container that declares no port is reported only when a Service selects its pod and no other container\'s readiness probe gates the pod (a pod is Ready only when all its containers are).',
    remediation:
      'Add a `readinessProbe` that succeeds only when the container can answer requests, for example an `httpGet` on a lightweight endpoint of the port it serves.',
    messages: {
      missing: 'Container "{{container}}" serves on a port but has no readinessProbe: it gets traffic before it is ready.',
      selected: 'Container "{{container}}" has no readinessProbe, and Service {{services}} selects its pod: it gets traffic before it is ready.',
    },
    // The index tells which Services select the pods (same folder and namespace, matching selector).
    needsIndex: true,
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
          ports:
            - name: http
              containerPort: 8080
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
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: http
`,
    },
  },
  create(context) {
    return {
      container(container) {
        // A probe of any shape counts as present: a malformed one is the schema check's concern.
        if (getNode(container.node, 'readinessProbe') !== undefined || hasMisspeltProbe(container, 'readinessProbe')) return;
        const data = { container: container.name ?? '(unnamed)' };
        if (isLongRunningContainer(container) && exposesTraffic(container)) {
          context.report({ at: container.anchor, messageId: 'missing', data });
          return;
        }
        // Without declared ports, a Service selecting the pod (bare Pods included, never Jobs) still sends it traffic.
        const kind = container.podSpec.object.kind;
        if (!isLongLived(container) || (!isLongRunningContainer(container) && kind !== 'Pod')) return;
        // The pod is Ready only when every container is: another container's readinessProbe already keeps traffic away.
        if (containersOf(container.podSpec).some((other) => other.node !== container.node && isLongLived(other) && getNode(other.node, 'readinessProbe') !== undefined)) return;
        const services = selectingServices(container.podSpec, context.index, context.self);
        if (services.length > 0) context.report({ at: container.anchor, messageId: 'selected', data: { ...data, services: nameList(services.map((s) => s.object.name ?? '(unnamed)')) } });
      },
    };
  },
});
