/** Reports preStop sleeps that last as long as (or longer than) the pod's termination grace period. */
import { containersOf, isLongLived, type ContainerView } from '../../k8s/workloads';
import { addKeysToMap } from '../../yaml/insert-key';
import { getNode, scalarNumber } from '../../yaml/nodes';
import { defineRule } from '../types';
import { preStopSleepOf, type PreStopSleep } from './prestop-sleep';

/** The API default for terminationGracePeriodSeconds. */
const DEFAULT_GRACE = 30;
/** Time left after the sleep for the application to finish in-flight work once SIGTERM arrives. */
const SHUTDOWN_HEADROOM = 15;

export default defineRule({
  meta: {
    id: 'prestop-exceeds-grace-period',
    category: 'availability',
    defaultSeverity: 'warning',
    // Judged on whole objects only: a Kustomize patch may leave the field to its base.
    reportsAbsence: true,
    summary: 'A container\'s preStop sleep lasts at least as long as the pod\'s termination grace period.',
    rationale:
      'The grace period counts from the moment the pod is asked to stop, and the preStop hook runs inside it. A sleep that uses it all up means SIGTERM arrives with no time left, or never arrives before SIGKILL: every rollout, scale-down and node drain then cuts open connections and in-flight requests instead of draining them, across every replica.',
    remediation: 'Raise `terminationGracePeriodSeconds` above the longest preStop sleep plus the time the application needs to shut down, or shorten the sleep; the quick fix sets it to the sleep plus 15 seconds.',
    messages: {
      exceeds: 'Container "{{container}}" sleeps {{sleep}}s in preStop, but the pod\'s terminationGracePeriodSeconds is {{grace}}{{defaulted}}: it is killed before it can shut down cleanly.',
    },
    fixable: 'safe',
    examples: {
      invalid: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.4.2
      lifecycle:
        preStop:
          exec:
            command: ["sh", "-c", "sleep 30"]
`,
      valid: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  terminationGracePeriodSeconds: 45
  containers:
    - name: app
      image: registry.example.com/app:1.4.2
      lifecycle:
        preStop:
          exec:
            command: ["sh", "-c", "sleep 30"]
`,
    },
  },
  create(context) {
    return {
      podSpec(podSpec) {
        const graceNode = getNode(podSpec.spec, 'terminationGracePeriodSeconds');
        const written = scalarNumber(graceNode);
        if (graceNode && written === undefined) return; // not a number: the schema check reports it
        const grace = written ?? DEFAULT_GRACE;
        const sleeps: { container: ContainerView; sleep: PreStopSleep }[] = [];
        for (const container of containersOf(podSpec).filter(isLongLived)) {
          const sleep = preStopSleepOf(container.node, context.document.text);
          if (sleep && sleep.seconds > 0 && sleep.seconds >= grace) sleeps.push({ container, sleep });
        }
        // One grace period serves every container, so each fix raises it past the longest sleep.
        const target = Math.max(...sleeps.map((entry) => entry.sleep.seconds)) + SHUTDOWN_HEADROOM;
        for (const { container, sleep } of sleeps) {
          context.report({
            at: sleep.at,
            messageId: 'exceeds',
            data: { container: container.name ?? '(unnamed)', sleep: sleep.seconds, grace, defaulted: graceNode ? '' : ' (the default)' },
            fix: (fixer) => {
              const edit = graceNode ? fixer.replaceScalar(graceNode, target) : addKeysToMap(fixer, podSpec.spec, { terminationGracePeriodSeconds: target });
              return edit && { title: `Set terminationGracePeriodSeconds to ${target}`, kind: 'safe', edits: [edit] };
            },
          });
        }
      },
    };
  },
});
