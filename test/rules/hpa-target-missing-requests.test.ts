import rule from '../../server/src/rules/autoscaling/hpa-target-missing-requests';
import { CONTAINER_WITHOUT_REQUESTS, docs, hpaOf, resourceMetric, workload } from '../support/objects';
import { runRuleTests } from '../support/rule-tester';

const cpuOnly = `
- name: app
  image: registry.example.com/app:1.4.2
  resources:
    requests:
      cpu: 250m
`;
const limitsOnly = `
- name: app
  image: registry.example.com/app:1.4.2
  resources:
    limits:
      cpu: 500m
      memory: 256Mi
`;
const withSidecar = `
- name: app
  image: registry.example.com/app:1.4.2
  resources:
    requests:
      cpu: 250m
- name: proxy
  image: registry.example.com/proxy:1.0.0
`;
const containerMetric = (container: string) => `
metrics:
  - type: ContainerResource
    containerResource:
      name: cpu
      container: ${container}
      target:
        type: Utilization
        averageUtilization: 60
`;
const limitRange = `apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
spec:
  limits:
    - type: Container
      defaultRequest:
        cpu: 100m
`;
const averageValue = `
metrics:
  - type: Resource
    resource:
      name: memory
      target:
        type: AverageValue
        averageValue: 500Mi
`;

runRuleTests(rule, {
  valid: [
    { name: 'requests set', code: docs(workload(), hpaOf({ extra: resourceMetric('cpu') })) },
    { name: 'a limit becomes the request', code: docs(workload({ containers: limitsOnly }), hpaOf({ extra: resourceMetric('memory') })) },
    { name: 'CPU requested, metrics defaulted to CPU', code: docs(workload({ containers: cpuOnly }), hpaOf()) },
    { name: 'memory metric by AverageValue needs no request', code: docs(workload({ containers: cpuOnly }), hpaOf({ extra: averageValue })) },
    { name: 'ContainerResource counts only the named container', code: docs(workload({ containers: withSidecar }), hpaOf({ extra: containerMetric('app') })) },
    { name: 'a LimitRange supplies the default request', code: docs(limitRange, workload({ containers: CONTAINER_WITHOUT_REQUESTS }), hpaOf()) },
    { name: 'target not in the workspace', code: hpaOf({ extra: resourceMetric('cpu'), name: 'alone' }) },
    { name: 'target in another folder: not certainly the one applied with this HPA', code: hpaOf({ name: 'far' }), files: { 'other/deploy.yaml': workload({ containers: CONTAINER_WITHOUT_REQUESTS }) } },
    { name: 'target in another namespace', code: hpaOf({ namespace: 'a' }), files: { 'deploy.yaml': workload({ namespace: 'b', containers: CONTAINER_WITHOUT_REQUESTS }) } },
    {
      name: 'the target is completed by a Kustomize patch',
      code: hpaOf({ name: 'patched' }),
      files: { 'deploy.yaml': workload({ containers: CONTAINER_WITHOUT_REQUESTS }), 'overlay/kustomization.yaml': 'resources:\n  - ../deploy.yaml\npatches:\n  - path: patch.yaml\n', 'overlay/patch.yaml': workload() },
    },
  ],
  invalid: [
    {
      name: 'same file: the suggestion adds the request to the Deployment',
      code: docs(workload({ containers: CONTAINER_WITHOUT_REQUESTS }), hpaOf({ extra: resourceMetric('cpu') })),
      errors: [{
        messageId: 'missing',
        data: { kind: 'Deployment', name: 'web', resource: 'CPU', containers: '"app"' },
        text: 'cpu',
        severity: 'error',
        suggestions: [{
          title: 'Add a cpu request of 100m to Deployment "web"',
          output: docs(workload({ containers: `${CONTAINER_WITHOUT_REQUESTS}  resources:\n    requests:\n      cpu: 100m\n` }), hpaOf({ extra: resourceMetric('cpu') })),
        }],
      }],
    },
    {
      name: 'metrics left out: the default 80% CPU target, reported on scaleTargetRef',
      code: docs(workload({ containers: CONTAINER_WITHOUT_REQUESTS }), hpaOf({ min: 2 })),
      errors: [{
        messageId: 'missingDefault', data: { kind: 'Deployment', name: 'web', resource: 'CPU', containers: '"app"' }, text: 'scaleTargetRef', line: 23,
        suggestions: [{ title: 'Add a cpu request of 100m to Deployment "web"', output: docs(workload({ containers: `${CONTAINER_WITHOUT_REQUESTS}  resources:\n    requests:\n      cpu: 100m\n` }), hpaOf({ min: 2 })) }],
      }],
    },
    {
      name: 'the target is in another file; the fix edits that file',
      code: hpaOf({ extra: resourceMetric('memory') }),
      files: { 'deploy.yaml': workload({ containers: cpuOnly }) },
      errors: [{
        messageId: 'missing', data: { kind: 'Deployment', name: 'web', resource: 'memory', containers: '"app"' }, text: 'memory',
        suggestions: [{
          title: 'Add a memory request of 128Mi to Deployment "web"',
          output: hpaOf({ extra: resourceMetric('memory') }),
          files: { 'deploy.yaml': workload({ containers: `${cpuOnly}      memory: 128Mi\n` }) },
        }],
      }],
    },
    {
      name: 'autoscaling/v1 targetCPUUtilizationPercentage',
      code: docs(workload({ containers: CONTAINER_WITHOUT_REQUESTS }), hpaOf({ apiVersion: 'autoscaling/v1', extra: 'targetCPUUtilizationPercentage: 60\n' })),
      errors: [{
        messageId: 'missing', text: '60',
        suggestions: [{ title: 'Add a cpu request of 100m to Deployment "web"', output: docs(workload({ containers: `${CONTAINER_WITHOUT_REQUESTS}  resources:\n    requests:\n      cpu: 100m\n` }), hpaOf({ apiVersion: 'autoscaling/v1', extra: 'targetCPUUtilizationPercentage: 60\n' })) }],
      }],
    },
    {
      name: 'every app container counts for a Resource metric',
      code: docs(workload({ containers: withSidecar, namespace: 'shop' }), hpaOf({ extra: resourceMetric('cpu'), namespace: 'shop' })),
      errors: [{
        messageId: 'missing', data: { kind: 'Deployment', name: 'web', resource: 'CPU', containers: '"proxy"' }, text: 'cpu',
        suggestions: [{ title: 'Add a cpu request of 100m to Deployment "web"', output: docs(workload({ containers: `${withSidecar}  resources:\n    requests:\n      cpu: 100m\n`, namespace: 'shop' }), hpaOf({ extra: resourceMetric('cpu'), namespace: 'shop' })) }],
      }],
    },
    {
      name: 'ContainerResource on the container without a request',
      code: docs(workload({ containers: withSidecar }), hpaOf({ extra: containerMetric('proxy') })),
      errors: [{
        messageId: 'missing', data: { kind: 'Deployment', name: 'web', resource: 'CPU', containers: '"proxy"' }, text: 'cpu',
        suggestions: [{ title: 'Add a cpu request of 100m to Deployment "web"', output: docs(workload({ containers: `${withSidecar}  resources:\n    requests:\n      cpu: 100m\n` }), hpaOf({ extra: containerMetric('proxy') })) }],
      }],
    },
    {
      name: 'a LimitRange in another namespace does not apply',
      code: docs(limitRange.replace('name: defaults', 'name: defaults\n  namespace: other'), workload({ containers: CONTAINER_WITHOUT_REQUESTS, namespace: 'shop' }), hpaOf({ namespace: 'shop' })),
      errors: [{
        messageId: 'missingDefault', text: 'scaleTargetRef',
        suggestions: [{ title: 'Add a cpu request of 100m to Deployment "web"', output: docs(limitRange.replace('name: defaults', 'name: defaults\n  namespace: other'), workload({ containers: `${CONTAINER_WITHOUT_REQUESTS}  resources:\n    requests:\n      cpu: 100m\n`, namespace: 'shop' }), hpaOf({ namespace: 'shop' })) }],
      }],
    },
  ],
});
