import rule from '../../server/src/rules/resources/invalid-quantity';
import { deployment } from '../support/manifests';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

runRuleTests(rule, {
  valid: [
    deployment(`
      - name: app
        resources:
          requests:
            cpu: 0.5
            memory: 129e6
            ephemeral-storage: 2Gi
          limits:
            cpu: "2"
            memory: 129M
            nvidia.com/gpu: 1
    `),
    { name: 'valid storage request', code: yaml`
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: data
      spec:
        resources:
          requests:
            storage: 10Gi
    ` },
  ],
  invalid: [
    {
      name: 'malformed units get a did-you-mean; others a plain message',
      code: deployment(`
        - name: app
          resources:
            requests:
              cpu: 1.5.0
              memory: 512mb
            limits:
              memory: -1
      `),
      errors: [
        { messageId: 'malformed', data: { resource: 'cpu', value: '1.5.0', reason: 'is not a number with an optional unit (e.g. "500m", "2", "512Mi", "1Gi")' }, text: '1.5.0', suggestions: [] },
        { messageId: 'malformed', text: '512mb', suggestions: [{ title: 'Change to 512Mi', output: deployment(`
          - name: app
            resources:
              requests:
                cpu: 1.5.0
                memory: 512Mi
              limits:
                memory: -1
        `) }] },
        { messageId: 'malformed', data: { resource: 'memory', value: '-1', reason: 'is negative; resource amounts cannot be below zero' }, text: '-1' },
      ],
    },
    {
      name: 'milli-bytes on memory is a warning with a fix to Mi',
      code: deployment(`
        - name: app
          resources:
            limits:
              memory: 512m
      `),
      errors: [{
        messageId: 'milliBytes', severity: 'warning', data: { resource: 'memory', value: '512m', amount: '512', suggestion: '512Mi' }, text: '512m',
        suggestions: [{ title: 'Change to 512Mi', output: deployment(`
          - name: app
            resources:
              limits:
                memory: 512Mi
        `) }],
      }],
    },
    {
      name: 'storage requests of claims and claim templates',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          volumeClaimTemplates:
            - metadata:
                name: data
              spec:
                resources:
                  requests:
                    storage: 10 GB
      `,
      errors: [{ messageId: 'malformed', text: '10 GB', suggestions: [{ output: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          volumeClaimTemplates:
            - metadata:
                name: data
              spec:
                resources:
                  requests:
                    storage: 10Gi
      ` }] }],
    },
  ],
});
