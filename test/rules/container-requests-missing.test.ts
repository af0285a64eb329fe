import rule from '../../server/src/rules/resources/container-requests-missing';
import { deployment } from '../support/manifests';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

runRuleTests(rule, {
  valid: [
    deployment(`
      - name: app
        resources:
          requests:
            cpu: "0.5"
            memory: 129e6
    `),
    { name: 'templated files are not manifests', code: deployment(`
      - name: app
        image: "{{ .Values.image }}"
    `) },
    { name: 'kustomize and tool configs are not cluster objects', code: yaml`
      apiVersion: kind.x-k8s.io/v1alpha4
      kind: Cluster
      spec:
        template:
          spec:
            containers:
              - name: app
    ` },
  ],
  invalid: [
    {
      name: 'both requests missing; sidecar init container counts too',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          initContainers:
            - name: proxy
              restartPolicy: Always
              resources:
                requests:
                  cpu: 10m
          containers:
            - name: app
              resources: {}
      `,
      errors: [
        { messageId: 'missing', data: { container: 'proxy', missing: 'memory' }, line: 7, column: 13 },
        { messageId: 'missing', data: { container: 'app', missing: 'CPU or memory' }, line: 13, column: 13 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          initContainers:
            - name: proxy
              restartPolicy: Always
              resources:
                requests:
                  cpu: 10m
                  memory: 128Mi
                limits:
                  memory: 128Mi
          containers:
            - name: app
              resources: {}
      `,
    },
    {
      name: 'a memory request inserted next to a lower memory limit never exceeds it (container-limit-below-request stays quiet)',
      code: deployment(`
        - name: small
          resources:
            limits:
              memory: 64Mi
      `),
      errors: [{ messageId: 'missing', data: { container: 'small', missing: 'CPU' }, text: 'small' }],
      output: deployment(`
        - name: small
          resources:
            limits:
              memory: 64Mi
            requests:
              cpu: 100m
              memory: 64Mi
      `),
    },
    {
      name: 'a CPU request inserted next to a lower CPU limit never exceeds it',
      code: deployment(`
        - name: small
          resources:
            limits:
              cpu: 50m
      `),
      errors: [{ messageId: 'missing', data: { container: 'small', missing: 'memory' }, text: 'small' }],
      output: deployment(`
        - name: small
          resources:
            limits:
              cpu: 50m
              memory: 128Mi
            requests:
              cpu: 50m
              memory: 128Mi
      `),
    },
    {
      name: 'unnamed container is reported on its first key',
      code: deployment(`
        - image: nginx:1.27.0
          resources:
            requests:
              memory: 64Mi
      `),
      errors: [{ messageId: 'missing', data: { container: '(unnamed)', missing: 'CPU' }, text: 'image' }],
      output: deployment(`
        - image: nginx:1.27.0
          resources:
            requests:
              memory: 64Mi
              cpu: 100m
            limits:
              memory: 128Mi
      `),
    },
    {
      name: 'suppressed by annotation for one rule only, and by a disable comment',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: quiet
          annotations:
            kube-guardrails.io/ignore: "container-memory-limit-missing"
        spec:
          template:
            spec:
              containers:
                # kube-guardrails-disable-next-line container-requests-missing -- measured later
                - name: a
                  image: a:1
                - name: b
                  image: b:1
      `,
      errors: [{ messageId: 'missing', data: { container: 'b', missing: 'CPU or memory' }, line: 14 }],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: quiet
          annotations:
            kube-guardrails.io/ignore: "container-memory-limit-missing"
        spec:
          template:
            spec:
              containers:
                # kube-guardrails-disable-next-line container-requests-missing -- measured later
                - name: a
                  image: a:1
                - name: b
                  image: b:1
                  resources:
                    requests:
                      cpu: 100m
                      memory: 128Mi
                    limits:
                      memory: 128Mi
      `,
    },
  ],
});
