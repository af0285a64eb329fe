import rule from '../../server/src/rules/storage/pvc-rwo-shared-by-replicas';
import { docs, hpaOf, pvcOf, workload } from '../support/objects';
import { runRuleTests } from '../support/rule-tester';

const volumes = '- name: data\n  persistentVolumeClaim:\n    claimName: data\n';

runRuleTests(rule, {
  valid: [
    { name: 'one replica', code: docs(pvcOf(), workload({ volumes })) },
    { name: 'a DaemonSet with a ReadWriteMany claim', code: docs(pvcOf({ modes: ['ReadWriteMany'] }), workload({ kind: 'DaemonSet', name: 'agent', volumes })) },
    { name: 'ReadWriteMany', code: docs(pvcOf({ modes: ['ReadWriteMany'] }), workload({ replicas: 3, volumes })) },
    { name: 'ReadWriteOnce or ReadWriteMany: the volume may be attached for many', code: docs(pvcOf({ modes: ['ReadWriteOnce', 'ReadWriteMany'] }), workload({ replicas: 3, volumes })) },
    { name: 'the claim is not in the workspace', code: workload({ replicas: 3, volumes, name: 'lonely' }) },
    { name: 'the claim is in another folder', code: workload({ replicas: 3, volumes, name: 'far' }), files: { 'other/pvc.yaml': pvcOf() } },
    { name: 'the claim is in another namespace', code: workload({ replicas: 3, volumes, namespace: 'a' }), files: { 'pvc.yaml': pvcOf({ namespace: 'b' }) } },
    { name: 'an HPA with maxReplicas 1', code: docs(pvcOf(), workload({ volumes, name: 'one' }), hpaOf({ target: 'one', min: 1, max: 1 })) },
  ],
  invalid: [
    {
      name: 'three replicas, same file',
      code: docs(pvcOf(), workload({ replicas: 3, volumes })),
      errors: [{ messageId: 'shared', data: { claim: 'data', mode: 'ReadWriteOnce', kind: 'Deployment', pods: '3' }, text: 'data', line: 36, severity: 'warning' }],
    },
    {
      name: 'an HPA can add replicas; the claim in another file',
      code: docs(workload({ volumes }), hpaOf({ min: 1, max: 5 })),
      files: { 'pvc.yaml': pvcOf({ modes: ['ReadWriteOncePod'] }) },
      errors: [{ messageId: 'shared', data: { claim: 'data', mode: 'ReadWriteOncePod', kind: 'Deployment', pods: 'up to 5 (HorizontalPodAutoscaler "web")' }, text: 'data' }],
    },
    {
      name: 'a DaemonSet runs a pod per node',
      code: docs(pvcOf(), workload({ kind: 'DaemonSet', name: 'agent', volumes })),
      errors: [{ messageId: 'daemonSet', data: { claim: 'data', mode: 'ReadWriteOnce' }, text: 'data' }],
    },
    {
      name: 'namespaces set on both sides',
      code: workload({ replicas: 2, volumes, namespace: 'prod' }),
      files: { 'pvc.yaml': pvcOf({ namespace: 'prod' }) },
      errors: [{ messageId: 'shared', text: 'data' }],
    },
  ],
});
