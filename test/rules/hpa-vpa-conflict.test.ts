import rule from '../../server/src/rules/autoscaling/hpa-vpa-conflict';
import { docs, hpaOf, resourceMetric, vpaOf } from '../support/objects';
import { runRuleTests } from '../support/rule-tester';

const custom = `
metrics:
  - type: Pods
    pods:
      metric:
        name: requests_per_second
      target:
        type: AverageValue
        averageValue: "100"
`;

runRuleTests(rule, {
  valid: [
    { name: 'VPA in Off mode only recommends', code: docs(hpaOf({ extra: resourceMetric('cpu') }), vpaOf({ extra: 'updatePolicy:\n  updateMode: "Off"\n' })) },
    { name: 'HPA on a custom metric', code: docs(hpaOf({ extra: custom }), vpaOf()) },
    { name: 'VPA limited to memory, HPA on CPU', code: docs(hpaOf({ extra: resourceMetric('cpu') }), vpaOf({ extra: 'resourcePolicy:\n  containerPolicies:\n    - containerName: "*"\n      controlledResources: [memory]\n' })) },
    { name: 'VPA on another workload', code: docs(hpaOf(), vpaOf({ target: 'api' })) },
    { name: 'VPA in another folder', code: hpaOf({ name: 'far' }), files: { 'other/vpa.yaml': vpaOf() } },
    { name: 'VPA in another namespace', code: hpaOf({ namespace: 'a' }), files: { 'vpa.yaml': vpaOf({ namespace: 'b' }) } },
  ],
  invalid: [
    {
      name: 'CPU metric and a default VPA in one file',
      code: docs(hpaOf({ extra: resourceMetric('cpu') }), vpaOf({ name: 'web-vpa' })),
      errors: [{ messageId: 'conflict', data: { vpa: 'web-vpa', mode: 'Auto', resource: 'CPU', kind: 'Deployment', name: 'web' }, text: 'cpu', severity: 'warning' }],
    },
    {
      name: 'defaulted metrics: reported on scaleTargetRef; the VPA in another file',
      code: hpaOf(),
      files: { 'vpa.yaml': vpaOf({ extra: 'updatePolicy:\n  updateMode: Recreate\n' }) },
      errors: [{ messageId: 'conflict', data: { vpa: 'web', mode: 'Recreate', resource: 'CPU', kind: 'Deployment', name: 'web' }, text: 'scaleTargetRef' }],
    },
    {
      name: 'memory metric, VPA with Initial mode',
      code: docs(hpaOf({ extra: resourceMetric('memory'), namespace: 'shop' }), vpaOf({ namespace: 'shop', extra: 'updatePolicy:\n  updateMode: Initial\n' })),
      errors: [{ messageId: 'conflict', data: { vpa: 'web', mode: 'Initial', resource: 'memory', kind: 'Deployment', name: 'web' }, text: 'memory' }],
    },
  ],
});
