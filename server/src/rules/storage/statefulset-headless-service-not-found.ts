/** Reports StatefulSets whose serviceName names no headless Service that selects their pods. */
import { defineRule } from '../types';
import { inEvidenceScope, nameList, together } from '../../k8s/relations';
import { isHeadless, isService, serviceSelector } from '../../k8s/services';
import { matches } from '../../k8s/selectors';
import { podSpecOf } from '../../k8s/workloads';
import { getMap, getNode, scalarString } from '../../yaml/nodes';

export default defineRule({
  meta: {
    id: 'statefulset-headless-service-not-found',
    category: 'storage',
    defaultSeverity: 'warning',
    summary: 'A StatefulSet\'s serviceName names no headless Service that selects its pods.',
    rationale:
      'A StatefulSet gives each pod a stable DNS name (`db-0.db.<namespace>.svc`) through the headless Service named in `serviceName`. Without that Service, or when it has a cluster IP or selects other pods, the per-pod names never resolve: replicas cannot find their peers, so clustered databases and queues fail to form or to add members as they scale. A missing Service is only claimed when the StatefulSet\'s own file defines Services (partial checkouts often lack the file with the Service); a Service that is not headless or selects other pods is reported when it is defined in the same folder and namespace.',
    remediation: 'Create a Service with `clusterIP: None` named as `serviceName`, in the StatefulSet\'s namespace, whose selector matches the pod template\'s labels.',
    messages: {
      notFound: 'No Service named "{{name}}" is defined in the workspace (this file defines {{known}}): the pods get no stable DNS names.',
      notHeadless: 'Service "{{name}}" is not headless (no `clusterIP: None`): the pods get no stable DNS names.',
      notSelecting: 'Headless Service "{{name}}" does not select this StatefulSet\'s pods: they get no stable DNS names.',
    },
    needsIndex: true,
    reportsAbsence: true,
    examples: {
      invalid: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  selector:
    app: db
  ports:
    - name: postgres
      port: 5432
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
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
`,
      valid: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  selector:
    app: db
  ports:
    - name: postgres
      port: 5432
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
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
`,
    },
  },
  create(context) {
    return {
      object(object) {
        const index = context.index;
        const node = getNode(getMap(object.root, 'spec'), 'serviceName');
        const name = scalarString(node);
        const podSpec = podSpecOf(object);
        if (!index || object.kind !== 'StatefulSet' || object.group !== 'apps' || !node || !name || !podSpec) return;
        const self = context.self;
        if (!self) return;
        const all = index.find('Service', name, object.namespace);
        // A Kustomize patch of that name means the Service comes from a base the patch completes.
        if (all.some((entry) => index.isPatch(entry.uri))) return;
        const candidates = all.filter((entry) => isService(entry.object));
        if (candidates.length === 0) {
          const known = index.ofKind('Service').filter((entry) => isService(entry.object) && inEvidenceScope(self, entry));
          if (known.length > 0) context.report({ at: node, messageId: 'notFound', data: { name, known: nameList(known.map((entry) => entry.object.name ?? '(unnamed)')) } });
          return;
        }
        const fits = (entry: (typeof candidates)[number]) => {
          if (!isHeadless(entry.object)) return false;
          const selector = serviceSelector(entry.object);
          // A headless Service without a selector may have its endpoints managed by hand: not ours to judge.
          return selector === undefined || matches(selector, podSpec.labels);
        };
        if (candidates.some(fits)) return;
        // A claim about a Service's shape is made only about the one certainly applied beside the StatefulSet.
        const close = candidates.filter((entry) => together(entry, self));
        if (close.length !== 1) return;
        context.report({ at: node, messageId: isHeadless(close[0]!.object) ? 'notSelecting' : 'notHeadless', data: { name } });
      },
    };
  },
});
