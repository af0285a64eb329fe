import rule from '../../server/src/rules/autoscaling/hpa-replicas-conflict';
import { docs, hpaOf, workload } from '../support/objects';
import { runRuleTests } from '../support/rule-tester';

const TITLE = 'Remove replicas (the autoscaler sets the scale; drop it from last-applied first, or the next apply scales to 1)';

runRuleTests(rule, {
  valid: [
    { name: 'no replicas with an HPA', code: docs(workload(), hpaOf()) },
    { name: 'replicas without an HPA', code: workload({ replicas: 3 }) },
    { name: 'an HPA for another Deployment', code: docs(workload({ replicas: 3 }), hpaOf({ target: 'api' })) },
    { name: 'an HPA in another folder (another environment)', code: workload({ replicas: 2 }), files: { 'prod/hpa.yaml': hpaOf() } },
    { name: 'an HPA in another namespace', code: workload({ replicas: 3, namespace: 'a' }), files: { 'hpa.yaml': hpaOf({ namespace: 'b' }) } },
    { name: 'an HPA for a StatefulSet of the same name', code: docs(workload({ replicas: 3 }), hpaOf({ kind: 'StatefulSet' })) },
    { name: 'replicas 0 pauses the autoscaler on purpose', code: docs(workload({ replicas: 0 }), hpaOf({ name: 'paused' })) },
    { name: 'DaemonSets have no replicas to conflict', code: docs(workload({ kind: 'DaemonSet', replicas: 3 }), hpaOf({ kind: 'DaemonSet' })) },
  ],
  invalid: [
    {
      name: 'same file; the fix removes the line and keeps comments',
      code: docs(workload({ replicas: '3 # three for now' }), hpaOf({ min: 3 })),
      errors: [{ messageId: 'conflict', data: { hpas: '"web"', kind: 'Deployment', replicas: '3' }, text: 'replicas', line: 6, column: 3, severity: 'warning', suggestions: [{ title: TITLE, output: docs(workload(), hpaOf({ min: 3 })) }] }],
      removesComments: true,
    },
    {
      name: 'the HPA lives in another file of the folder',
      code: workload({ kind: 'StatefulSet', name: 'db', replicas: 2, namespace: 'data' }),
      files: { 'hpa.yaml': hpaOf({ name: 'db', kind: 'StatefulSet', target: 'db', namespace: 'data' }) },
      errors: [{ messageId: 'conflict', data: { hpas: '"db"', kind: 'StatefulSet', replicas: '2' }, text: 'replicas', suggestions: [{ title: TITLE, output: workload({ kind: 'StatefulSet', name: 'db', namespace: 'data' }) }] }],
    },
    {
      name: 'ReplicaSet',
      code: docs(workload({ kind: 'ReplicaSet', name: 'frontend', replicas: 3 }), hpaOf({ kind: 'ReplicaSet', target: 'frontend', name: 'frontend' })),
      errors: [{ messageId: 'conflict', text: 'replicas', suggestions: [{ title: TITLE, output: docs(workload({ kind: 'ReplicaSet', name: 'frontend' }), hpaOf({ kind: 'ReplicaSet', target: 'frontend', name: 'frontend' })) }] }],
    },
  ],
});
