import rule from '../../server/src/rules/probes/probe-port-not-exposed';
import { deployment } from '../support/manifests';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

runRuleTests(rule, {
  valid: [
    { name: 'named and numbered ports that are declared', code: deployment(`
      - name: app
        ports:
          - name: http
            containerPort: 8080
          - containerPort: 9090
        livenessProbe:
          httpGet:
            path: /live
            port: http
        readinessProbe:
          tcpSocket:
            port: 9090
        startupProbe:
          grpc:
            port: 9090
    `) },
    { name: 'a number is not checked when the container declares no ports', code: deployment(`
      - name: app
        readinessProbe:
          httpGet:
            path: /ready
            port: 8080
    `) },
    { name: 'a probe aimed at another host', code: deployment(`
      - name: app
        ports:
          - containerPort: 8080
        livenessProbe:
          httpGet:
            host: 10.0.0.1
            path: /live
            port: admin
    `) },
    { name: 'exec probes have no port; flow style', code: deployment(`
      - {name: app, ports: [{name: web, containerPort: 80}], readinessProbe: {exec: {command: [true]}}, livenessProbe: {tcpSocket: {port: web}}}
    `) },
  ],
  invalid: [
    {
      name: 'an undeclared name, even without a ports list; reported on the port value',
      code: deployment(`
        - name: app
          livenessProbe:
            httpGet:
              path: /live
              port: http # was renamed
      `),
      errors: [{
        messageId: 'unknownName',
        data: { probe: 'livenessProbe', container: 'app', port: 'http' },
        text: 'http',
        line: 19,
        column: 21,
      }],
    },
    {
      name: 'a number outside the declared ports, in each probe kind',
      code: deployment(`
        - name: app
          ports:
            - containerPort: 8080
            - containerPort: 8443
          readinessProbe:
            httpGet:
              path: /ready
              port: 80
          startupProbe:
            tcpSocket:
              port: "8081"
          livenessProbe:
            grpc:
              port: 8080
      `),
      errors: [
        { messageId: 'notDeclared', data: { probe: 'readinessProbe', container: 'app', port: 80, declared: '8080, 8443' }, text: '80' },
        { messageId: 'notDeclared', data: { probe: 'startupProbe', container: 'app', port: 8081, declared: '8080, 8443' }, text: '"8081"' },
      ],
    },
    {
      name: 'a port of the sidecar, probed from the app container; a name only the sidecar declares',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          template:
            spec:
              initContainers:
                - name: proxy
                  restartPolicy: Always
                  ports:
                    - name: admin
                      containerPort: 15000
              containers:
                - name: db
                  ports:
                    - containerPort: 5432
                  readinessProbe:
                    tcpSocket:
                      port: 15000
                  livenessProbe:
                    httpGet:
                      path: /stats
                      port: admin
      `,
      errors: [
        { messageId: 'otherContainer', data: { probe: 'readinessProbe', container: 'db', port: 15000, owner: 'proxy' }, line: 20 },
        { messageId: 'unknownName', data: { probe: 'livenessProbe', container: 'db', port: 'admin' }, line: 24 },
      ],
    },
    {
      name: 'second document, a CronJob',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: svc
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: report
        spec:
          schedule: "@hourly"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: report
                      ports: [{containerPort: 3000}]
                      livenessProbe: {httpGet: {path: /, port: 3001}}
      `,
      errors: [{ messageId: 'notDeclared', data: { probe: 'livenessProbe', container: 'report', port: 3001, declared: '3000' }, text: '3001', line: 19 }],
    },
  ],
});
