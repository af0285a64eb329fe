/** Reports StorageClasses for zonal or node-local volumes that bind before the pod is scheduled. */
import { defineRule } from '../types';
import { isStorageClass, volumeTopologyOf } from '../../k8s/storage';
import { getNode, scalarString } from '../../yaml/nodes';

const LATE = 'WaitForFirstConsumer';

export default defineRule({
  meta: {
    id: 'storage-class-immediate-binding',
    category: 'storage',
    defaultSeverity: 'warning',
    // Judged on whole objects only: a Kustomize patch may leave the field to its base.
    reportsAbsence: true,
    summary: 'A StorageClass for zonal or node-local volumes binds claims immediately instead of waiting for the pod.',
    rationale:
      'With Immediate binding the volume is created as soon as the claim exists, in a zone (or on a node) chosen without looking at the pod. The pod must then run where its volume is, even if that zone has no free capacity or conflicts with its affinity or spread constraints, so it stays Pending. The more replicas and zones, the more often this happens; WaitForFirstConsumer creates the volume where the scheduler placed the pod.',
    remediation:
      'Set `volumeBindingMode: WaitForFirstConsumer`. StorageClass fields are immutable, so an existing class must be deleted and recreated to change it (the API rejects an apply that changes it); volumes already provisioned are not affected. For that reason the quick fix is only a suggestion: fix-all and `--fix` never apply it.',
    messages: {
      explicit: 'StorageClass "{{name}}" provisions {{topology}} volumes ({{provisioner}}) with Immediate binding: volumes are placed before the pod is scheduled.',
      defaulted: 'StorageClass "{{name}}" provisions {{topology}} volumes ({{provisioner}}) without volumeBindingMode, which defaults to Immediate: volumes are placed before the pod is scheduled.',
    },
    // A suggestion, never applied by fix-all or --fix: volumeBindingMode is immutable, so the API
    // rejects the next apply of a StorageClass that already exists in the cluster.
    fixable: 'suggestion',
    examples: {
      invalid: `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: ebs.csi.aws.com
parameters:
  type: gp3
`,
      valid: `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: ebs.csi.aws.com
parameters:
  type: gp3
volumeBindingMode: WaitForFirstConsumer
`,
    },
  },
  create(context) {
    return {
      object(object) {
        if (!isStorageClass(object)) return;
        const provisionerNode = getNode(object.root, 'provisioner');
        const provisioner = scalarString(provisionerNode);
        const topology = provisioner === undefined ? undefined : volumeTopologyOf(provisioner);
        if (!provisionerNode || !provisioner || !topology) return;
        const modeNode = getNode(object.root, 'volumeBindingMode');
        const mode = scalarString(modeNode);
        if (mode === LATE) return;
        const data = { name: object.name ?? '(unnamed)', topology, provisioner };
        const title = 'Bind volumes when the first pod is scheduled (WaitForFirstConsumer; immutable: recreate an existing StorageClass)';
        if (modeNode) {
          // Only the one other valid value is replaced; anything else is left for the schema check.
          if (mode !== 'Immediate') return;
          context.report({
            at: modeNode,
            messageId: 'explicit',
            data,
            fix: (fixer) => {
              const edit = fixer.replaceScalar(modeNode, LATE);
              return edit && { title, kind: 'suggestion', edits: [edit] };
            },
          });
          return;
        }
        context.report({
          at: provisionerNode,
          messageId: 'defaulted',
          data,
          fix: (fixer) => {
            const edit = fixer.addToMap(object.root, { volumeBindingMode: LATE });
            return edit && { title, kind: 'suggestion', edits: [edit] };
          },
        });
      },
    };
  },
});
