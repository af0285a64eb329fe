import rule from '../../server/src/rules/autoscaling/vpa-min-exceeds-max';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

/** A VPA whose containerPolicies list is `policies` (indented 6 spaces). */
const vpa = (policies: string, apiVersion = 'autoscaling.k8s.io/v1') => yaml`
  apiVersion: ${apiVersion}
  kind: VerticalPodAutoscaler
  metadata:
    name: web
  spec:
    targetRef:
      apiVersion: apps/v1
      kind: Deployment
      name: web
    resourcePolicy:
      containerPolicies:
${policies}`;

runRuleTests(rule, {
  valid: [
    vpa('        - containerName: app\n          minAllowed:\n            cpu: 100m\n            memory: 128Mi\n          maxAllowed:\n            cpu: "2"\n            memory: 1Gi\n'),
    { name: 'equal bounds pin the value, which is allowed', code: vpa('        - containerName: app\n          minAllowed:\n            memory: 1Gi\n          maxAllowed:\n            memory: 1024Mi\n') },
    { name: 'only one bound', code: vpa('        - containerName: "*"\n          minAllowed:\n            cpu: 4\n') },
    { name: 'malformed quantities are invalid-quantity\'s concern', code: vpa('        - containerName: app\n          minAllowed:\n            memory: 2GB\n          maxAllowed:\n            memory: 1Gi\n') },
    { name: 'no resource policy', code: yaml`
      apiVersion: autoscaling.k8s.io/v1
      kind: VerticalPodAutoscaler
      metadata:
        name: web
      spec:
        targetRef:
          kind: Deployment
          name: web
    ` },
  ],
  invalid: [
    {
      name: 'cpu and memory compared by value, across units',
      code: vpa('        - containerName: app # main\n          minAllowed:\n            cpu: 1500m\n            memory: 2G\n          maxAllowed:\n            cpu: 1\n            memory: 1Gi\n'),
      errors: [
        { messageId: 'minAboveMax', data: { resource: 'cpu', min: '1500m', max: '1', container: 'app' }, text: '1500m', line: 14, column: 16, severity: 'error' },
        { messageId: 'minAboveMax', data: { resource: 'memory', min: '2G', max: '1Gi', container: 'app' }, text: '2G', line: 15 },
      ],
    },
    {
      name: 'the second policy, the "*" default, v1beta2',
      code: vpa('        - containerName: app\n          maxAllowed:\n            memory: 1Gi\n        - containerName: "*"\n          minAllowed:\n            memory: 512Mi\n          maxAllowed:\n            memory: 256Mi\n', 'autoscaling.k8s.io/v1beta2'),
      errors: [{ messageId: 'minAboveMax', data: { resource: 'memory', min: '512Mi', max: '256Mi', container: '*' }, text: '512Mi', line: 17 }],
    },
    {
      name: 'flow style',
      code: vpa('        - {containerName: sidecar, minAllowed: {cpu: 2}, maxAllowed: {cpu: 500m}}\n'),
      errors: [{ messageId: 'minAboveMax', data: { resource: 'cpu', min: '2', max: '500m', container: 'sidecar' }, text: '2', line: 12 }],
    },
  ],
});
