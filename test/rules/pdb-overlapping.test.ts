import rule from '../../server/src/rules/availability/pdb-overlapping';
import { docs, pdbOf, workload } from '../support/objects';
import { runRuleTests } from '../support/rule-tester';

const api = workload({ name: 'api', labels: { app: 'api', tier: 'backend' } });

runRuleTests(rule, {
  valid: [
    { name: 'one budget per workload', code: docs(api, pdbOf({ name: 'api', labels: { app: 'api' } }), workload(), pdbOf()) },
    { name: 'two budgets, no pod template under both', code: docs(pdbOf({ name: 'a', labels: { app: 'a' } }), pdbOf({ name: 'b', labels: { app: 'b' } })) },
    { name: 'overlapping selectors but no workload in the workspace', code: docs(pdbOf({ name: 'api', labels: { app: 'api' } }), pdbOf({ name: 'backend', labels: { tier: 'backend' } })) },
    { name: 'the other budget is in another folder', code: docs(api, pdbOf({ name: 'api', labels: { app: 'api' } })), files: { 'other/pdb.yaml': pdbOf({ name: 'backend', labels: { tier: 'backend' } }) } },
    { name: 'the other budget is in another namespace', code: docs(api, pdbOf({ name: 'api-a', labels: { app: 'api' } })), files: { 'pdb.yaml': pdbOf({ name: 'backend', namespace: 'b', labels: { tier: 'backend' } }) } },
    { name: 'an empty v1beta1 selector selects nothing', code: docs(api, pdbOf({ name: 'api', labels: { app: 'api' } }), 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: none\nspec:\n  maxUnavailable: 1\n  selector: {}\n') },
  ],
  invalid: [
    {
      name: 'two budgets cover one Deployment: both report',
      code: docs(api, pdbOf({ name: 'api', labels: { app: 'api' } }), pdbOf({ name: 'backend', labels: { tier: 'backend' } })),
      errors: [
        { messageId: 'overlapping', data: { others: '"backend"', workloads: 'Deployment "api"' }, text: 'selector', line: 30, severity: 'warning' },
        { messageId: 'overlapping', data: { others: '"api"', workloads: 'Deployment "api"' }, text: 'selector', line: 40 },
      ],
    },
    {
      name: 'the other budget and the workload are in other files',
      code: pdbOf({ name: 'backend', namespace: 'shop', labels: { tier: 'backend' } }),
      files: { 'api.yaml': workload({ name: 'api', namespace: 'shop', labels: { app: 'api', tier: 'backend' } }), 'pdb.yaml': pdbOf({ name: 'api', namespace: 'shop', labels: { app: 'api' } }) },
      errors: [{ messageId: 'overlapping', data: { others: '"api"', workloads: 'Deployment "api"' }, text: 'selector' }],
    },
    {
      name: 'an empty policy/v1 selector covers every pod of the namespace',
      code: docs(workload({ name: 'api', namespace: 'x', labels: { app: 'api' } }), pdbOf({ name: 'api', namespace: 'x', labels: { app: 'api' } }), 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: all\n  namespace: x\nspec:\n  maxUnavailable: 1\n  selector: {}\n'),
      errors: [
        { messageId: 'overlapping', data: { others: '"all"', workloads: 'Deployment "api"' }, text: 'selector' },
        { messageId: 'overlapping', data: { others: '"api"', workloads: 'Deployment "api"' }, text: 'selector' },
      ],
    },
  ],
});
