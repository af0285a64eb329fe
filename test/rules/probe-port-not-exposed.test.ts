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
    { name: 'undeclared numbers are probed all the same, in each probe kind (ingress-nginx probes 10254)', code: deployment(`
      - name: app
        ports:
          - containerPort: 80
          - containerPort: 443
        readinessProbe:
          httpGet:
            path: /healthz
            port: 10254
        startupProbe:
          tcpSocket:
            port: "8081"
        livenessProbe:
          grpc:
            port: 9000
    `) },
    { name: 'a port declared for TCP and UDP, second document, a CronJob', code: yaml`
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
                    ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53}]
                    livenessProbe: {tcpSocket: {port: 53}}
    ` },
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
      name: 'ports declared for UDP or SCTP only, by number and by name; a protocol listed once',
      code: deployment(`
        - name: dns
          ports:
            - name: dns
              containerPort: 53
              protocol: UDP
            - name: dns-again
              containerPort: 53
              protocol: UDP
            - name: signal
              containerPort: 3868
              protocol: SCTP
          readinessProbe:
            tcpSocket:
              port: 53
          livenessProbe:
            httpGet:
              path: /health
              port: signal
      `),
      errors: [
        { messageId: 'wrongProtocol', data: { probe: 'readinessProbe', container: 'dns', port: 53, protocols: 'UDP' }, text: '53' },
        { messageId: 'wrongProtocol', data: { probe: 'livenessProbe', container: 'dns', port: 3868, protocols: 'SCTP' }, text: 'signal' },
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
  ],
});
