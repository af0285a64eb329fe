/** Reports StorageClasses that do not allow their volumes to grow. */
import { defineRule } from '../types';
import { canExpand, isStorageClass } from '../../k8s/storage';
import { getNode, scalarBoolean, scalarString } from '../../yaml/nodes';

export default defineRule({
  meta: {
    id: 'storage-class-no-expansion',
    category: 'storage',
    defaultSeverity: 'info',
    // Judged on whole objects only: a Kustomize patch may leave the field to its base.
    reportsAbsence: true,
    summary: 'A StorageClass does not allow volume expansion.',
    rationale:
      'Data grows with traffic. When a volume fills up and its class forbids expansion, the only way out is to provision a bigger volume and copy the data across, one replica at a time for a StatefulSet, usually during the incident the full disk caused. With expansion allowed, raising the claim\'s storage request grows the volume in place.',
    remediation:
      'Set `allowVolumeExpansion: true` when the driver supports expansion (this field, unlike the others, can be changed on an existing StorageClass); keep it false only for drivers that cannot resize.',
    messages: {
      missing: 'StorageClass "{{name}}" does not set allowVolumeExpansion, so its volumes cannot be grown in place.',
      disabled: 'StorageClass "{{name}}" sets allowVolumeExpansion to false, so its volumes cannot be grown in place.',
    },
    fixable: 'safe',
    examples: {
      invalid: `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
provisioner: pd.csi.storage.gke.io
volumeBindingMode: WaitForFirstConsumer
`,
      valid: `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
provisioner: pd.csi.storage.gke.io
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
`,
    },
  },
  create(context) {
    return {
      object(object) {
        if (!isStorageClass(object)) return;
        const provisionerNode = getNode(object.root, 'provisioner');
        const provisioner = scalarString(provisionerNode);
        if (!provisionerNode || provisioner === undefined || !canExpand(provisioner)) return;
        const node = getNode(object.root, 'allowVolumeExpansion');
        const value = scalarBoolean(node);
        if (value === true) return;
        const data = { name: object.name ?? '(unnamed)' };
        const title = 'Allow volume expansion';
        if (node) {
          if (value !== false) return; // not a boolean: the schema check reports it
          // An explicit false may be deliberate (a driver that cannot resize), so flipping it is only offered.
          context.report({
            at: node,
            messageId: 'disabled',
            data,
            fix: (fixer) => {
              const edit = fixer.replaceScalar(node, true);
              return edit && { title, kind: 'suggestion', edits: [edit] };
            },
          });
          return;
        }
        context.report({
          at: provisionerNode,
          messageId: 'missing',
          data,
          fix: (fixer) => {
            const edit = fixer.addToMap(object.root, { allowVolumeExpansion: true });
            return edit && { title, kind: 'safe', edits: [edit] };
          },
        });
      },
    };
  },
});
