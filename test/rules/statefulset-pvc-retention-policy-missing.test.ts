import rule from '../../server/src/rules/storage/statefulset-pvc-retention-policy-missing';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

/** A StatefulSet `db`; `extra` is inserted into spec before `template` (indented 2 spaces). */
const statefulSet = (extra: string, claims: string) => yaml`
  apiVersion: apps/v1
  kind: StatefulSet
  metadata:
    name: db
  spec:
    serviceName: db
${extra}    template:
      spec:
        containers:
          - name: db
            image: postgres:16.3
${claims}`;

const claims = '    volumeClaimTemplates:\n      - metadata:\n          name: data\n        spec:\n          accessModes: [ReadWriteOnce]\n';

runRuleTests(rule, {
  valid: [
    statefulSet('    persistentVolumeClaimRetentionPolicy:\n      whenDeleted: Retain\n      whenScaled: Delete\n', claims),
    { name: 'no claim templates', code: statefulSet('', '') },
    { name: 'an empty list of claim templates', code: statefulSet('', '    volumeClaimTemplates: []\n') },
    { name: 'a Deployment has no claim templates of its own', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        volumeClaimTemplates:
          - metadata:
              name: data
    ` },
  ],
  invalid: [
    {
      name: 'reported on the key; two suggestions, inserted above the first key when the spec holds flow style',
      code: statefulSet('', claims),
      errors: [{
        messageId: 'missing',
        data: { name: 'db' },
        text: 'volumeClaimTemplates',
        line: 12,
        column: 3,
        severity: 'info',
        suggestions: [
          { title: 'Keep claims on deletion and scale-down (make the default explicit)', output: statefulSet('', claims).replace('  serviceName', '  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Retain\n    whenScaled: Retain\n  serviceName') },
          { title: 'Delete claims on scale-down, keep them on deletion', output: statefulSet('', claims).replace('  serviceName', '  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Retain\n    whenScaled: Delete\n  serviceName') },
        ],
      }],
    },
    {
      name: 'block style: appended at the end of spec, comments kept',
      code: statefulSet('    replicas: 3 # three copies\n', '    volumeClaimTemplates:\n      - metadata:\n          name: data # the data disk\n'),
      errors: [{
        messageId: 'missing',
        line: 13,
        suggestions: [
          { output: statefulSet('    replicas: 3 # three copies\n', '    volumeClaimTemplates:\n      - metadata:\n          name: data # the data disk\n    persistentVolumeClaimRetentionPolicy:\n      whenDeleted: Retain\n      whenScaled: Retain\n') },
          { output: statefulSet('    replicas: 3 # three copies\n', '    volumeClaimTemplates:\n      - metadata:\n          name: data # the data disk\n    persistentVolumeClaimRetentionPolicy:\n      whenDeleted: Retain\n      whenScaled: Delete\n') },
        ],
      }],
    },
    {
      name: 'flow-style spec: reported without suggestions; second document',
      code: `${statefulSet('', '')}---\n${yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: cache}
        spec: {serviceName: cache, volumeClaimTemplates: [{metadata: {name: data}}]}
      `}`,
      errors: [{ messageId: 'missing', data: { name: 'cache' }, text: 'volumeClaimTemplates', line: 16, suggestions: [] }],
    },
  ],
});
