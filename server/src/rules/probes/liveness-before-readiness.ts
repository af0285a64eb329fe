/** Reports liveness probes that start checking before the readiness probe expects the container to be up. */
import type { ProposedFix } from '../../core/finding';
import { probeOf, type ProbeView } from '../../k8s/probes';
import type { ContainerView } from '../../k8s/workloads';
import type { YamlFixer } from '../../yaml/fixer';
import { getNode } from '../../yaml/nodes';
import { defineRule } from '../types';

/** The startup probe the fix adds checks at the default period. */
const STARTUP_PERIOD = 10;

export default defineRule({
  meta: {
    id: 'liveness-before-readiness',
    category: 'probes',
    defaultSeverity: 'warning',
    // Judged on whole objects only: a Kustomize patch may leave the field to its base.
    reportsAbsence: true,
    summary: 'The liveness probe starts before the readiness probe, with no startup probe to cover start-up.',
    rationale:
      'A readiness initialDelaySeconds says how long the container needs to start. A liveness probe that begins earlier judges a container that is still starting, and may restart it before readiness is ever checked. Start-up times grow with data volume and cold caches, so this often first bites during a large rollout or a node failure, as a restart loop.',
    remediation:
      'Add a `startupProbe` whose periodSeconds × failureThreshold covers the slowest start; liveness and readiness only begin once it has succeeded. The suggested fix adds one with the liveness check.',
    messages: {
      restartsFirst: 'livenessProbe of container "{{container}}" restarts it about {{restart}} s after start if it is not up yet, before the readinessProbe first checks at {{readyDelay}} s.',
      checksEarly: 'livenessProbe of container "{{container}}" starts checking at {{liveDelay}} s, before the readinessProbe expects it to be up ({{readyDelay}} s); a slow start gets it restarted.',
    },
    fixable: 'suggestion',
    examples: {
      invalid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: catalog
spec:
  selector:
    matchLabels:
      app: catalog
  template:
    metadata:
      labels:
        app: catalog
    spec:
      containers:
        - name: catalog
          image: registry.example.com/catalog:7.0.3
          readinessProbe:
            httpGet:
              path: /ready
              port: 8080
            initialDelaySeconds: 60
          livenessProbe:
            httpGet:
              path: /live
              port: 8080
`,
      valid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: catalog
spec:
  selector:
    matchLabels:
      app: catalog
  template:
    metadata:
      labels:
        app: catalog
    spec:
      containers:
        - name: catalog
          image: registry.example.com/catalog:7.0.3
          startupProbe:
            httpGet:
              path: /live
              port: 8080
            failureThreshold: 9
          readinessProbe:
            httpGet:
              path: /ready
              port: 8080
          livenessProbe:
            httpGet:
              path: /live
              port: 8080
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const liveness = probeOf(container, 'liveness');
        const readiness = probeOf(container, 'readiness');
        if (!liveness || !readiness || getNode(container.node, 'startupProbe') !== undefined) return;
        const liveDelay = liveness.timing.initialDelaySeconds.value;
        const readyDelay = readiness.timing.initialDelaySeconds.value;
        if (liveDelay >= readyDelay) return;
        // The same estimate the hover shows; it is the later one, so "restarts first" is never overstated.
        const restart = liveDelay + liveness.timing.periodSeconds.value * liveness.timing.failureThreshold.value;
        const restartsFirst = restart <= readyDelay;
        context.report({
          at: liveness.pair,
          messageId: restartsFirst ? 'restartsFirst' : 'checksEarly',
          // A liveness probe that checks early but still outlasts the readiness delay is only a risk.
          ...(restartsFirst ? {} : { severity: 'info' as const }),
          data: { container: container.name ?? '(unnamed)', restart, liveDelay, readyDelay },
          fix: (fixer) => addStartupProbe(container, liveness, readyDelay, fixer),
        });
      },
    };
  },
});

/**
 * Adds a startupProbe with the liveness check, allowing the readiness delay plus the liveness probe's
 * own tolerance (failureThreshold periods) to start. A suggestion, not safe: the budget is inferred,
 * and a person should confirm the liveness check also suits start-up.
 */
function addStartupProbe(container: ContainerView, liveness: ProbeView, readyDelay: number, fixer: YamlFixer): ProposedFix | undefined {
  const handler = liveness.handler;
  const column = fixer.columnOf(liveness.pair.key);
  const handlerColumn = fixer.columnOf(handler?.pair.key);
  if (!handler || liveness.node.flow || column === undefined || handlerColumn === undefined || handlerColumn <= column) return undefined;
  const handlerLines = fixer.pairLines(handler.pair, handlerColumn);
  if (!handlerLines) return undefined;
  const pad = ' '.repeat(handlerColumn);
  const failureThreshold = Math.ceil(readyDelay / STARTUP_PERIOD) + liveness.timing.failureThreshold.value;
  const timeout = liveness.timing.timeoutSeconds;
  const lines = [
    `${' '.repeat(column)}startupProbe:`,
    ...handlerLines,
    // A check that is slow for liveness is at least as slow during start-up.
    ...(timeout.isDefault ? [] : [`${pad}timeoutSeconds: ${timeout.value}`]),
    `${pad}periodSeconds: ${STARTUP_PERIOD}`,
    `${pad}failureThreshold: ${failureThreshold}`,
  ];
  const edit = fixer.appendLines(container.node, lines);
  const budget = STARTUP_PERIOD * failureThreshold;
  return edit && { title: `Add a startupProbe allowing ${budget} s to start`, kind: 'suggestion', edits: [edit] };
}
