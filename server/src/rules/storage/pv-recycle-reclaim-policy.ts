/** Reports the deprecated Recycle reclaim policy on PersistentVolumes (and StorageClasses, which reject it). */
import type { Node } from 'yaml';
import { defineRule } from '../types';
import { isStorageClass } from '../../k8s/storage';
import { getIn, scalarString } from '../../yaml/nodes';

export default defineRule({
  meta: {
    id: 'pv-recycle-reclaim-policy',
    category: 'storage',
    defaultSeverity: 'warning',
    summary: 'A PersistentVolume uses the deprecated Recycle reclaim policy.',
    rationale:
      'Recycle wipes a released volume with a basic `rm -rf` in a helper pod and offers it to the next claim. It is deprecated, supported only by NFS and hostPath, gives no guarantee the data is unrecoverable, and hands the volume to whichever claim comes next, possibly another team\'s. At scale it also hides capacity planning: volumes churn between claims instead of being provisioned for them. A StorageClass cannot use it at all: the API server accepts only Delete and Retain there.',
    remediation:
      'Use `Retain` and clean released volumes up deliberately, or use a dynamic provisioner with `Delete`; the quick fix switches to Retain, which never destroys data.',
    messages: {
      persistentVolume: 'PersistentVolume "{{name}}" uses the deprecated Recycle reclaim policy.',
      storageClass: 'StorageClass "{{name}}" sets reclaimPolicy to Recycle, which the API server rejects for a StorageClass (only Delete and Retain are allowed).',
    },
    fixable: 'suggestion',
    examples: {
      invalid: `apiVersion: v1
kind: PersistentVolume
metadata:
  name: shared
spec:
  capacity:
    storage: 100Gi
  accessModes:
    - ReadWriteMany
  persistentVolumeReclaimPolicy: Recycle
  nfs:
    server: nfs.example.com
    path: /exports/shared
`,
      valid: `apiVersion: v1
kind: PersistentVolume
metadata:
  name: shared
spec:
  capacity:
    storage: 100Gi
  accessModes:
    - ReadWriteMany
  persistentVolumeReclaimPolicy: Retain
  nfs:
    server: nfs.example.com
    path: /exports/shared
`,
    },
  },
  create(context) {
    return {
      object(object) {
        let node: Node | undefined;
        let messageId: 'persistentVolume' | 'storageClass';
        if (object.kind === 'PersistentVolume' && object.group === '') {
          node = getIn(object.root, ['spec', 'persistentVolumeReclaimPolicy']);
          messageId = 'persistentVolume';
        } else if (isStorageClass(object)) {
          node = getIn(object.root, ['reclaimPolicy']);
          messageId = 'storageClass';
        } else {
          return;
        }
        if (!node || scalarString(node) !== 'Recycle') return;
        const target = node;
        context.report({
          at: target,
          messageId,
          data: { name: object.name ?? '(unnamed)' },
          // A suggestion: Retain leaves released volumes for a person to clean up, a change of process.
          fix: (fixer) => {
            const edit = fixer.replaceScalar(target, 'Retain');
            return edit && { title: 'Use the Retain reclaim policy', kind: 'suggestion', edits: [edit] };
          },
        });
      },
    };
  },
});
