import rule from '../../server/src/rules/probes/liveness-before-readiness';
import { deployment } from '../support/manifests';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

runRuleTests(rule, {
  valid: [
    { name: 'both start at once (defaults)', code: deployment(`
      - name: app
        readinessProbe:
          tcpSocket: {port: 80}
        livenessProbe:
          tcpSocket: {port: 80}
    `) },
    { name: 'liveness waits at least as long as readiness', code: deployment(`
      - name: app
        readinessProbe:
          tcpSocket: {port: 80}
          initialDelaySeconds: 30
        livenessProbe:
          tcpSocket: {port: 80}
          initialDelaySeconds: 30
    `) },
    { name: 'a startup probe covers start-up', code: deployment(`
      - name: app
        startupProbe:
          tcpSocket: {port: 80}
          failureThreshold: 30
        readinessProbe:
          tcpSocket: {port: 80}
          initialDelaySeconds: 60
        livenessProbe:
          tcpSocket: {port: 80}
    `) },
    { name: 'no readiness probe to compare with', code: deployment(`
      - name: app
        livenessProbe:
          tcpSocket: {port: 80}
          initialDelaySeconds: 5
    `) },
  ],
  invalid: [
    {
      name: 'restarted before readiness ever checks: warning, suggestion copies the httpGet check',
      code: deployment(`
        - name: app
          ports:
            - containerPort: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: 8080
            initialDelaySeconds: 60
          livenessProbe:
            httpGet:
              path: /live # cheap
              port: 8080
          resources: {}
      `),
      errors: [{
        messageId: 'restartsFirst',
        data: { container: 'app', restart: 30, readyDelay: 60 },
        text: 'livenessProbe',
        line: 23,
        column: 11,
        severity: 'warning',
        suggestions: [{
          title: 'Add a startupProbe allowing 90 s to start',
          output: deployment(`
            - name: app
              ports:
                - containerPort: 8080
              readinessProbe:
                httpGet:
                  path: /ready
                  port: 8080
                initialDelaySeconds: 60
              livenessProbe:
                httpGet:
                  path: /live # cheap
                  port: 8080
              resources: {}
              startupProbe:
                httpGet:
                  path: /live # cheap
                  port: 8080
                periodSeconds: 10
                failureThreshold: 9
          `),
        }],
      }],
    },
    {
      name: 'checks early but outlasts the delay: info; keeps the liveness timeout and its own threshold',
      code: deployment(`
        - name: app
          livenessProbe:
            exec:
              command:
                - /bin/alive
                - --quick
            initialDelaySeconds: 5
            timeoutSeconds: 3
            failureThreshold: 4
          readinessProbe:
            exec:
              command: [/bin/ready]
            initialDelaySeconds: 25
      `),
      errors: [{
        messageId: 'checksEarly',
        data: { container: 'app', liveDelay: 5, readyDelay: 25 },
        severity: 'info',
        suggestions: [{
          title: 'Add a startupProbe allowing 70 s to start',
          output: deployment(`
            - name: app
              livenessProbe:
                exec:
                  command:
                    - /bin/alive
                    - --quick
                initialDelaySeconds: 5
                timeoutSeconds: 3
                failureThreshold: 4
              readinessProbe:
                exec:
                  command: [/bin/ready]
                initialDelaySeconds: 25
              startupProbe:
                exec:
                  command:
                    - /bin/alive
                    - --quick
                timeoutSeconds: 3
                periodSeconds: 10
                failureThreshold: 7
          `),
        }],
      }],
    },
    {
      name: '4-space indentation with the liveness probe as the first key of a sidecar; CRLF line ends',
      code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: p\r\nspec:\r\n    initContainers:\r\n    -   livenessProbe:\r\n            grpc:\r\n                port: 9000\r\n        name: proxy\r\n        restartPolicy: Always\r\n        readinessProbe:\r\n            grpc:\r\n                port: 9000\r\n            initialDelaySeconds: 45\r\n    containers:\r\n    -   name: app\r\n',
      errors: [{
        messageId: 'restartsFirst',
        data: { container: 'proxy', restart: 30, readyDelay: 45 },
        line: 7,
        column: 9,
        suggestions: [{
          output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: p\r\nspec:\r\n    initContainers:\r\n    -   livenessProbe:\r\n            grpc:\r\n                port: 9000\r\n        name: proxy\r\n        restartPolicy: Always\r\n        readinessProbe:\r\n            grpc:\r\n                port: 9000\r\n            initialDelaySeconds: 45\r\n        startupProbe:\r\n            grpc:\r\n                port: 9000\r\n            periodSeconds: 10\r\n            failureThreshold: 8\r\n    containers:\r\n    -   name: app\r\n',
        }],
      }],
    },
    {
      name: 'flow-style liveness probe: reported, no suggestion; second document of a StatefulSet',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: db
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          template:
            spec:
              containers:
                - name: db
                  readinessProbe: {tcpSocket: {port: 5432}, initialDelaySeconds: 40}
                  livenessProbe: {tcpSocket: {port: 5432}}
      `,
      errors: [{ messageId: 'restartsFirst', data: { container: 'db', restart: 30, readyDelay: 40 }, text: 'livenessProbe', line: 16, suggestions: [] }],
    },
  ],
});
