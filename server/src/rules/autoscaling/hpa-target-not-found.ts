/** Reports HorizontalPodAutoscalers whose scaleTargetRef names no object of that kind in the workspace. */
import { defineRule } from '../types';
import { hpaViewOf } from '../../k8s/hpa';
import { inEvidenceScope, nameList } from '../../k8s/relations';
import { getNode } from '../../yaml/nodes';

export default defineRule({
  meta: {
    id: 'hpa-target-not-found',
    category: 'autoscaling',
    defaultSeverity: 'warning',
    summary: 'A HorizontalPodAutoscaler targets a workload that the workspace does not define.',
    rationale:
      'An autoscaler whose target does not exist does nothing: no error at apply time, only a `FailedGetScale` event that nobody watches, while the workload it was meant for runs at a fixed size through every peak. It usually comes from a renamed Deployment or a typo. To stay quiet on partial checkouts, the rule only speaks when the autoscaler\'s own file defines objects of the target\'s kind in a namespace that could match, and the name is found nowhere in the workspace: example folders and partial checkouts often lack the file that defines the target.',
    remediation: 'Point `scaleTargetRef` at the workload\'s exact kind and `metadata.name`, or remove the autoscaler if the workload is gone.',
    messages: { notFound: 'No {{kind}} named "{{name}}" is defined in the workspace (this file defines {{known}}): the autoscaler has nothing to scale.' },
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
          resources:
            requests:
              cpu: 250m
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web-frontend
  minReplicas: 2
  maxReplicas: 10
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
          resources:
            requests:
              cpu: 250m
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 10
`,
    },
  },
  create(context) {
    return {
      object(object) {
        const hpa = hpaViewOf(object);
        const index = context.index;
        const { kind, name } = hpa?.scaleTargetRef ?? {};
        const nameNode = getNode(hpa?.scaleTargetRef.node, 'name');
        if (!hpa || !index || !kind || !name || !nameNode) return;
        if (index.find(kind, name, object.namespace).length > 0) return;
        const self = context.self;
        if (!self) return;
        const known = index.ofKind(kind).filter((entry) => inEvidenceScope(self, entry));
        if (known.length === 0) return;
        context.report({ at: nameNode, messageId: 'notFound', data: { kind, name, known: nameList(known.map((entry) => entry.object.name ?? '(unnamed)')) } });
      },
    };
  },
});
