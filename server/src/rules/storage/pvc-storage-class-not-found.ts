/** Reports claims whose storageClassName is not among the StorageClasses that the workspace defines. */
import type { YAMLMap } from 'yaml';
import { defineRule } from '../types';
import { isStorageClass } from '../../k8s/storage';
import { nameList } from '../../k8s/relations';
import { asMap, getMap, getNode, getSeq, scalarString } from '../../yaml/nodes';

export default defineRule({
  meta: {
    id: 'pvc-storage-class-not-found',
    category: 'storage',
    defaultSeverity: 'info',
    summary: 'A PersistentVolumeClaim or volumeClaimTemplate names a StorageClass that the workspace does not define.',
    rationale:
      'A claim whose StorageClass does not exist stays `Pending` for ever, and so does every pod that mounts it: a StatefulSet scaled up stops at the first new replica. When a repository defines its StorageClasses, a name outside that set is usually a typo or a class from another cluster. The rule only speaks when the workspace defines at least one StorageClass, since many clusters provide theirs out of band, and a PersistentVolume of the same class name (static provisioning) counts as defining it.',
    remediation: 'Use the name of one of the StorageClasses the cluster has (those in the workspace are listed in the message), or leave `storageClassName` out to use the cluster\'s default class.',
    messages: { notFound: 'StorageClass "{{name}}" is not defined in the workspace, which defines {{known}}: unless the cluster provides it, the claim stays Pending.' },
    needsIndex: true,
    reportsAbsence: true,
    examples: {
      invalid: `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast-ssd
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: fast-sdd
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 20Gi
`,
      valid: `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast-ssd
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: fast-ssd
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 20Gi
`,
    },
  },
  create(context) {
    const check = (claimSpec: YAMLMap | undefined) => {
      const index = context.index;
      const node = getNode(claimSpec, 'storageClassName');
      const name = scalarString(node);
      // An empty name asks for no class at all (pre-provisioned volumes).
      if (!index || !node || !name) return;
      // StorageClasses are cluster-wide: any namespace, any folder.
      if (index.find('StorageClass', name, undefined).some((entry) => isStorageClass(entry.object))) return;
      // Static provisioning: a claim binds to a PersistentVolume of the same class name, no StorageClass object needed.
      if (index.ofKind('PersistentVolume').some((entry) => scalarString(getNode(getMap(entry.object.root, 'spec'), 'storageClassName')) === name)) return;
      const known = index.ofKind('StorageClass').filter((entry) => isStorageClass(entry.object));
      if (known.length === 0) return;
      context.report({ at: node, messageId: 'notFound', data: { name, known: nameList(known.map((entry) => entry.object.name ?? '(unnamed)')) } });
    };
    return {
      object(object) {
        if (object.kind === 'PersistentVolumeClaim' && object.group === '') check(getMap(object.root, 'spec'));
        if (object.kind === 'StatefulSet' && object.group === 'apps') {
          for (const item of getSeq(getMap(object.root, 'spec'), 'volumeClaimTemplates')?.items ?? []) check(getMap(asMap(item), 'spec'));
        }
      },
    };
  },
});
