/** Reports containers of long-running workloads that have no liveness probe. */
import { defineRule } from '../types';
import { hasMisspeltProbe, isLongRunningContainer } from '../../k8s/probes';
import { getNode } from '../../yaml/nodes';

export default defineRule({
  meta: {
    id: 'liveness-probe-missing',
    category: 'probes',
    defaultSeverity: 'info',
    // Judged on whole objects only: a Kustomize patch may leave the field to its base.
    reportsAbsence: true,
    summary: 'A container of a long-running workload has no liveness probe.',
    rationale:
      'The kubelet restarts a container on its own only when its process exits. A process that deadlocks or stops making progress keeps running, and keeps its share of the capacity, until a person notices. Across many replicas such stuck pods accumulate quietly.',
    remediation:
      'Add a `livenessProbe` that checks only the process itself (not its dependencies), with a failure threshold generous enough to ride out pauses such as garbage collection.',
    messages: { missing: 'Container "{{container}}" has no livenessProbe: a hung process is never restarted.' },
    examples: {
      invalid: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: queue
spec:
  serviceName: queue
  selector:
    matchLabels:
      app: queue
  template:
    metadata:
      labels:
        app: queue
    spec:
      containers:
        - name: broker
          image: registry.example.com/broker:3.1.0
`,
      valid: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: queue
spec:
  serviceName: queue
  selector:
    matchLabels:
      app: queue
  template:
    metadata:
      labels:
        app: queue
    spec:
      containers:
        - name: broker
          image: registry.example.com/broker:3.1.0
          livenessProbe:
            tcpSocket:
              port: 5672
            periodSeconds: 20
`,
    },
  },
  create(context) {
    return {
      container(container) {
        if (!isLongRunningContainer(container)) return;
        if (getNode(container.node, 'livenessProbe') !== undefined || hasMisspeltProbe(container, 'livenessProbe')) return;
        context.report({ at: container.anchor, messageId: 'missing', data: { container: container.name ?? '(unnamed)' } });
      },
    };
  },
});
