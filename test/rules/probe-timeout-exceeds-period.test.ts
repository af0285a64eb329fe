import rule from '../../server/src/rules/probes/probe-timeout-exceeds-period';
import { deployment } from '../support/manifests';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

runRuleTests(rule, {
  valid: [
    { name: 'defaults (timeout 1, period 10)', code: deployment(`
      - name: app
        livenessProbe:
          tcpSocket:
            port: 80
    `) },
    { name: 'a timeout equal to the period is honoured', code: deployment(`
      - name: app
        readinessProbe:
          exec:
            command: [check]
          periodSeconds: 5
          timeoutSeconds: 5
    `) },
    { name: 'a timeout up to the default period', code: deployment(`
      - name: app
        startupProbe:
          tcpSocket: {port: 80}
          timeoutSeconds: 10
    `) },
    { name: 'a timeout that is not a number is the schema check\'s concern', code: deployment(`
      - name: app
        livenessProbe:
          tcpSocket: {port: 80}
          periodSeconds: 2
          timeoutSeconds: "30"
    `) },
  ],
  invalid: [
    {
      name: 'explicit period: the suggestion raises it to the timeout',
      code: deployment(`
        - name: app
          livenessProbe:
            httpGet:
              path: /live
              port: 8080
            periodSeconds: 5 # fast
            timeoutSeconds: 8
      `),
      errors: [{
        messageId: 'exceeds',
        data: { probe: 'livenessProbe', container: 'app', timeout: 8, period: '5' },
        text: '8',
        line: 21,
        column: 29,
        suggestions: [{
          title: 'Set periodSeconds to 8',
          output: deployment(`
            - name: app
              livenessProbe:
                httpGet:
                  path: /live
                  port: 8080
                periodSeconds: 8 # fast
                timeoutSeconds: 8
          `),
        }],
      }],
    },
    {
      name: 'default period: the suggestion adds periodSeconds',
      code: deployment(`
        - name: app
          readinessProbe:
            timeoutSeconds: 30
            exec:
              command: [/bin/check, --deep]
          livenessProbe:
            tcpSocket:
              port: 8080
      `),
      errors: [{
        messageId: 'exceeds',
        data: { probe: 'readinessProbe', container: 'app', timeout: 30, period: '10 (default)' },
        suggestions: [{
          output: deployment(`
            - name: app
              readinessProbe:
                timeoutSeconds: 30
                exec:
                  command: [/bin/check, --deep]
                periodSeconds: 30
              livenessProbe:
                tcpSocket:
                  port: 8080
          `),
        }],
      }],
    },
    {
      name: 'every probe of a sidecar and a container, second document; no suggestion for a flow probe',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          initContainers:
            - name: proxy
              restartPolicy: Always
              startupProbe: {tcpSocket: {port: 15000}, timeoutSeconds: 12}
          containers:
            - name: app
              readinessProbe:
                tcpSocket:
                  port: 80
                periodSeconds: 1
                timeoutSeconds: 2
      `,
      errors: [
        { messageId: 'exceeds', data: { probe: 'startupProbe', container: 'proxy', timeout: 12, period: '10 (default)' }, text: '12', line: 14, suggestions: [] },
        {
          messageId: 'exceeds',
          data: { probe: 'readinessProbe', container: 'app', timeout: 2, period: '1' },
          line: 21,
          suggestions: [{
            output: yaml`
              apiVersion: v1
              kind: ConfigMap
              metadata:
                name: c
              ---
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                initContainers:
                  - name: proxy
                    restartPolicy: Always
                    startupProbe: {tcpSocket: {port: 15000}, timeoutSeconds: 12}
                containers:
                  - name: app
                    readinessProbe:
                      tcpSocket:
                        port: 80
                      periodSeconds: 2
                      timeoutSeconds: 2
            `,
          }],
        },
      ],
    },
  ],
});
