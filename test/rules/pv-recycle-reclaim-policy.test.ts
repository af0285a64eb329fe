import rule from '../../server/src/rules/storage/pv-recycle-reclaim-policy';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

const pv = (policy: string) => yaml`
  apiVersion: v1
  kind: PersistentVolume
  metadata:
    name: shared
  spec:
    capacity:
      storage: 100Gi
    accessModes:
      - ReadWriteMany
    persistentVolumeReclaimPolicy: ${policy}
    nfs:
      server: nfs.example.com
      path: /exports
`;

runRuleTests(rule, {
  valid: [
    pv('Retain'),
    pv('Delete'),
    { name: 'the default (Retain for static volumes) is fine', code: yaml`
      apiVersion: v1
      kind: PersistentVolume
      metadata:
        name: shared
      spec:
        capacity:
          storage: 1Gi
        hostPath:
          path: /data
    ` },
    { name: 'a StorageClass with Delete', code: yaml`
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: fast
      provisioner: ebs.csi.aws.com
      reclaimPolicy: Delete
    ` },
  ],
  invalid: [
    {
      name: 'a PersistentVolume: suggests Retain, keeping the comment',
      code: pv('Recycle # reuse volumes'),
      errors: [{
        messageId: 'persistentVolume',
        data: { name: 'shared' },
        text: 'Recycle',
        line: 10,
        column: 34,
        severity: 'warning',
        suggestions: [{ title: 'Use the Retain reclaim policy', output: pv('Retain # reuse volumes') }],
      }],
    },
    {
      name: 'a StorageClass, which the API server rejects; second document; flow style',
      code: yaml`
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: a}
        spec: {capacity: {storage: 1Gi}, persistentVolumeReclaimPolicy: Recycle, nfs: {server: s, path: /a}}
        ---
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: nfs
        provisioner: example.com/nfs
        reclaimPolicy: Recycle
      `,
      errors: [
        {
          messageId: 'persistentVolume', data: { name: 'a' }, text: 'Recycle', line: 4,
          suggestions: [{ title: 'Use the Retain reclaim policy', output: yaml`
            apiVersion: v1
            kind: PersistentVolume
            metadata: {name: a}
            spec: {capacity: {storage: 1Gi}, persistentVolumeReclaimPolicy: Retain, nfs: {server: s, path: /a}}
            ---
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: nfs
            provisioner: example.com/nfs
            reclaimPolicy: Recycle
          ` }],
        },
        {
          messageId: 'storageClass', data: { name: 'nfs' }, text: 'Recycle', line: 11, column: 16,
          suggestions: [{ title: 'Use the Retain reclaim policy', output: yaml`
            apiVersion: v1
            kind: PersistentVolume
            metadata: {name: a}
            spec: {capacity: {storage: 1Gi}, persistentVolumeReclaimPolicy: Recycle, nfs: {server: s, path: /a}}
            ---
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: nfs
            provisioner: example.com/nfs
            reclaimPolicy: Retain
          ` }],
        },
      ],
    },
  ],
});
