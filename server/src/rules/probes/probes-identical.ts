/** Reports liveness and readiness probes that perform the same check. */
import { defineRule } from '../types';
import { probeOf } from '../../k8s/probes';

export default defineRule({
  meta: {
    id: 'probes-identical',
    category: 'probes',
    defaultSeverity: 'warning',
    summary: 'The liveness probe performs the same check as the readiness probe.',
    rationale:
      'Readiness answers "should this pod get traffic now?"; liveness answers "is this process beyond repair?". When both call the same endpoint, anything that makes it slow or failing (a busy database, a saturated thread pool) first takes pods out of rotation and then restarts them. Under load that turns into restarts across every replica at once, which piles more load on the survivors.',
    remediation:
      'Give the liveness probe a cheaper check that only proves the process responds (a dedicated endpoint, or a TCP check on the port), and keep dependency checks in the readiness probe.',
    messages: {
      identical: 'livenessProbe of container "{{container}}" performs the same check as its readinessProbe ({{handler}}): a failing dependency restarts the pod instead of only removing it from rotation.',
    },
    examples: {
      invalid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: registry.example.com/api:2.0.1
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /health
              port: http
          livenessProbe:
            httpGet:
              path: /health
              port: 8080
`,
      valid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: registry.example.com/api:2.0.1
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: http
          livenessProbe:
            httpGet:
              path: /live
              port: http
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const liveness = probeOf(container, 'liveness');
        const readiness = probeOf(container, 'readiness');
        if (!liveness?.handler || !readiness?.handler || liveness.handler.key !== readiness.handler.key) return;
        context.report({
          at: liveness.pair,
          messageId: 'identical',
          data: { container: container.name ?? '(unnamed)', handler: liveness.handler.description },
        });
      },
    };
  },
});
