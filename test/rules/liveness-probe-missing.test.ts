import rule from '../../server/src/rules/probes/liveness-probe-missing';
import { deployment } from '../support/manifests';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

runRuleTests(rule, {
  valid: [
    { name: 'a misspelt livenessprobe is schema-validation\'s finding (with the spelling as a fix), not a second one here', code: deployment(`
      - name: app
        ports:
          - containerPort: 8080
        livenessprobe:
          httpGet:
            path: /healthz
            port: 8080
    `) },
    deployment(`
      - name: app
        livenessProbe:
          exec:
            command: [cat, /tmp/alive]
    `),
    { name: 'Jobs and CronJobs finish on their own', code: yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: once
      spec:
        template:
          spec:
            containers:
              - name: job
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        schedule: "*/5 * * * *"
        jobTemplate:
          spec:
            template:
              spec:
                containers:
                  - name: job
    ` },
    { name: 'bare Pods and plain init containers are out of scope', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: debug
      spec:
        containers:
          - name: shell
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            initContainers:
              - name: migrate
            containers:
              - name: app
                livenessProbe:
                  tcpSocket:
                    port: 80
    ` },
    { name: 'flow-style probe', code: deployment(`
      - {name: app, livenessProbe: {tcpSocket: {port: 80}}}
    `) },
  ],
  invalid: [
    {
      name: 'reported on the container name, ports or not',
      code: deployment(`
        - name: app # main
          image: nginx:1.27.0
          readinessProbe:
            httpGet:
              path: /
              port: 80
      `),
      errors: [{ messageId: 'missing', data: { container: 'app' }, text: 'app', line: 15, column: 17, severity: 'info' }],
    },
    {
      name: 'StatefulSet sidecar and app container, not the plain init container',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          template:
            spec:
              initContainers:
                - name: init-perms
                - name: log-shipper
                  restartPolicy: Always
              containers:
                - name: db
      `,
      errors: [
        { messageId: 'missing', data: { container: 'log-shipper' }, text: 'log-shipper', line: 10 },
        { messageId: 'missing', data: { container: 'db' }, text: 'db', line: 13 },
      ],
    },
    {
      name: 'second document of a file, with the user-set severity',
      settings: { rules: { 'liveness-probe-missing': 'warning' } },
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          template:
            spec:
              containers:
                - name: agent
      `,
      errors: [{ messageId: 'missing', data: { container: 'agent' }, line: 14, severity: 'warning' }],
    },
  ],
});
