import rule from '../../server/src/rules/autoscaling/hpa-vpa-conflict';
import { docs, hpaOf, resourceMetric, vpaOf, workload } from '../support/objects';
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

const LEDGER = '- name: ledger\n  image: ledger:1.0\n';
const LEDGER_AND_PROXY = `${LEDGER}- name: proxy\n  image: proxy:1.0\n`;

const containerMetric = (resource: string, container: string): string => `
metrics:
  - type: ContainerResource
    containerResource:
      name: ${resource}
      container: ${container}
      target:
        type: Utilization
        averageUtilization: 70
`;

runRuleTests(rule, {
  valid: [
    { name: 'VPA in Off mode only recommends', code: docs(hpaOf({ extra: resourceMetric('cpu') }), vpaOf({ extra: 'updatePolicy:\n  updateMode: "Off"\n' })) },
    { name: 'HPA on a custom metric', code: docs(hpaOf({ extra: custom }), vpaOf()) },
    { name: 'VPA limited to memory, HPA on CPU', code: docs(hpaOf({ extra: resourceMetric('cpu') }), vpaOf({ extra: 'resourcePolicy:\n  containerPolicies:\n    - containerName: "*"\n      controlledResources: [memory]\n' })) },
    {
      name: 'VPA policy names the only container and limits it to memory, HPA on CPU',
      code: docs(workload({ containers: LEDGER }), hpaOf({ extra: resourceMetric('cpu') }), vpaOf({ extra: 'resourcePolicy:\n  containerPolicies:\n    - containerName: ledger\n      controlledResources: [memory]\n' })),
    },
    {
      name: 'VPA turns off the only container, a * policy would control the rest',
      code: docs(workload({ containers: LEDGER }), hpaOf({ extra: resourceMetric('cpu') }), vpaOf({ extra: 'resourcePolicy:\n  containerPolicies:\n    - containerName: ledger\n      mode: "Off"\n    - containerName: "*"\n' })),
    },
    {
      name: 'ContainerResource metric on a container the VPA leaves alone',
      code: docs(workload({ containers: LEDGER_AND_PROXY }), hpaOf({ extra: containerMetric('cpu', 'ledger') }), vpaOf({ extra: 'resourcePolicy:\n  containerPolicies:\n    - containerName: ledger\n      controlledResources: [memory]\n' })),
    },
    { name: 'VPA on another workload', code: docs(hpaOf(), vpaOf({ target: 'api' })) },
    { name: 'VPA in another folder', code: hpaOf({ name: 'far' }), files: { 'other/vpa.yaml': vpaOf() } },
    { name: 'VPA in another namespace', code: hpaOf({ namespace: 'a' }), files: { 'vpa.yaml': vpaOf({ namespace: 'b' }) } },
  ],
  invalid: [
    {
      name: 'VPA policy limits ledger to memory, but the other container gets the defaults',
      code: docs(workload({ containers: LEDGER_AND_PROXY }), hpaOf({ extra: resourceMetric('cpu') }), vpaOf({ extra: 'resourcePolicy:\n  containerPolicies:\n    - containerName: ledger\n      controlledResources: [memory]\n' })),
      errors: [{ messageId: 'conflict', data: { vpa: 'web', mode: 'Auto', resource: 'CPU', kind: 'Deployment', name: 'web' }, text: 'cpu' }],
    },
    {
      name: 'ContainerResource metric on the container the VPA resizes (RequestsOnly still changes requests)',
      code: docs(workload({ containers: LEDGER_AND_PROXY }), hpaOf({ extra: containerMetric('cpu', 'proxy') }), vpaOf({ extra: 'resourcePolicy:\n  containerPolicies:\n    - containerName: ledger\n      controlledResources: [memory]\n    - containerName: proxy\n      controlledValues: RequestsOnly\n' })),
      errors: [{ messageId: 'conflict', data: { vpa: 'web', mode: 'Auto', resource: 'CPU', kind: 'Deployment', name: 'web' }, text: 'cpu' }],
    },
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
