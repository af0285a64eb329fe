import rule from '../../server/src/rules/autoscaling/hpa-target-not-found';
import { docs, hpaOf, workload } from '../support/objects';
import { runRuleTests } from '../support/rule-tester';

runRuleTests(rule, {
  valid: [
    { name: 'target in the same file', code: docs(workload(), hpaOf()) },
    { name: 'target in another file of the folder', code: hpaOf(), files: { 'deploy.yaml': workload() } },
    { name: 'target in another folder: names are looked up workspace-wide', code: hpaOf({ name: 'web-2' }), files: { 'apps/web.yaml': workload() } },
    { name: 'the folder defines no Deployment: the target may come from a chart or another repository', code: hpaOf({ target: 'api' }) },
    { name: 'Deployments only in another folder say nothing about this one', code: hpaOf({ target: 'api', name: 'api' }), files: { 'other/web.yaml': workload() } },
    { name: 'HPA without namespace: a Deployment of that name in any namespace may be the one', code: hpaOf({ name: 'ns-open' }), files: { 'deploy.yaml': workload({ namespace: 'prod' }) } },
    { name: 'Deployment without namespace matches an HPA in a namespace', code: hpaOf({ namespace: 'prod', name: 'in-prod' }), files: { 'deploy.yaml': workload() } },
    {
      name: 'the folder defines Deployments only in another namespace: no claim',
      code: hpaOf({ namespace: 'a', target: 'api' }),
      files: { 'deploy.yaml': workload({ namespace: 'b' }) },
    },
    { name: 'Deployments defined only in another file of the folder: no claim (that file\'s companions may be missing)', code: hpaOf({ target: 'frontend' }), files: { 'deploy.yaml': docs(workload(), workload({ name: 'api' })) } },
    { name: 'a kind the file does not define', code: docs(workload(), hpaOf({ kind: 'StatefulSet', target: 'db' })) },
  ],
  invalid: [
    {
      name: 'same file, name with a typo',
      code: docs(workload(), hpaOf({ target: 'wbe' })),
      errors: [{ messageId: 'notFound', data: { kind: 'Deployment', name: 'wbe', known: '"web"' }, text: 'wbe', severity: 'warning' }],
    },
    {
      name: 'namespaces set on both sides: the one of that name, in another file, lives elsewhere',
      code: docs(workload({ name: 'api', namespace: 'prod' }), hpaOf({ namespace: 'prod' })),
      files: { 'deploy.yaml': workload({ namespace: 'staging' }) },
      errors: [{ messageId: 'notFound', data: { kind: 'Deployment', name: 'web', known: '"api"' }, text: 'web', line: 32 }],
    },
    {
      name: 'StatefulSet target',
      code: docs(workload({ kind: 'StatefulSet', name: 'db' }), hpaOf({ kind: 'StatefulSet', target: 'database' })),
      errors: [{ messageId: 'notFound', data: { kind: 'StatefulSet', name: 'database', known: '"db"' }, text: 'database' }],
    },
  ],
});
