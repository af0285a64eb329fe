/** Reports liveness and readiness probes that perform the same check. */
import { defineRule } from '../types';
import { probeOf, type HandlerType } from '../../k8s/probes';

const MESSAGE_BY_HANDLER: Record<HandlerType, 'identicalHttp' | 'identicalTcp' | 'identicalGrpc' | 'identicalExec'> = {
  httpGet: 'identicalHttp',
  tcpSocket: 'identicalTcp',
  grpc: 'identicalGrpc',
  exec: 'identicalExec',
};

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
      // What the shared check can fail on depends on the handler: only an endpoint or a command can test dependencies.
      identicalHttp: 'livenessProbe of container "{{container}}" performs the same check as its readinessProbe ({{handler}}): when the endpoint reports a failing dependency or answers slowly under load, the pod is restarted instead of only removed from rotation.',
      identicalGrpc: 'livenessProbe of container "{{container}}" performs the same check as its readinessProbe ({{handler}}): when the health service reports NOT_SERVING (a failing dependency, overload), the pod is restarted instead of only removed from rotation.',
      identicalExec: 'livenessProbe of container "{{container}}" performs the same check as its readinessProbe ({{handler}}): whatever the command tests, a failure or a timeout restarts the pod instead of only removing it from rotation.',
      identicalTcp: 'livenessProbe of container "{{container}}" performs the same check as its readinessProbe ({{handler}}): the readiness probe tells nothing the liveness probe does not, so a pod that stops accepting connections under load is restarted instead of only removed from rotation.',
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
          messageId: MESSAGE_BY_HANDLER[liveness.handler.type],
          data: { container: container.name ?? '(unnamed)', handler: liveness.handler.description },
        });
      },
    };
  },
});
