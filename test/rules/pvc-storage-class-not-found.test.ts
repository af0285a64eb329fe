import rule from '../../server/src/rules/storage/pvc-storage-class-not-found';
import { docs, pvcOf, storageClassOf, workload } from '../support/objects';
import { runRuleTests } from '../support/rule-tester';

const statefulSet = (storageClassName: string) =>
  workload({ kind: 'StatefulSet', name: 'db', spec: `serviceName: db\nvolumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      storageClassName: ${storageClassName}\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 5Gi\n` });

runRuleTests(rule, {
  valid: [
    { name: 'the class is defined in the same file', code: docs(storageClassOf(), pvcOf({ storageClassName: 'fast-ssd' })) },
    { name: 'the class is defined in another file, any folder', code: pvcOf({ storageClassName: 'fast-ssd' }), files: { 'cluster/storage/classes.yaml': storageClassOf() } },
    { name: 'the workspace defines no StorageClass: the cluster provides them', code: pvcOf({ storageClassName: 'gp3' }) },
    { name: 'no class named: the cluster default', code: docs(storageClassOf(), pvcOf()) },
    { name: 'an empty class asks for none', code: docs(storageClassOf(), pvcOf({ storageClassName: '""' })) },
    { name: 'StorageClasses are cluster-wide: the claim\'s namespace does not matter', code: docs(storageClassOf(), pvcOf({ storageClassName: 'fast-ssd', namespace: 'prod' })) },
    {
      name: 'static provisioning: a PersistentVolume of that class name in another file',
      code: docs(storageClassOf(), pvcOf({ storageClassName: 'manual' })),
      files: { 'pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: task-pv\nspec:\n  storageClassName: manual\n  capacity:\n    storage: 10Gi\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: /mnt/data\n' },
    },
    { name: 'volumeClaimTemplates with a known class', code: docs(storageClassOf(), statefulSet('fast-ssd')) },
  ],
  invalid: [
    {
      name: 'a typo, same file',
      code: docs(storageClassOf(), pvcOf({ storageClassName: 'fast-sdd' })),
      errors: [{ messageId: 'notFound', data: { name: 'fast-sdd', known: '"fast-ssd"' }, text: 'fast-sdd', severity: 'info' }],
    },
    {
      name: 'the StorageClasses live in another file',
      code: pvcOf({ storageClassName: 'standard', namespace: 'prod' }),
      files: { 'storage.yaml': docs(storageClassOf(), storageClassOf('slow-hdd')) },
      errors: [{ messageId: 'notFound', data: { name: 'standard', known: '"fast-ssd", "slow-hdd"' }, text: 'standard', line: 7 }],
    },
    {
      name: 'a StatefulSet volumeClaimTemplate',
      code: docs(storageClassOf(), statefulSet('premium')),
      errors: [{ messageId: 'notFound', data: { name: 'premium', known: '"fast-ssd"' }, text: 'premium' }],
    },
  ],
});
