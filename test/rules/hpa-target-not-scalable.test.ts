import rule from '../../server/src/rules/autoscaling/hpa-target-not-scalable';
import { docs, hpaOf, workload } from '../support/objects';
import { runRuleTests } from '../support/rule-tester';

runRuleTests(rule, {
  valid: [
    hpaOf(),
    { name: 'StatefulSet', code: hpaOf({ kind: 'StatefulSet' }) },
    { name: 'ReplicaSet', code: hpaOf({ kind: 'ReplicaSet' }) },
    { name: 'a custom resource with a scale subresource', code: hpaOf({ kind: 'Rollout' }) },
    { name: 'a custom resource named Job in another API group', code: hpaOf({ kind: 'Job' }).replace('apiVersion: batch/v1\n    kind: Job', 'apiVersion: example.com/v1\n    kind: Job') },
    { name: 'a kind named like an Object property', code: hpaOf({ kind: 'constructor' }) },
    { name: 'target in another file', code: hpaOf({ name: 'x' }), files: { 'deploy.yaml': workload() } },
  ],
  invalid: [
    {
      name: 'DaemonSet, defined in the same file',
      code: docs(workload({ kind: 'DaemonSet', name: 'agent' }), hpaOf({ kind: 'DaemonSet', target: 'agent' })),
      errors: [{ messageId: 'notScalable', data: { kind: 'DaemonSet', reason: 'runs one pod per node, and has no replica count to change' }, text: 'DaemonSet', line: 29, severity: 'error' }],
    },
    { name: 'Job', code: hpaOf({ kind: 'Job' }), errors: [{ messageId: 'notScalable', text: 'Job' }] },
    { name: 'CronJob', code: hpaOf({ kind: 'CronJob' }), errors: [{ messageId: 'notScalable', text: 'CronJob' }] },
    { name: 'Pod, in autoscaling/v1', code: hpaOf({ kind: 'Pod', apiVersion: 'autoscaling/v1' }), errors: [{ messageId: 'notScalable', data: { kind: 'Pod', reason: 'is a single pod, with no replica count to change' }, text: 'Pod' }] },
    { name: 'the target lives in another file', code: hpaOf({ kind: 'DaemonSet', target: 'agent' }), files: { 'ds.yaml': workload({ kind: 'DaemonSet', name: 'agent' }) }, errors: [{ messageId: 'notScalable', text: 'DaemonSet' }] },
  ],
});
