import rule from '../../server/src/rules/storage/statefulset-headless-service-not-found';
import { docs, serviceOf, workload } from '../support/objects';
import { runRuleTests } from '../support/rule-tester';

const sts = (options: { namespace?: string; serviceName?: string } = {}) =>
  workload({ kind: 'StatefulSet', name: 'db', replicas: 3, namespace: options.namespace, spec: `serviceName: ${options.serviceName ?? 'db'}\n` });

runRuleTests(rule, {
  valid: [
    { name: 'headless Service in the same file', code: docs(serviceOf({ name: 'db', headless: true }), sts()) },
    { name: 'headless Service in another file', code: sts(), files: { 'svc.yaml': serviceOf({ name: 'db', headless: true }) } },
    { name: 'the folder defines no Service: it may come from elsewhere', code: sts({ serviceName: 'db-hs' }) },
    { name: 'Services only in another folder', code: sts({ serviceName: 'db-hs', namespace: 'x' }), files: { 'other/svc.yaml': serviceOf() } },
    { name: 'Services only in another namespace', code: sts({ serviceName: 'db-hs', namespace: 'a' }), files: { 'svc.yaml': serviceOf({ namespace: 'b' }) } },
    { name: 'headless Service without selector: endpoints may be managed by hand', code: docs(serviceOf({ name: 'db', headless: true, selector: null }), sts({ namespace: 'y' })) },
    { name: 'Services only in another file of the folder: no claim', code: sts({ serviceName: 'db-hs', namespace: 'z' }), files: { 'svc.yaml': serviceOf() } },
    { name: 'unset namespace on the Service matches', code: sts({ namespace: 'prod' }), files: { 'svc.yaml': serviceOf({ name: 'db', headless: true }) } },
  ],
  invalid: [
    {
      name: 'no Service of that name, same file',
      code: docs(serviceOf({ name: 'web' }), sts({ serviceName: 'db-headless' })),
      errors: [{ messageId: 'notFound', data: { name: 'db-headless', known: '"web"' }, text: 'db-headless', severity: 'warning' }],
    },
    {
      name: 'the Service has a cluster IP',
      code: docs(serviceOf({ name: 'db' }), sts()),
      errors: [{ messageId: 'notHeadless', data: { name: 'db' }, text: 'db', line: 17 }],
    },
    {
      name: 'the headless Service in another file selects other pods',
      code: sts({ namespace: 'data' }),
      files: { 'svc.yaml': serviceOf({ name: 'db', headless: true, namespace: 'data', selector: { app: 'database' } }) },
      errors: [{ messageId: 'notSelecting', data: { name: 'db' }, text: 'db', line: 8 }],
    },
  ],
});
