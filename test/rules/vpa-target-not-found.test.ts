import rule from '../../server/src/rules/autoscaling/vpa-target-not-found';
import { docs, vpaOf, workload } from '../support/objects';
import { runRuleTests } from '../support/rule-tester';

runRuleTests(rule, {
  valid: [
    { name: 'target in the same file', code: docs(workload(), vpaOf()) },
    { name: 'target in another file', code: vpaOf(), files: { 'deploy.yaml': workload() } },
    { name: 'the file defines no Deployment', code: vpaOf({ target: 'api' }) },
    { name: 'Deployments only in another file of the folder: no claim', code: vpaOf({ target: 'frontend' }), files: { 'deploy.yaml': workload() } },
    { name: 'Deployments only in another folder', code: vpaOf({ target: 'api', name: 'api' }), files: { 'other/web.yaml': workload() } },
    { name: 'unset namespace on the VPA: any namespace may hold the target', code: vpaOf({ name: 'open' }), files: { 'deploy.yaml': workload({ namespace: 'prod' }) } },
    { name: 'Deployments only in another namespace', code: vpaOf({ namespace: 'a', target: 'api' }), files: { 'deploy.yaml': workload({ namespace: 'b' }) } },
  ],
  invalid: [
    {
      name: 'same file',
      code: docs(workload(), vpaOf({ target: 'wbe' })),
      errors: [{ messageId: 'notFound', data: { kind: 'Deployment', name: 'wbe', known: '"web"' }, text: 'wbe', severity: 'warning' }],
    },
    {
      name: 'namespaces set on both sides: the one of that name, in another file, lives elsewhere',
      code: docs(workload({ name: 'api', namespace: 'prod' }), vpaOf({ namespace: 'prod' })),
      files: { 'deploy.yaml': workload({ namespace: 'staging' }) },
      errors: [{ messageId: 'notFound', data: { kind: 'Deployment', name: 'web', known: '"api"' }, text: 'web' }],
    },
  ],
});
