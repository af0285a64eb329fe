/** Reports ReadWriteOnce claims mounted by workloads that can run more than one pod. */
import { defineRule } from '../types';
import { resolveTogether, scaleOf } from '../../k8s/relations';
import { asMap, asSeq, getMap, getNode, getSeq, scalarString } from '../../yaml/nodes';

const SINGLE_NODE_MODES: ReadonlySet<string> = new Set(['ReadWriteOnce', 'ReadWriteOncePod']);

export default defineRule({
  meta: {
    id: 'pvc-rwo-shared-by-replicas',
    category: 'storage',
    defaultSeverity: 'warning',
    summary: 'A ReadWriteOnce claim is mounted by a workload that can run more than one pod.',
    rationale:
      'A ReadWriteOnce volume attaches to one node at a time (ReadWriteOncePod to one pod). Every replica of a Deployment mounts the same claim, so as soon as the scheduler or the autoscaler places a second pod on another node, that pod hangs in `ContainerCreating` with a multi-attach error (a DaemonSet runs a pod on every node, so all of its pods but one hang); scaling out, rolling updates across nodes and node drains all stall on it.',
    remediation: 'Give each replica its own volume (a StatefulSet with volumeClaimTemplates), use a ReadWriteMany storage class when the data really is shared, or keep the workload at one replica.',
    messages: {
      shared: 'Claim "{{claim}}" is {{mode}}, but this {{kind}} can run {{pods}} pods: pods on other nodes cannot attach it.',
      daemonSet: 'Claim "{{claim}}" is {{mode}}, but this DaemonSet runs a pod on every node it targets: the pods on all nodes but one cannot attach it.',
    },
    needsIndex: true,
    examples: {
      invalid: `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: uploads
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 10Gi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
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
          volumeMounts:
            - name: uploads
              mountPath: /srv/uploads
      volumes:
        - name: uploads
          persistentVolumeClaim:
            claimName: uploads
`,
      valid: `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: uploads
spec:
  accessModes:
    - ReadWriteMany
  storageClassName: shared-files
  resources:
    requests:
      storage: 10Gi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
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
          volumeMounts:
            - name: uploads
              mountPath: /srv/uploads
      volumes:
        - name: uploads
          persistentVolumeClaim:
            claimName: uploads
`,
    },
  },
  create(context) {
    return {
      podSpec(podSpec) {
        const index = context.index;
        const volumes = getSeq(podSpec.spec, 'volumes');
        if (!index || !volumes) return;
        const self = context.self;
        // A DaemonSet has no replica count: it runs one pod per node, on as many nodes as match.
        const daemonSet = podSpec.object.kind === 'DaemonSet';
        const scale = self && !daemonSet ? scaleOf(index, self) : undefined;
        if (!self || (!daemonSet && (!scale || scale.max <= 1))) return;
        for (const item of volumes.items) {
          const nameNode = getNode(getMap(asMap(item), 'persistentVolumeClaim'), 'claimName');
          const claim = scalarString(nameNode);
          const pvc = claim === undefined ? undefined : resolveTogether(index, self, 'PersistentVolumeClaim', claim);
          if (!nameNode || !claim || !pvc || pvc.object.group !== '') continue;
          const modes = (asSeq(getNode(getMap(pvc.object.root, 'spec'), 'accessModes'))?.items ?? []).map((mode) => scalarString(mode));
          if (modes.length === 0 || !modes.every((mode) => mode !== undefined && SINGLE_NODE_MODES.has(mode))) continue;
          if (!scale) {
            context.report({ at: nameNode, messageId: 'daemonSet', data: { claim, mode: modes.join(', ') } });
            continue;
          }
          const pods = scale.hpa ? `up to ${scale.max} (HorizontalPodAutoscaler "${scale.hpa}")` : String(scale.max);
          context.report({ at: nameNode, messageId: 'shared', data: { claim, mode: modes.join(', '), kind: podSpec.object.kind, pods } });
        }
      },
    };
  },
});
