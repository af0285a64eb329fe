import rule from '../../server/src/rules/schema/schema-validation';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

const POD = (ports: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n${ports}`;

const JOB = yaml`
  apiVersion: batch/v1
  kind: Job
  metadata:
    name: migrate
  spec:
    template:
      spec:
        containers:
          - name: migrate
            image: registry.example.com/migrate:1.0
`;

const CRONJOB_ALWAYS = yaml`
  apiVersion: batch/v1
  kind: CronJob
  metadata:
    name: nightly
  spec:
    schedule: "0 3 * * *"
    jobTemplate:
      spec:
        template:
          spec:
            restartPolicy: Always
            containers:
              - name: report
                image: registry.example.com/report:1.0
`;

const PDB_BOTH = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: p\nspec:\n  minAvailable: 1\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: web\n';

const SPREAD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    topologySpreadConstraints:
      - maxSkew: 0
        minDomains: 0
        topologyKey: topology.kubernetes.io/zone
        whenUnsatisfiable: DoNotSchedule
        labelSelector:
          matchLabels:
            app: web
    containers:
      - name: app
        image: nginx:1.27
`;

runRuleTests(rule, {
  valid: [
    { name: 'ports in range with valid, distinct names', code: POD('        - containerPort: 8080\n          name: http\n        - containerPort: 65535\n          hostPort: 1\n          name: metrics-2\n') },
    { name: 'a Job with restartPolicy OnFailure or Never', code: JOB.replace('    spec:\n      containers', '    spec:\n      restartPolicy: Never\n      containers') },
    { name: 'a PDB with one budget', code: PDB_BOTH.replace('  maxUnavailable: 1\n', '') },
  ],
  invalid: [
    {
      name: 'container and host ports outside 1–65535',
      code: POD('        - containerPort: 0\n        - containerPort: 80\n          hostPort: 70000\n'),
      errors: [
        { messageId: 'invalidValue', data: { detail: 'containerPort 0 is outside 1–65535.' }, text: '0' },
        { messageId: 'invalidValue', data: { detail: 'hostPort 70000 is outside 1–65535.' }, text: '70000' },
      ],
    },
    {
      name: 'port names: too long, no letter, bad characters, double dash, used twice',
      code: POD('        - containerPort: 1\n          name: very-long-port-name\n        - containerPort: 2\n          name: "8080"\n        - containerPort: 3\n          name: Http\n        - containerPort: 4\n          name: a--b\n        - containerPort: 5\n          name: web\n        - containerPort: 6\n          name: web\n'),
      errors: [
        { messageId: 'invalidValue', data: { detail: 'Port name "very-long-port-name" is longer than 15 characters.' }, text: 'very-long-port-name' },
        { messageId: 'invalidValue', data: { detail: 'Port name "8080" needs at least one letter.' }, text: '"8080"' },
        { messageId: 'invalidValue', data: { detail: 'Port name "Http" may hold only lowercase letters, digits and \'-\'.' }, text: 'Http' },
        { messageId: 'invalidValue', data: { detail: 'Port name "a--b" may not start or end with \'-\' or hold \'--\'.' }, text: 'a--b' },
        { messageId: 'invalidValue', data: { detail: 'Port name "web" is used twice in this container.' }, text: 'web', line: 21 },
      ],
    },
    {
      name: 'a Job without restartPolicy: on the template spec key, adding OnFailure is suggested (Never is the other choice)',
      code: JOB,
      errors: [{ messageId: 'missingField', text: 'spec', line: 7, suggestions: [{ title: 'Add restartPolicy: OnFailure', output: JOB.replace('          image: registry.example.com/migrate:1.0\n', '          image: registry.example.com/migrate:1.0\n      restartPolicy: OnFailure\n') }] }],
    },
    {
      name: 'a CronJob job template with restartPolicy Always: set OnFailure',
      code: CRONJOB_ALWAYS,
      errors: [{ messageId: 'invalidValue', text: 'Always', suggestions: [{ title: 'Change to OnFailure', output: CRONJOB_ALWAYS.replace('restartPolicy: Always', 'restartPolicy: OnFailure') }] }],
    },
    {
      name: 'a PDB with both minAvailable and maxUnavailable',
      code: PDB_BOTH,
      errors: [{ messageId: 'invalidValue', data: { detail: 'minAvailable and maxUnavailable cannot both be set; keep one.' }, text: 'maxUnavailable' }],
    },
    {
      name: 'topology spread maxSkew and minDomains below 1',
      code: SPREAD,
      errors: [
        { messageId: 'invalidValue', data: { detail: 'maxSkew must be at least 1, got 0.' }, text: '0', line: 7 },
        { messageId: 'invalidValue', data: { detail: 'minDomains must be at least 1, got 0.' }, text: '0', line: 8 },
      ],
    },
  ],
});
