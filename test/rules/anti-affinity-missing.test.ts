import rule from '../../server/src/rules/availability/anti-affinity-missing';
import { deployment } from '../support/manifests';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';
import { docs, hpaOf } from '../support/objects';

/** A labelSelector on the Deployment's own pods (app: web). */
const ownSelector = 'labelSelector:\n  matchLabels:\n    app: web\n';
const indent = (text: string, spaces: number) => text.replace(/^(?=.)/gm, ' '.repeat(spaces));
const withNamespace = (code: string) => code.replace('  name: web\n', '  name: web\n  namespace: shop\n');

const app = '- name: app\n  image: registry.example.com/app:1.4.2\n';
/** The Deployment with `lines` added to its pod spec, before `containers` (indented 6 spaces). */
const withPodSpec = (replicas: string, lines: string) => deployment(app, replicas).replace('    spec:\n      containers:', `    spec:\n${lines}      containers:`);

runRuleTests(rule, {
  valid: [
    withPodSpec('  replicas: 3\n', `      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n          whenUnsatisfiable: ScheduleAnyway\n${indent(ownSelector, 10)}`),
    { name: 'preferred pod anti-affinity on its own pods', code: withPodSpec('  replicas: 2\n', `      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 100\n              podAffinityTerm:\n                topologyKey: kubernetes.io/hostname\n${indent(ownSelector, 16)}`) },
    { name: 'required anti-affinity listing its own namespace, and one with an empty namespaceSelector (all namespaces)', code: withNamespace(withPodSpec('  replicas: 2\n', `      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            - topologyKey: kubernetes.io/hostname\n              namespaces: [shop]\n${indent(ownSelector, 14)}            - topologyKey: kubernetes.io/hostname\n              namespaceSelector: {}\n${indent(ownSelector, 14)}`)) },
    { name: 'a namespaceSelector on the namespace name', code: withNamespace(withPodSpec('  replicas: 2\n', `      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            - topologyKey: kubernetes.io/hostname\n              namespaceSelector:\n                matchLabels: {kubernetes.io/metadata.name: shop}\n${indent(ownSelector, 14)}`)) },
    { name: 'an HPA with minReplicas 1', code: docs(deployment(app), hpaOf({ min: 1 })) },
    { name: 'replicas absent (1, or owned by an autoscaler)', code: deployment(app) },
    { name: 'one replica', code: deployment(app, '  replicas: 1\n') },
    { name: 'a DaemonSet runs one pod per node anyway', code: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      spec:
        replicas: 5
        template:
          spec:
            containers:
              - name: agent
    ` },
  ],
  invalid: [
    {
      name: 'a spread constraint without labelSelector, an empty preferred list',
      code: withPodSpec('  replicas: 3\n', '      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n          whenUnsatisfiable: ScheduleAnyway\n      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution: []\n'),
      errors: [{ messageId: 'spreadsNothing', data: { kind: 'Deployment', name: 'web', replicas: '3 replicas' }, text: '3' }],
    },
    {
      name: 'anti-affinity on other pods, and on its own pods in another namespace only',
      code: withNamespace(withPodSpec('  replicas: 2\n', `      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            - topologyKey: kubernetes.io/hostname\n              labelSelector:\n                matchLabels: {app: cache}\n            - topologyKey: kubernetes.io/hostname\n              namespaces: [other]\n${indent(ownSelector, 14)}            - topologyKey: kubernetes.io/hostname\n              namespaceSelector:\n                matchLabels: {team: data}\n${indent(ownSelector, 14)}`)),
      errors: [{ messageId: 'spreadsNothing', data: { kind: 'Deployment', name: 'web', replicas: '2 replicas' }, text: '2' }],
    },
    {
      name: 'replicas come from an HPA with minReplicas 3 (in another file): reported on metadata.name',
      code: deployment(app).replace('metadata:\n', 'metadata: # autoscaled\n'),
      files: { 'hpa.yaml': hpaOf({ min: 3 }) },
      errors: [{ messageId: 'unspread', data: { kind: 'Deployment', name: 'web', replicas: 'at least 3 replicas (HorizontalPodAutoscaler "web")' }, text: 'web', line: 4 }],
    },
    {
      name: 'a Deployment with 3 replicas: reported on the value',
      code: deployment(app, '  replicas: 3 # one per zone?\n'),
      errors: [{ messageId: 'unspread', data: { kind: 'Deployment', name: 'web', replicas: '3 replicas' }, text: '3', line: 6, column: 13, severity: 'info' }],
    },
    {
      name: 'only node affinity, and empty spread constraints, do not spread',
      code: withPodSpec('  replicas: 4\n', '      topologySpreadConstraints: []\n      affinity:\n        nodeAffinity: {}\n'),
      errors: [{ messageId: 'unspread', data: { kind: 'Deployment', name: 'web', replicas: '4 replicas' }, line: 6 }],
    },
    {
      name: 'a StatefulSet and a ReplicaSet (extensions/v1beta1) in one file, flow style',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec: {replicas: 3, serviceName: db, template: {spec: {containers: [{name: db}]}}}
        ---
        apiVersion: extensions/v1beta1
        kind: ReplicaSet
        metadata:
          name: rs
        spec:
          replicas: 2
          template:
            spec:
              containers:
                - name: app
      `,
      errors: [
        { messageId: 'unspread', data: { kind: 'StatefulSet', name: 'db', replicas: '3 replicas' }, text: '3', line: 4 },
        { messageId: 'unspread', data: { kind: 'ReplicaSet', name: 'rs', replicas: '2 replicas' }, text: '2', line: 11 },
      ],
    },
  ],
});
