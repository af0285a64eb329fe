/** Reports workloads whose selector does not select the pods of their own template. */
import { defineRule } from '../types';
import { formatRequirement, parseLabelSelector, parseMapSelector, unmetRequirements } from '../../k8s/selectors';
import { podSpecOf } from '../../k8s/workloads';
import { getIn, getMap, getPair } from '../../yaml/nodes';

/** Controllers whose selector must match their template; ReplicationController uses the plain-map form. */
const SELECTING_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);

export default defineRule({
  meta: {
    id: 'workload-selector-mismatch',
    category: 'availability',
    defaultSeverity: 'error',
    // Judged on whole objects only: a Kustomize patch may leave the field to its base.
    reportsAbsence: true,
    summary: 'A workload\'s selector does not match the labels of its own pod template.',
    rationale:
      'A controller owns exactly the pods its selector matches. When its own template\'s labels fail the selector, the API server rejects the object ("selector does not match template labels"), so the rollout never starts; and since selectors are immutable in apps/v1, correcting it later means deleting and recreating the workload.',
    remediation: 'Make the pod template labels satisfy every selector requirement (usually by adding the missing label to `spec.template.metadata.labels`), or correct the selector before the workload is first created.',
    messages: {
      mismatch: '{{kind}} "{{name}}" selector requires {{requirements}}, which its pod template labels do not satisfy; the API server rejects it.',
      empty: '{{kind}} "{{name}}" has an empty selector, which the API server rejects.',
    },
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
        app: frontend
    spec:
      containers:
        - name: app
          image: registry.example.com/app:1.4.2
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
`,
    },
  },
  create(context) {
    return {
      object(object) {
        if (!SELECTING_KINDS.has(object.kind)) return;
        const podSpec = podSpecOf(object);
        const pair = getPair(getMap(object.root, 'spec'), 'selector');
        // Without a selector, older APIs (extensions/v1beta1, ReplicationController) default it to the template labels.
        if (!podSpec || !pair) return;
        const isMapSelector = object.kind === 'ReplicationController';
        const selector = isMapSelector ? parseMapSelector(pair.value) : parseLabelSelector(pair.value);
        if (!selector) return;
        const data = { kind: object.kind, name: object.name ?? '(unnamed)' };
        if (selector.empty) {
          // An empty map on a ReplicationController is defaulted from the template like an absent one.
          if (!isMapSelector) context.report({ at: pair, messageId: 'empty', data });
          return;
        }
        // Labels read strictly: an alias or merge key in them must not look like a missing label.
        const labelsNode = getIn(object.root, ['spec', 'template', 'metadata', 'labels']);
        const labels = labelsNode === undefined ? {} : parseMapSelector(labelsNode)?.matchLabels;
        if (!labels) return;
        const unmet = unmetRequirements(selector, labels);
        if (unmet.length === 0) return;
        context.report({ at: pair, messageId: 'mismatch', data: { ...data, requirements: unmet.map((r) => `"${formatRequirement(r)}"`).join(', ') } });
      },
    };
  },
});
