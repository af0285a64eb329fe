import rule from '../../server/src/rules/availability/pdb-blocks-eviction';
import { docs, hpaOf, pdbOf, workload } from '../support/objects';
import { runRuleTests } from '../support/rule-tester';

runRuleTests(rule, {
  valid: [
    { name: 'minAvailable below the replicas', code: docs(workload({ replicas: 3 }), pdbOf({ budget: 'minAvailable: 2' })) },
    { name: 'maxUnavailable 1', code: docs(workload({ replicas: 1 }), pdbOf()) },
    { name: 'a percentage that leaves one pod', code: docs(workload({ replicas: 4 }), pdbOf({ budget: 'minAvailable: 50%' })) },
    { name: 'no workload matched in the workspace: nothing to compare', code: pdbOf({ budget: 'minAvailable: 2', name: 'lonely' }) },
    { name: 'workload in another folder', code: pdbOf({ budget: 'minAvailable: 2', name: 'far' }), files: { 'other/web.yaml': workload({ replicas: 2 }) } },
    { name: 'workload in another namespace', code: pdbOf({ budget: 'minAvailable: 2', namespace: 'a' }), files: { 'web.yaml': workload({ replicas: 2, namespace: 'b' }) } },
    { name: 'an HPA keeps enough replicas', code: docs(workload(), hpaOf({ min: 3 }), pdbOf({ budget: 'minAvailable: 2' })) },
    { name: 'two workloads share the budget', code: docs(workload({ labels: { tier: 'web' }, name: 'a' }), workload({ labels: { tier: 'web' }, name: 'b' }), pdbOf({ budget: 'minAvailable: 1', labels: { tier: 'web' } })) },
    { name: 'DaemonSet pod counts are unknown', code: docs(workload({ kind: 'DaemonSet' }), pdbOf({ budget: 'minAvailable: 2', name: 'ds' })) },
  ],
  invalid: [
    {
      name: 'maxUnavailable 0, whatever the workload',
      code: pdbOf({ budget: 'maxUnavailable: 0' }),
      errors: [{ messageId: 'zeroUnavailable', data: { value: '0' }, text: '0', line: 6, column: 19, severity: 'warning' }],
    },
    { name: 'maxUnavailable 0%', code: pdbOf({ budget: 'maxUnavailable: "0%"' }), errors: [{ messageId: 'zeroUnavailable', data: { value: '0%' }, text: '"0%"' }] },
    { name: 'minAvailable 100%', code: pdbOf({ budget: 'minAvailable: 100%' }), errors: [{ messageId: 'allAvailable', text: '100%' }] },
    {
      name: 'minAvailable equal to the replicas, same file',
      code: docs(workload({ replicas: 2 }), pdbOf({ budget: 'minAvailable: 2' })),
      errors: [{ messageId: 'atReplicas', data: { value: '2', pods: 'all 2 pods', workloads: 'Deployment "web"' }, text: '2' }],
    },
    {
      name: 'default replicas (1), workload in another file',
      code: pdbOf({ budget: 'minAvailable: 1', namespace: 'prod' }),
      files: { 'web.yaml': workload({ namespace: 'prod' }) },
      errors: [{ messageId: 'atReplicas', data: { value: '1', pods: 'the only pod', workloads: 'Deployment "web"' }, text: '1' }],
    },
    {
      name: 'the HPA\'s minReplicas counts',
      code: docs(workload({ replicas: 5 }), hpaOf({ min: 2 }), pdbOf({ budget: 'minAvailable: 2' })),
      errors: [{ messageId: 'atReplicas', data: { value: '2', pods: 'all 2 pods', workloads: 'Deployment "web" (at its HorizontalPodAutoscaler\'s minReplicas 2)' }, text: '2' }],
    },
    {
      name: 'a percentage that rounds up to every pod',
      code: docs(workload({ replicas: 1, name: 'solo', labels: { app: 'web' } }), pdbOf({ budget: 'minAvailable: 60%' })),
      errors: [{ messageId: 'atReplicas', text: '60%' }],
    },
  ],
});
