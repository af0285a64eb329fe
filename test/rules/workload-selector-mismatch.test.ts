import rule from '../../server/src/rules/availability/workload-selector-mismatch';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

/** A workload whose `selector` and template `labels` bodies are given (indented 4 and 8 spaces). */
const workload = (selector: string, labels: string, kind = 'Deployment', apiVersion = 'apps/v1') => yaml`
  apiVersion: ${apiVersion}
  kind: ${kind}
  metadata:
    name: web
  spec:
    selector:
${selector}    template:
      metadata:
        labels:
${labels}      spec:
        containers:
          - name: app
`;

runRuleTests(rule, {
  valid: [
    workload('      matchLabels:\n        app: web\n', '          app: web\n          version: v2\n'),
    { name: 'all four operators satisfied', code: workload('      matchExpressions:\n        - {key: tier, operator: In, values: [web, api]}\n        - {key: canary, operator: DoesNotExist}\n        - {key: app, operator: Exists}\n        - {key: env, operator: NotIn, values: [test]}\n', '          app: web\n          tier: api\n') },
    { name: 'no selector (defaulted from the template in old APIs)', code: yaml`
      apiVersion: extensions/v1beta1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          metadata:
            labels:
              app: web
    ` },
    { name: 'an unknown operator is not ours to judge', code: workload('      matchExpressions:\n        - {key: app, operator: Gt, values: ["1"]}\n', '          app: web\n') },
    { name: 'labels merged from an anchor cannot be read for sure', code: workload('      matchLabels:\n        app: web\n', '          <<: {app: web}\n') },
    { name: 'a ReplicationController with an empty selector defaults it', code: workload('      {}\n', '          app: web\n', 'ReplicationController', 'v1').replace('selector:\n      {}', 'selector: {}') },
  ],
  invalid: [
    {
      name: 'matchLabels value differs: reported on the selector key',
      code: workload('      matchLabels: # must match\n        app: web\n', '          app: frontend\n'),
      errors: [{ messageId: 'mismatch', data: { kind: 'Deployment', name: 'web', requirements: '"app=web"' }, text: 'selector', line: 6, column: 3, severity: 'error' }],
    },
    {
      name: 'matchExpressions: only the unmet requirements are named (StatefulSet)',
      code: workload('      matchLabels:\n        app: web\n      matchExpressions:\n        - key: tier\n          operator: In\n          values: [api, worker]\n        - key: canary\n          operator: DoesNotExist\n        - key: env\n          operator: NotIn\n          values: [prod]\n', '          app: web\n          tier: web\n          canary: "true"\n          env: prod\n', 'StatefulSet'),
      errors: [{ messageId: 'mismatch', data: { kind: 'StatefulSet', name: 'web', requirements: '"tier in (api,worker)", "!canary", "env notin (prod)"' } }],
    },
    {
      name: 'template without labels; a DaemonSet; flow style; second document',
      code: `${workload('      matchLabels:\n        app: web\n', '          app: web\n')}---\n${yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec: {selector: {matchExpressions: [{key: app, operator: Exists}]}, template: {spec: {containers: [{name: a}]}}}
      `}`,
      errors: [{ messageId: 'mismatch', data: { kind: 'DaemonSet', name: 'agent', requirements: '"app"' }, text: 'selector', line: 20 }],
    },
    {
      name: 'an empty apps/v1 selector (ReplicaSet)',
      code: workload('      matchLabels: {}\n', '          app: web\n', 'ReplicaSet'),
      errors: [{ messageId: 'empty', data: { kind: 'ReplicaSet', name: 'web' }, text: 'selector', line: 6 }],
    },
    {
      name: 'a ReplicationController: plain-map selector',
      code: workload('      app: web\n      track: stable\n', '          app: web\n', 'ReplicationController', 'v1'),
      errors: [{ messageId: 'mismatch', data: { kind: 'ReplicationController', name: 'web', requirements: '"track=stable"' } }],
    },
  ],
});
