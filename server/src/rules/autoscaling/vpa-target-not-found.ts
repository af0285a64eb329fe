/** Reports VerticalPodAutoscalers whose targetRef names no object of that kind in the workspace. */
import { defineRule } from '../types';
import { inEvidenceScope, nameList } from '../../k8s/relations';
import { vpaViewOf } from '../../k8s/vpa';

export default defineRule({
  meta: {
    id: 'vpa-target-not-found',
    category: 'autoscaling',
    defaultSeverity: 'warning',
    summary: 'A VerticalPodAutoscaler targets a workload that the workspace does not define.',
    rationale:
      'A VerticalPodAutoscaler whose target does not exist gives no recommendation and resizes nothing, and nothing fails loudly: the workload keeps requests that were meant to be tuned, which wastes capacity or starves it as load grows. To stay quiet on partial checkouts, the rule only speaks when the autoscaler\'s own file defines objects of the target\'s kind in a namespace that could match, and the name is found nowhere in the workspace: example folders and partial checkouts often lack the file that defines the target.',
    remediation: 'Point `targetRef` at the workload\'s exact kind and `metadata.name`, or remove the autoscaler if the workload is gone.',
    messages: { notFound: 'No {{kind}} named "{{name}}" is defined in the workspace (this file defines {{known}}): the autoscaler has nothing to resize.' },
    needsIndex: true,
    reportsAbsence: true,
    examples: {
      invalid: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: db
          image: registry.example.com/db:15.4
---
apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: db
spec:
  targetRef:
    apiVersion: apps/v1
    kind: StatefulSet
    name: database
`,
      valid: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: db
          image: registry.example.com/db:15.4
---
apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: db
spec:
  targetRef:
    apiVersion: apps/v1
    kind: StatefulSet
    name: db
`,
    },
  },
  create(context) {
    return {
      object(object) {
        const vpa = vpaViewOf(object);
        const index = context.index;
        const kind = vpa?.targetKind;
        const name = vpa?.targetName;
        if (!vpa || !index || !kind || !name || !vpa.targetNameNode) return;
        if (index.find(kind, name, object.namespace).length > 0) return;
        const self = context.self;
        if (!self) return;
        const known = index.ofKind(kind).filter((entry) => inEvidenceScope(self, entry));
        if (known.length === 0) return;
        context.report({ at: vpa.targetNameNode, messageId: 'notFound', data: { kind, name, known: nameList(known.map((entry) => entry.object.name ?? '(unnamed)')) } });
      },
    };
  },
});
