import rule from '../../server/src/rules/probes/readiness-probe-missing';
import { deployment } from '../support/manifests';
import { docs, serviceOf, workload } from '../support/objects';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

runRuleTests(rule, {
  valid: [
    { name: 'a misspelt readinessprobe is schema-validation\'s finding (with the spelling as a fix), not a second one here', code: deployment(`
      - name: app
        ports:
          - containerPort: 8080
        readinessprobe:
          httpGet:
            path: /healthz
            port: 8080
    `) },
    deployment(`
      - name: app
        ports:
          - containerPort: 8080
        readinessProbe:
          tcpSocket:
            port: 8080
    `),
    { name: 'no ports declared: nothing says the container serves', code: deployment(`
      - name: worker
        image: worker:1
    `) },
    { name: 'a ports list without containerPort does not count', code: deployment(`
      - name: app
        ports: []
    `) },
    { name: 'Jobs and CronJobs run to completion', code: yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: once
      spec:
        template:
          spec:
            containers:
              - name: job
                ports:
                  - containerPort: 8080
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        schedule: "0 2 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                containers:
                  - name: job
                    ports:
                      - containerPort: 8080
    ` },
    { name: 'bare Pods are left to the Service-based check', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: debug
      spec:
        containers:
          - name: shell
            ports:
              - containerPort: 8080
    ` },
    { name: 'plain init containers never serve', code: yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        template:
          spec:
            initContainers:
              - name: init
                ports:
                  - containerPort: 9000
            containers:
              - name: db
    ` },
    { name: 'a readinessProbe of an odd shape still counts as present', code: deployment(`
      - name: app
        ports: [{containerPort: 80}]
        readinessProbe: {}
    `) },
    // Pods selected by a Service (cross-object, through the workspace index).
    { name: 'a Service in another folder is not certainly in front of these pods', code: workload({ name: 'worker-a' }), files: { 'other/svc.yaml': serviceOf({ selector: { app: 'worker-a' } }) } },
    { name: 'a Service selecting other pods', code: docs(workload({ name: 'worker-b' }), serviceOf()) },
    { name: 'a sidecar without ports, selected by a Service, while the app container\'s readinessProbe gates the pod', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: mesh
      spec:
        replicas: 2
        selector:
          matchLabels: {app: mesh}
        template:
          metadata:
            labels: {app: mesh}
          spec:
            initContainers:
              - name: log-shipper
                image: shipper:2
                restartPolicy: Always
            containers:
              - name: app
                image: app:1
                ports: [{containerPort: 8080}]
                readinessProbe: {tcpSocket: {port: 8080}}
    ` + '---\n' + serviceOf({ name: 'mesh' }) },
    { name: 'Jobs selected by a Service still run to completion', code: docs(workload({ kind: 'Job', name: 'p' }), serviceOf({ name: 'p' })) },
  ],
  invalid: [
    {
      name: 'reported on the container name in a Deployment',
      code: deployment(`
        - name: app
          image: nginx:1.27.0
          ports:
            - name: http
              containerPort: 80
          livenessProbe:
            httpGet:
              path: /
              port: http
      `),
      errors: [{ messageId: 'missing', data: { container: 'app' }, text: 'app', line: 15, column: 17 }],
    },
    {
      name: 'sidecars (restartPolicy: Always init containers) count; every document of a file',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          template:
            spec:
              initContainers:
                - name: setup
                  ports:
                    - containerPort: 7000
                - name: proxy
                  restartPolicy: Always
                  ports:
                    - containerPort: 15001
              containers:
                - name: agent
                  ports:
                    - containerPort: 9100
                  readinessProbe:
                    httpGet:
                      path: /ready
                      port: 9100
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: rs
        spec:
          template:
            spec:
              containers:
                - name: web
                  ports:
                    - containerPort: 8080
      `,
      errors: [
        { messageId: 'missing', data: { container: 'proxy' }, line: 12 },
        { messageId: 'missing', data: { container: 'web' }, line: 33 },
      ],
    },
    {
      name: 'flow style containers and an unnamed container',
      code: yaml`
        apiVersion: v1
        kind: ReplicationController
        metadata:
          name: legacy
        spec:
          template:
            spec:
              containers: [{image: legacy:1, ports: [{containerPort: 80}]}]
      `,
      errors: [{ messageId: 'missing', data: { container: '(unnamed)' }, text: 'image' }],
    },
    {
      name: 'no ports, but a Service in the same file selects the pods',
      code: docs(workload({ name: 'api' }), serviceOf({ name: 'api' })),
      errors: [{ messageId: 'selected', data: { container: 'app', services: '"api"' }, text: 'app', line: 15 }],
    },
    {
      name: 'a sidecar without ports, selected by a Service, and no container gates the pod',
      code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: mesh
      spec:
        replicas: 2
        selector:
          matchLabels: {app: mesh}
        template:
          metadata:
            labels: {app: mesh}
          spec:
            initContainers:
              - name: log-shipper
                image: shipper:2
                restartPolicy: Always
            containers:
              - name: app
                image: app:1
                ports: [{containerPort: 8080}]
    ` + '---\n' + serviceOf({ name: 'mesh' }),
      errors: [
        { messageId: 'selected', data: { container: 'log-shipper', services: '"mesh"' }, text: 'log-shipper' },
        { messageId: 'missing', data: { container: 'app' }, text: 'app' },
      ],
    },
    {
      name: 'a bare Pod selected by a Service in another file',
      code: workload({ kind: 'Pod', name: 'debug', namespace: 'tools' }),
      files: { 'svc.yaml': serviceOf({ name: 'debug', namespace: 'tools' }) },
      errors: [{ messageId: 'selected', data: { container: 'app', services: '"debug"' }, text: 'app' }],
    },
  ],
});
