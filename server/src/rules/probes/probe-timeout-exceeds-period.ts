/** Reports probes whose timeout is longer than their period. */
import type { Node, YAMLMap } from 'yaml';
import type { TextEdit } from '../../core/finding';
import type { YamlFixer } from '../../yaml/fixer';
import { defineRule } from '../types';
import { PROBE_KEYS, probesOf, timingText } from '../../k8s/probes';

export default defineRule({
  meta: {
    id: 'probe-timeout-exceeds-period',
    category: 'probes',
    defaultSeverity: 'warning',
    summary: 'A probe\'s timeoutSeconds is longer than its periodSeconds.',
    rationale:
      'The kubelet runs one check of a probe at a time. When a check may take longer than the period, a slow endpoint pushes every following check back, so a failure takes failureThreshold × timeoutSeconds to notice rather than the failureThreshold × periodSeconds the manifest suggests. A timeout equal to the period is still honoured, so only a longer one is reported.',
    remediation:
      'Lower `timeoutSeconds` below `periodSeconds`, or raise `periodSeconds` to at least the timeout if the check is legitimately slow; the suggested fix does the latter.',
    messages: {
      exceeds: '{{probe}} of container "{{container}}" has timeoutSeconds {{timeout}} but periodSeconds {{period}}: slow checks run back to back and failures are noticed later than the period says.',
    },
    fixable: 'suggestion',
    examples: {
      invalid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: search
spec:
  selector:
    matchLabels:
      app: search
  template:
    metadata:
      labels:
        app: search
    spec:
      containers:
        - name: search
          image: registry.example.com/search:5.2.0
          readinessProbe:
            exec:
              command: ["/bin/check-index"]
            periodSeconds: 5
            timeoutSeconds: 15
`,
      valid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: search
spec:
  selector:
    matchLabels:
      app: search
  template:
    metadata:
      labels:
        app: search
    spec:
      containers:
        - name: search
          image: registry.example.com/search:5.2.0
          readinessProbe:
            exec:
              command: ["/bin/check-index"]
            periodSeconds: 15
            timeoutSeconds: 15
`,
    },
  },
  create(context) {
    return {
      container(container) {
        for (const probe of probesOf(container)) {
          const { timeoutSeconds: timeout, periodSeconds: period } = probe.timing;
          // The default timeout (1 s) can never exceed a valid period (at least 1 s).
          if (!timeout.node || timeout.isDefault || timeout.value <= period.value) continue;
          context.report({
            at: timeout.node,
            messageId: 'exceeds',
            data: { probe: PROBE_KEYS[probe.kind], container: container.name ?? '(unnamed)', timeout: timeout.value, period: timingText(period) },
            fix: (fixer) => {
              const edit = period.node ? fixer.replaceScalar(period.node, timeout.value) : appendPeriod(fixer, probe.node, timeout.value);
              return edit && { title: `Set periodSeconds to ${timeout.value}`, kind: 'suggestion', edits: [edit] };
            },
          });
        }
      },
    };
  },
});

/** appendLines rather than addToMap: a flow-style `command: [...]` inside the probe is no reason to give up. */
function appendPeriod(fixer: YamlFixer, probe: YAMLMap, seconds: number): TextEdit | undefined {
  const column = fixer.columnOf(probe.items[0]?.key as Node | undefined);
  return column === undefined ? undefined : fixer.appendLines(probe, [`${' '.repeat(column)}periodSeconds: ${seconds}`]);
}
