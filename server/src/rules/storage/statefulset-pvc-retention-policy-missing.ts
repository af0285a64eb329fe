/** Reports StatefulSets with volume claim templates that leave the claims' fate to the default. */
import { defineRule } from '../types';
import type { InsertMap } from '../../yaml/fixer';
import { addKeysToMap } from '../../yaml/insert-key';
import { getMap, getPair, getSeq } from '../../yaml/nodes';

const KEEP_ALL: InsertMap = { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' } };
const DELETE_ON_SCALE_DOWN: InsertMap = { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' } };

export default defineRule({
  meta: {
    id: 'statefulset-pvc-retention-policy-missing',
    category: 'storage',
    defaultSeverity: 'info',
    // Judged on whole objects only: a Kustomize patch may leave the field to its base.
    reportsAbsence: true,
    summary: 'A StatefulSet with volumeClaimTemplates does not say what happens to its claims on scale-down or deletion.',
    rationale:
      'Without persistentVolumeClaimRetentionPolicy every claim is retained: scaling from 10 replicas to 3 leaves 7 claims (and their volumes, and their bill) behind, and deleting the StatefulSet leaves all of them. That is the safe default for data, but when nobody decided it, storage quietly accumulates with every scale-down, and a later scale-up silently reattaches old, stale data.',
    remediation:
      'Add `persistentVolumeClaimRetentionPolicy` with `whenDeleted` and `whenScaled` set to `Retain` or `Delete`, so the choice is written down; Delete on scale-down suits caches and replicas that resync, Retain suits data that must survive.',
    messages: { missing: 'StatefulSet "{{name}}" has volumeClaimTemplates but no persistentVolumeClaimRetentionPolicy: its claims are kept after scale-down and deletion, and storage accumulates.' },
    fixable: 'suggestion',
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
          image: postgres:16.3
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 10Gi
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
  persistentVolumeClaimRetentionPolicy:
    whenDeleted: Retain
    whenScaled: Retain
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: db
          image: postgres:16.3
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 10Gi
`,
    },
  },
  create(context) {
    return {
      object(object) {
        if (object.kind !== 'StatefulSet' || object.group !== 'apps') return;
        const spec = getMap(object.root, 'spec');
        const templates = getPair(spec, 'volumeClaimTemplates');
        if (!spec || !templates || (getSeq(spec, 'volumeClaimTemplates')?.items.length ?? 0) === 0) return;
        if (getPair(spec, 'persistentVolumeClaimRetentionPolicy')) return;
        context.report({
          at: templates,
          messageId: 'missing',
          data: { name: object.name ?? '(unnamed)' },
          // Suggestions only: keeping or deleting data is a decision the linter cannot make.
          fix: (fixer) => {
            const keep = addKeysToMap(fixer, spec, KEEP_ALL);
            const trim = addKeysToMap(fixer, spec, DELETE_ON_SCALE_DOWN);
            if (!keep || !trim) return undefined;
            return [
              { title: 'Keep claims on deletion and scale-down (make the default explicit)', kind: 'suggestion', edits: [keep] },
              { title: 'Delete claims on scale-down, keep them on deletion', kind: 'suggestion', edits: [trim] },
            ];
          },
        });
      },
    };
  },
});
