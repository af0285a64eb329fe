import rule from '../../server/src/rules/availability/service-selects-no-pods';
import { docs, serviceOf, workload } from '../support/objects';
import { runRuleTests } from '../support/rule-tester';

runRuleTests(rule, {
  valid: [
    { name: 'selects the Deployment in the same file', code: docs(workload(), serviceOf()) },
    { name: 'selects pods defined in another folder', code: serviceOf({ name: 'api', selector: { app: 'web' } }), files: { 'other/web.yaml': workload() } },
    { name: 'no selector: endpoints managed by hand', code: docs(workload(), serviceOf({ name: 'ext', selector: null })) },
    { name: 'ExternalName', code: docs(workload(), serviceOf({ name: 'db', type: 'ExternalName', selector: { app: 'db' } })) },
    { name: 'the folder defines no workloads: pods may come from a chart or an operator', code: serviceOf({ name: 'metrics', selector: { app: 'prometheus' } }) },
    { name: 'no related pod template here (other name, no shared label): pods from elsewhere', code: docs(workload({ name: 'api' }), serviceOf({ name: 'operated', selector: { operated: 'true' } })) },
    { name: 'exact matches in another namespace of another folder are not evidence', code: serviceOf({ name: 'storefront', namespace: 'shop', selector: { app: 'web' } }), files: { 'other/web.yaml': workload({ namespace: 'staging' }) } },
    { name: 'a Service without namespace may select pods in any namespace', code: serviceOf({ name: 'web-ns' , selector: { app: 'web' } }), files: { 'web.yaml': workload({ namespace: 'prod' }) } },
    { name: 'selects a bare Pod', code: docs(workload({ kind: 'Pod', name: 'debug' }), serviceOf({ name: 'debug' })) },
  ],
  invalid: [
    {
      name: 'a label that differs, same file',
      code: docs(workload(), serviceOf({ selector: { app: 'web-frontend' } })),
      errors: [{ messageId: 'noPods', data: { closest: 'Deployment "web"', unmet: '"app=web-frontend"' }, text: 'selector', line: 27, severity: 'warning' }],
    },
    {
      name: 'one of two labels differs; the Deployment in another file',
      code: serviceOf({ name: 'api', namespace: 'shop', selector: { app: 'web', tier: 'front' } }),
      files: { 'web.yaml': workload({ namespace: 'shop', labels: { app: 'web', tier: 'frontend' } }) },
      errors: [{ messageId: 'noPods', data: { closest: 'Deployment "web"', unmet: '"tier=front"' }, text: 'selector' }],
    },
    {
      name: 'namespaces set on both sides: the matching pods live elsewhere',
      code: serviceOf({ namespace: 'a' }),
      files: { 'web.yaml': docs(workload({ namespace: 'b' }), workload({ namespace: 'a', labels: { app: 'web-v2' } })) },
      errors: [{ messageId: 'noPods', data: { closest: 'Deployment "web"', unmet: '"app=web"' }, text: 'selector' }],
    },
    {
      name: 'the selector matches pods exactly, but in other namespaces of the folder',
      code: serviceOf({ name: 'frontend', namespace: 'shop', selector: { app: 'web' } }),
      files: { 'web.yaml': docs(workload({ namespace: 'staging' }), workload({ name: 'web-canary', namespace: 'prod', labels: { app: 'web' } })) },
      errors: [{ messageId: 'otherNamespace', data: { namespace: 'shop', namespaces: 'namespaces "prod", "staging"', pods: 'Deployment "web", Deployment "web-canary"' }, text: 'selector' }],
    },
  ],
});
