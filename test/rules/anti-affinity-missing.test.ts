import rule from '../../server/src/rules/availability/anti-affinity-missing';
import { deployment } from '../support/manifests';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

const app = '- name: app\n  image: registry.example.com/app:1.4.2\n';
/** The Deployment with `lines` added to its pod spec, before `containers` (indented 6 spaces). */
const withPodSpec = (replicas: string, lines: string) => deployment(app, replicas).replace('    spec:\n      containers:', `    spec:\n${lines}      containers:`);

runRuleTests(rule, {
  valid: [
    withPodSpec('  replicas: 3\n', '      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n          whenUnsatisfiable: ScheduleAnyway\n'),
    { name: 'preferred pod anti-affinity', code: withPodSpec('  replicas: 2\n', '      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution: []\n') },
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
      name: 'a Deployment with 3 replicas: reported on the value',
      code: deployment(app, '  replicas: 3 # one per zone?\n'),
      errors: [{ messageId: 'unspread', data: { kind: 'Deployment', name: 'web', replicas: 3 }, text: '3', line: 6, column: 13, severity: 'info' }],
    },
    {
      name: 'only node affinity, and empty spread constraints, do not spread',
      code: withPodSpec('  replicas: 4\n', '      topologySpreadConstraints: []\n      affinity:\n        nodeAffinity: {}\n'),
      errors: [{ messageId: 'unspread', data: { kind: 'Deployment', name: 'web', replicas: 4 }, line: 6 }],
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
        { messageId: 'unspread', data: { kind: 'StatefulSet', name: 'db', replicas: 3 }, text: '3', line: 4 },
        { messageId: 'unspread', data: { kind: 'ReplicaSet', name: 'rs', replicas: 2 }, text: '2', line: 11 },
      ],
    },
  ],
});
