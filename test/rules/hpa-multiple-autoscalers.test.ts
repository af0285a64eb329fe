import rule from '../../server/src/rules/autoscaling/hpa-multiple-autoscalers';
import { docs, hpaOf, resourceMetric, workload } from '../support/objects';
import { runRuleTests } from '../support/rule-tester';

runRuleTests(rule, {
  valid: [
    { name: 'one autoscaler with two metrics', code: docs(workload(), hpaOf({ extra: resourceMetric('cpu') })) },
    { name: 'two autoscalers, two targets', code: docs(hpaOf(), hpaOf({ name: 'api', target: 'api' })) },
    { name: 'same target name, different kinds', code: docs(hpaOf(), hpaOf({ name: 'web-sts', kind: 'StatefulSet' })) },
    { name: 'environments side by side in other folders are applied to different places', code: hpaOf({ name: 'web-prod' }), files: { 'dev/hpa.yaml': hpaOf({ name: 'web-dev' }) } },
    { name: 'different namespaces', code: docs(hpaOf({ namespace: 'a' }), hpaOf({ name: 'web-b', namespace: 'b' })) },
    { name: 'one namespace set, one unset: not certainly the same place', code: docs(hpaOf({ namespace: 'a' }), hpaOf({ name: 'web-2' })) },
  ],
  invalid: [
    {
      name: 'two HPAs in one file: each reports the other',
      code: docs(hpaOf({ name: 'web-cpu' }), hpaOf({ name: 'web-memory', extra: resourceMetric('memory') })),
      errors: [
        { messageId: 'multiple', data: { others: '"web-memory"', kind: 'Deployment', name: 'web' }, text: 'web', line: 9, severity: 'error' },
        { messageId: 'multiple', data: { others: '"web-cpu"', kind: 'Deployment', name: 'web' }, text: 'web', line: 20 },
      ],
    },
    {
      name: 'the other HPA is in another file of the folder',
      code: hpaOf({ name: 'web-a', namespace: 'prod' }),
      files: { 'hpa-b.yaml': hpaOf({ name: 'web-b', namespace: 'prod' }) },
      errors: [{ messageId: 'multiple', data: { others: '"web-b"', kind: 'Deployment', name: 'web' }, text: 'web' }],
    },
  ],
});
