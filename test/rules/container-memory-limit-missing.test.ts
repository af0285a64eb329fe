import rule from '../../server/src/rules/resources/container-memory-limit-missing';
import { deployment } from '../support/manifests';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

runRuleTests(rule, {
  valid: [
    deployment(`
      - name: app
        resources:
          limits:
            memory: 256Mi
    `),
    { name: 'not a Kubernetes object', code: yaml`
      containers:
        - name: app
    ` },
    { name: 'a CRD named Deployment in another group', code: yaml`
      apiVersion: example.com/v1
      kind: Deployment
      spec:
        template:
          spec:
            containers:
              - name: app
    ` },
  ],
  invalid: [
    {
      name: 'adds requests and a memory limit when resources are missing, keeping comments',
      code: deployment(`
        - name: app # the main container
          image: nginx:1.27.0
          # ports follow
          ports:
            - containerPort: 80
      `),
      errors: [{ messageId: 'missing', data: { container: 'app' }, text: 'app', line: 15, column: 17 }],
      output: deployment(`
        - name: app # the main container
          image: nginx:1.27.0
          # ports follow
          ports:
            - containerPort: 80
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 128Mi
      `),
    },
    {
      name: 'adds only the limit when requests exist, never below the request',
      code: deployment(`
        - name: app
          resources:
            requests:
              cpu: 250m
              memory: 512Mi
      `),
      errors: [{ messageId: 'missing', text: 'app' }],
      output: deployment(`
        - name: app
          resources:
            requests:
              cpu: 250m
              memory: 512Mi
            limits:
              memory: 512Mi
      `),
    },
    {
      name: 'adds to an existing limits mapping at its own indentation (4 spaces)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
            name: p
        spec:
            containers:
            -   name: app
                resources:
                    requests:
                        cpu: 100m
                        memory: 64Mi
                    limits:
                        cpu: 200m
      `,
      errors: [{ messageId: 'missing', text: 'app' }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
            name: p
        spec:
            containers:
            -   name: app
                resources:
                    requests:
                        cpu: 100m
                        memory: 64Mi
                    limits:
                        cpu: 200m
                        memory: 128Mi
      `,
    },
    {
      name: 'uses configured defaults',
      settings: { defaults: { memoryLimit: '1Gi', memoryRequest: '1Gi', cpuRequest: '500m' } },
      code: yaml`
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
                  initContainers:
                    - name: migrate
                      image: migrate:2
                      resources:
                        requests:
                          cpu: 50m
                          memory: 1Gi
                        limits:
                          memory: 1Gi
                  containers:
                    - name: job
                      image: job:1
      `,
      errors: [{ messageId: 'missing', data: { container: 'job' } }],
      output: yaml`
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
                  initContainers:
                    - name: migrate
                      image: migrate:2
                      resources:
                        requests:
                          cpu: 50m
                          memory: 1Gi
                        limits:
                          memory: 1Gi
                  containers:
                    - name: job
                      image: job:1
                      resources:
                        requests:
                          cpu: 500m
                          memory: 1Gi
                        limits:
                          memory: 1Gi
      `,
    },
    {
      name: 'no fix for flow-style containers, finding still reported; CRLF kept elsewhere',
      code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers: [{name: app, image: x}]\r\n',
      errors: [{ messageId: 'missing', text: 'app' }],
    },
    {
      name: 'every document of a multi-document file, StatefulSet and DaemonSet alike',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          template:
            spec:
              containers:
                - name: db
                  resources:
                    limits:
                      memory: 1Gi
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
                  resources:
                    requests:
                      cpu: 10m
                      memory: 32Mi
      `,
      errors: [{ messageId: 'missing', data: { container: 'agent' }, line: 22 }],
      output: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          template:
            spec:
              containers:
                - name: db
                  resources:
                    limits:
                      memory: 1Gi
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
                  resources:
                    requests:
                      cpu: 10m
                      memory: 32Mi
                    limits:
                      memory: 128Mi
      `,
    },
  ],
});
