/** Reports serving containers of long-running workloads that have no readiness probe. */
import { defineRule } from '../types';
import { exposesTraffic, isLongRunningContainer } from '../../k8s/probes';
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
      'Without a readiness probe a container counts as ready the moment it starts, so Services send it requests while it is still loading and rollouts move on before the new pods can serve. With many replicas, every rollout and every rescheduled pod then shows up as a burst of failed requests.',
    remediation:
      'Add a `readinessProbe` that succeeds only when the container can answer requests, for example an `httpGet` on a lightweight endpoint of the port it serves.',
    messages: { missing: 'Container "{{container}}" serves on a port but has no readinessProbe: it gets traffic before it is ready.' },
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
        if (!isLongRunningContainer(container) || !exposesTraffic(container)) return;
        // A probe of any shape counts as present: a malformed one is the schema check's concern.
        if (getNode(container.node, 'readinessProbe') !== undefined) return;
        context.report({ at: container.anchor, messageId: 'missing', data: { container: container.name ?? '(unnamed)' } });
      },
    };
  },
});
