import rule from '../../server/src/rules/availability/prestop-exceeds-grace-period';
import { deployment } from '../support/manifests';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

/** A container `app` whose preStop hook is `hook` (written at column 0, under `preStop:`). */
const withHook = (hook: string) => `- name: app\n  lifecycle:\n    preStop:\n${hook.replace(/^/gm, '      ')}`;

runRuleTests(rule, {
  valid: [
    deployment(withHook('exec:\n  command: ["sh", "-c", "sleep 10"]\n')),
    { name: 'sleep below an explicit grace period', code: deployment(withHook('sleep:\n  seconds: 59\n')).replace('    spec:\n      containers:', '    spec:\n      terminationGracePeriodSeconds: 60\n      containers:') },
    { name: 'an HTTP hook takes an unknown time', code: deployment(withHook('httpGet:\n  path: /drain\n  port: 8080\n')) },
    { name: 'a script without a sleep', code: deployment(withHook('exec:\n  command: ["/bin/sh", "-c", "nginx -s quit; wait 40"]\n')) },
    { name: '"sleeping 99" is not a sleep command', code: deployment(withHook('exec:\n  command: ["sh", "-c", "echo sleeping 99; sleep 5"]\n')) },
    { name: 'a plain init container cannot have a preStop hook of its own', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        initContainers:
          - name: init
            lifecycle:
              preStop:
                sleep:
                  seconds: 90
        containers:
          - name: app
    ` },
  ],
  invalid: [
    {
      name: 'a shell sleep at the default 30s: the number is underlined, the key added to the pod spec',
      code: deployment(withHook('exec:\n  # give the load balancer time\n  command: ["sh", "-c", "sleep 30 && nginx -s quit"]\n')),
      errors: [{ messageId: 'exceeds', data: { container: 'app', sleep: 30, grace: 30, defaulted: ' (the default)' }, text: '30', line: 20, column: 46, severity: 'warning' }],
      output: deployment(withHook('exec:\n  # give the load balancer time\n  command: ["sh", "-c", "sleep 30 && nginx -s quit"]\n')).replace('    spec:\n      containers:', '    spec:\n      terminationGracePeriodSeconds: 45\n      containers:'),
    },
    {
      name: 'the sleep action above an explicit grace period: the value is replaced, comments kept',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          terminationGracePeriodSeconds: 20 # short
          containers:
            - name: app
              lifecycle:
                preStop:
                  sleep:
                    seconds: 25
      `,
      errors: [{ messageId: 'exceeds', data: { container: 'app', sleep: 25, grace: 20, defaulted: '' }, text: '25', line: 12, column: 22 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          terminationGracePeriodSeconds: 40 # short
          containers:
            - name: app
              lifecycle:
                preStop:
                  sleep:
                    seconds: 25
      `,
    },
    {
      name: 'two containers: one fix covers the longest sleep (/bin/sleep with a unit, and a sidecar)',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          template:
            spec:
              terminationGracePeriodSeconds: 60
              initContainers:
                - name: proxy
                  restartPolicy: Always
                  lifecycle:
                    preStop:
                      exec:
                        command:
                          - /bin/sleep
                          - 2m
              containers:
                - name: db
                  lifecycle:
                    preStop:
                      exec:
                        command: [sleep, "60"]
      `,
      errors: [
        { messageId: 'exceeds', data: { container: 'proxy', sleep: 120, grace: 60, defaulted: '' }, text: '2m', line: 17 },
        { messageId: 'exceeds', data: { container: 'db', sleep: 60, grace: 60, defaulted: '' }, text: '"60"', line: 23 },
      ],
      output: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          template:
            spec:
              terminationGracePeriodSeconds: 135
              initContainers:
                - name: proxy
                  restartPolicy: Always
                  lifecycle:
                    preStop:
                      exec:
                        command:
                          - /bin/sleep
                          - 2m
              containers:
                - name: db
                  lifecycle:
                    preStop:
                      exec:
                        command: [sleep, "60"]
      `,
    },
    {
      name: 'an escape in a quoted script: the whole scalar is underlined',
      code: deployment(withHook('exec:\n  command: ["sh", "-c", "sleep\\t31"]\n')),
      errors: [{ messageId: 'exceeds', text: '"sleep\\t31"' }],
      output: deployment(withHook('exec:\n  command: ["sh", "-c", "sleep\\t31"]\n')).replace('    spec:\n      containers:', '    spec:\n      terminationGracePeriodSeconds: 46\n      containers:'),
    },
    {
      name: 'flow-style pod spec without the key: reported, no fix',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: q
        spec: {containers: [{name: app, lifecycle: {preStop: {exec: {command: [bash, -c, "sleep 45"]}}}}]}
      `,
      errors: [{ messageId: 'exceeds', data: { container: 'app', sleep: 45, grace: 30, defaulted: ' (the default)' }, text: '45', line: 10 }],
    },
    {
      name: 'a folded script: the number is found in the source',
      code: deployment(withHook('exec:\n  command:\n    - sh\n    - -c\n    - >-\n      sleep\n      40\n')),
      errors: [{ messageId: 'exceeds', data: { container: 'app', sleep: 40, grace: 30, defaulted: ' (the default)' }, text: '40', line: 24 }],
      // Block style throughout, so the key is appended at the end of the pod spec.
      output: `${deployment(withHook('exec:\n  command:\n    - sh\n    - -c\n    - >-\n      sleep\n      40\n'))}      terminationGracePeriodSeconds: 55\n`,
    },
  ],
});
