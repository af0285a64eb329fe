/** Reports probe ports that cannot answer: a name the container does not declare, a port declared for UDP or SCTP. */
import { defineRule } from '../types';
import { declaredPorts, PROBE_KEYS, portNumber, probesOf } from '../../k8s/probes';
import { containersOf, type ContainerView } from '../../k8s/workloads';
import { asMap, getNode, getSeq, scalarString } from '../../yaml/nodes';
import type { Node } from 'yaml';

export default defineRule({
  meta: {
    id: 'probe-port-not-exposed',
    category: 'probes',
    defaultSeverity: 'warning',
    // Judged on whole objects only: a Kustomize patch may leave the field to its base.
    reportsAbsence: true,
    summary: 'A probe checks a port name that the container does not declare, or a port it declares for UDP or SCTP only.',
    rationale:
      'The kubelet resolves a named probe port only among the container\'s own `ports`; an unknown name makes every check fail, so a liveness probe restarts the container forever and a readiness probe keeps it out of rotation. HTTP, TCP and gRPC probes connect over TCP, so a port the container declares only with `protocol: UDP` or `SCTP` never answers them either. A number the container does not declare is fine: declaring ports is informational, and the kubelet probes any number.',
    remediation:
      'Point the probe at a port the container declares, by name or by number, or add the missing entry to the container\'s `ports`; for a UDP or SCTP service, probe a TCP port of the application or use an exec probe.',
    messages: {
      unknownName: '{{probe}} of container "{{container}}" uses the port name "{{port}}", which the container does not declare: every check fails.',
      wrongProtocol: '{{probe}} of container "{{container}}" connects over TCP to port {{port}}, which the container declares for {{protocols}} only: every check fails.',
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
        const ports = portsWithProtocol(container);
        const numbers = ports.flatMap((p) => (p.containerPort === undefined ? [] : [p.containerPort]));
        for (const probe of probesOf(container)) {
          const handler = probe.handler;
          // A probe aimed at another host checks that host's port, not one of ours.
          if (!handler?.port || handler.otherHost) continue;
          const data = { probe: PROBE_KEYS[probe.kind], container: container.name ?? '(unnamed)' };
          const number = portNumber(handler.port);
          if (number === undefined) {
            const name = scalarString(handler.port);
            if (name === undefined) continue;
            // The kubelet resolves a name by name alone, among this container's ports.
            const named = ports.find((p) => p.name === name);
            if (!named) context.report({ at: handler.port, messageId: 'unknownName', data: { ...data, port: name } });
            else if (named.containerPort !== undefined) reportWrongProtocol(handler.port, data, named.containerPort, [named.protocol]);
            continue;
          }
          // An undeclared number is probed all the same: declaring ports is informational.
          if (numbers.length === 0) continue;
          const same = ports.filter((p) => p.containerPort === number);
          if (same.length > 0) {
            reportWrongProtocol(handler.port, data, number, same.map((p) => p.protocol));
            continue;
          }
          const owner = containersOf(container.podSpec).find((c) => c.node !== container.node && declaredPorts(c).some((p) => p.containerPort === number));
          if (owner) context.report({ at: handler.port, messageId: 'otherContainer', data: { ...data, port: number, owner: owner.name ?? '(unnamed)' } });
        }

        /** Probes connect over TCP (httpGet, tcpSocket, grpc): a port declared only for UDP or SCTP never answers them. */
        function reportWrongProtocol(at: Node, data: { probe: string; container: string }, port: number, protocols: readonly string[]): void {
          if (protocols.includes('TCP')) return;
          context.report({ at, messageId: 'wrongProtocol', data: { ...data, port, protocols: [...new Set(protocols)].sort().join(' and ') } });
        }
      },
    };
  },
});

interface PortWithProtocol {
  readonly name: string | undefined;
  readonly containerPort: number | undefined;
  /** `TCP` when not written, as the API defaults it. */
  readonly protocol: string;
}

function portsWithProtocol(container: ContainerView): PortWithProtocol[] {
  return (getSeq(container.node, 'ports')?.items ?? []).flatMap((item) => {
    const port = asMap(item);
    if (!port) return [];
    return [{ name: scalarString(getNode(port, 'name')), containerPort: portNumber(getNode(port, 'containerPort')), protocol: scalarString(getNode(port, 'protocol')) ?? 'TCP' }];
  });
}
