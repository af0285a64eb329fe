import rule from '../../server/src/rules/probes/probes-identical';
import { deployment } from '../support/manifests';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

runRuleTests(rule, {
  valid: [
    { name: 'different paths', code: deployment(`
      - name: app
        readinessProbe:
          httpGet: {path: /ready, port: 8080}
        livenessProbe:
          httpGet: {path: /live, port: 8080}
    `) },
    { name: 'same path on different ports', code: deployment(`
      - name: app
        readinessProbe:
          httpGet:
            path: /health
            port: 8080
        livenessProbe:
          httpGet:
            path: /health
            port: 8081
    `) },
    { name: 'different handler types on one port', code: deployment(`
      - name: app
        readinessProbe:
          httpGet:
            path: /ready
            port: 8080
        livenessProbe:
          tcpSocket:
            port: 8080
    `) },
    { name: 'different exec commands and different gRPC services', code: deployment(`
      - name: app
        readinessProbe:
          exec:
            command: [check, --deep]
        livenessProbe:
          exec:
            command: [check]
      - name: rpc
        readinessProbe:
          grpc:
            port: 9000
            service: ready
        livenessProbe:
          grpc:
            port: 9000
    `) },
    { name: 'only one of the two probes', code: deployment(`
      - name: app
        livenessProbe:
          httpGet:
            path: /health
            port: 8080
        startupProbe:
          httpGet:
            path: /health
            port: 8080
    `) },
  ],
  invalid: [
    {
      name: 'same httpGet, the port once by name and once by number; reported on the livenessProbe key',
      code: deployment(`
        - name: app
          ports:
            - name: http
              containerPort: 8080
          livenessProbe:
            httpGet:
              path: /health
              port: http
            failureThreshold: 5
          readinessProbe:
            httpGet:
              path: /health
              port: 8080
      `),
      errors: [{
        messageId: 'identicalHttp',
        data: { container: 'app', handler: 'httpGet /health on port http' },
        text: 'livenessProbe',
        line: 19,
        column: 11,
      }],
    },
    {
      name: 'a missing path is the root path',
      code: deployment(`
        - name: app
          readinessProbe:
            httpGet:
              port: 80
          livenessProbe:
            httpGet:
              path: /
              port: 80
      `),
      errors: [{ messageId: 'identicalHttp', data: { container: 'app', handler: 'httpGet / on port 80' } }],
    },
    {
      name: 'tcpSocket, exec and grpc handlers across a multi-document file',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: cache
        spec:
          containers:
            - name: redis
              livenessProbe:
                tcpSocket:
                  port: 6379
              readinessProbe:
                tcpSocket:
                  port: 6379
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          template:
            spec:
              initContainers:
                - name: backup-agent
                  restartPolicy: Always
                  livenessProbe:
                    exec:
                      command: ["pg_isready", "-q"]
                  readinessProbe:
                    exec:
                      command:
                        - pg_isready
                        - -q
              containers:
                - name: rpc
                  livenessProbe: {grpc: {port: 9000}}
                  readinessProbe: {grpc: {port: 9000, service: ""}}
      `,
      errors: [
        { messageId: 'identicalTcp', data: { container: 'redis', handler: 'tcpSocket on port 6379' }, line: 8 },
        { messageId: 'identicalExec', data: { container: 'backup-agent', handler: 'exec `pg_isready -q`' }, line: 25 },
        { messageId: 'identicalGrpc', data: { container: 'rpc', handler: 'grpc on port 9000' }, text: 'livenessProbe', line: 35 },
      ],
    },
  ],
});
