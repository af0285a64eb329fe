/** Reports probe ports that the container does not declare. */
import { defineRule } from '../types';
import { declaredPorts, PROBE_KEYS, portNumber, probesOf } from '../../k8s/probes';
import { containersOf } from '../../k8s/workloads';
import { scalarString } from '../../yaml/nodes';

export default defineRule({
  meta: {
    id: 'probe-port-not-exposed',
    category: 'probes',
    defaultSeverity: 'warning',
    // Judged on whole objects only: a Kustomize patch may leave the field to its base.
    reportsAbsence: true,
    summary: 'A probe checks a port that the container does not declare.',
    rationale:
      'The kubelet resolves a named probe port only among the container\'s own `ports`; an unknown name makes every check fail, so a liveness probe restarts the container forever and a readiness probe keeps it out of rotation. A numeric port missing from a list of declared ports is usually a leftover from a port change, and the probe then tests something the application no longer listens on.',
    remediation:
      'Point the probe at a port the container declares, by name or by number, or add the missing entry to the container\'s `ports`.',
    messages: {
      unknownName: '{{probe}} of container "{{container}}" uses the port name "{{port}}", which the container does not declare: every check fails.',
      notDeclared: '{{probe}} of container "{{container}}" checks port {{port}}, which is not among its declared ports ({{declared}}).',
      otherContainer: '{{probe}} of container "{{container}}" checks port {{port}} of container "{{owner}}": this container\'s probe then depends on the other one.',
    },
    examples: {
      invalid: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
        - name: agent
          image: registry.example.com/agent:0.9.0
          ports:
            - name: metrics
              containerPort: 9100
          livenessProbe:
            httpGet:
              path: /healthz
              port: health
`,
      valid: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
        - name: agent
          image: registry.example.com/agent:0.9.0
          ports:
            - name: metrics
              containerPort: 9100
          livenessProbe:
            httpGet:
              path: /healthz
              port: metrics
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const ports = declaredPorts(container);
        const numbers = ports.flatMap((p) => (p.containerPort === undefined ? [] : [p.containerPort]));
        for (const probe of probesOf(container)) {
          const handler = probe.handler;
          // A probe aimed at another host checks that host's port, not one of ours.
          if (!handler?.port || handler.otherHost) continue;
          const data = { probe: PROBE_KEYS[probe.kind], container: container.name ?? '(unnamed)' };
          const number = portNumber(handler.port);
          if (number === undefined) {
            const name = scalarString(handler.port);
            if (name !== undefined && !ports.some((p) => p.name === name)) {
              context.report({ at: handler.port, messageId: 'unknownName', data: { ...data, port: name } });
            }
            continue;
          }
          // Declaring ports is optional; a number can only be checked against a list that exists.
          if (numbers.length === 0 || numbers.includes(number)) continue;
          const owner = containersOf(container.podSpec).find((c) => c.node !== container.node && declaredPorts(c).some((p) => p.containerPort === number));
          if (owner) {
            context.report({ at: handler.port, messageId: 'otherContainer', data: { ...data, port: number, owner: owner.name ?? '(unnamed)' } });
          } else {
            context.report({ at: handler.port, messageId: 'notDeclared', data: { ...data, port: number, declared: numbers.join(', ') } });
          }
        }
      },
    };
  },
});
