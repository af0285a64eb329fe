/** Reports Services whose selector matches no pod template in the workspace. */
import { defineRule } from '../types';
import { namespacesMayMatch } from '../../index/scope';
import { describeObject, folderOf, inFolderScope, listOf, nameList, podCandidates, podObjects, type PodObject } from '../../k8s/relations';
import { formatRequirement, matches, unmetRequirements } from '../../k8s/selectors';
import { serviceSelector } from '../../k8s/services';
import { getMap, getPair } from '../../yaml/nodes';

export default defineRule({
  meta: {
    id: 'service-selects-no-pods',
    category: 'availability',
    defaultSeverity: 'warning',
    summary: 'A Service\'s selector matches no pod template in the workspace.',
    rationale:
      'A Service whose selector matches no pods has no endpoints: connections to it are refused or time out, and nothing reports an error at apply time. It usually comes from a label renamed on one side only. To stay quiet when pods come from elsewhere (a chart, an operator, another repository), the rule only speaks when a pod template in the Service\'s own folder is clearly meant (the same name, or some of the selected labels) and no pod template anywhere in the workspace matches. When the only pod templates that match sit in the same folder but in another namespace, it says so: a Service never selects pods across namespaces.',
    remediation: 'Make the Service\'s selector and the pod template\'s labels agree, usually by fixing the label that differs.',
    messages: {
      noPods: 'The selector matches no pod template in the workspace; {{closest}} lacks {{unmet}}: the Service has no endpoints.',
      otherNamespace: 'The selector matches no pod template in namespace "{{namespace}}", only {{pods}} in {{namespaces}}: a Service selects pods in its own namespace only, so it has no endpoints.',
    },
    needsIndex: true,
    reportsAbsence: true,
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
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web-frontend
  ports:
    - port: 80
      targetPort: http
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
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
`,
    },
  },
  create(context) {
    return {
      object(object) {
        const index = context.index;
        const selector = serviceSelector(object);
        const pair = getPair(getMap(object.root, 'spec'), 'selector');
        if (!index || !selector || !pair) return;
        const inNamespace = ({ entry }: PodObject) => namespacesMayMatch(entry.object.namespace, object.namespace);
        if (podCandidates(index, selector).some((pod) => inNamespace(pod) && matches(selector, pod.podSpec.labels))) return;
        const pods = podObjects(index).filter(inNamespace);
        const self = context.self;
        if (!self) return;
        // Evidence that the Service is meant for pods defined here: the same name, or some selected label.
        const closest = pods.find(({ entry, podSpec }) =>
          inFolderScope(self, entry) && (entry.object.name === object.name || unmetRequirements(selector, podSpec.labels).length < selector.requirements.length));
        if (!closest) {
          // Pods that match exactly, but in another namespace of this folder: a Service selects only in its own.
          const elsewhere = podCandidates(index, selector).filter((pod) => folderOf(pod.entry.uri) === folderOf(self.uri) && !inNamespace(pod) && matches(selector, pod.podSpec.labels));
          const namespaces = elsewhere.flatMap(({ entry }) => (entry.object.namespace === undefined ? [] : [entry.object.namespace]));
          if (namespaces.length > 0) context.report({ at: pair, messageId: 'otherNamespace', data: { namespace: object.namespace ?? '(none)', namespaces: `namespace${new Set(namespaces).size > 1 ? 's' : ''} ${nameList(namespaces)}`, pods: listOf(elsewhere.map(({ entry }) => describeObject(entry.object))) } });
          return;
        }
        const unmet = unmetRequirements(selector, closest.podSpec.labels).map((r) => `"${formatRequirement(r)}"`);
        context.report({ at: pair, messageId: 'noPods', data: { closest: describeObject(closest.entry.object), unmet: unmet.join(', ') } });
      },
    };
  },
});
