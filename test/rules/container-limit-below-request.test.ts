import rule from '../../server/src/rules/resources/container-limit-below-request';
import { deployment } from '../support/manifests';
import { runRuleTests } from '../support/rule-tester';

runRuleTests(rule, {
  valid: [
    deployment(`
      - name: app
        resources:
          requests:
            cpu: 500m
            memory: 1Gi
          limits:
            cpu: "0.5"
            memory: 1073741824
    `),
    { name: 'limit without request (the request defaults to the limit)', code: deployment(`
      - name: app
        resources:
          limits:
            memory: 1Mi
    `) },
    { name: 'malformed amounts are left to invalid-quantity', code: deployment(`
      - name: app
        resources:
          requests:
            memory: 2Gb
          limits:
            memory: 1Gi
    `) },
  ],
  invalid: [
    {
      name: 'compares across units (1000Mi < 1Gi) and offers to raise the limit',
      code: deployment(`
        - name: app
          resources:
            requests:
              cpu: 250m
              memory: 1Gi # measured
            limits:
              cpu: 0.1
              memory: 1000Mi
      `),
      errors: [
        { messageId: 'below', data: { resource: 'cpu', limit: '0.1', request: '250m', container: 'app' }, text: '0.1',
          suggestions: [{ title: 'Set the cpu limit to the request (250m)', output: deployment(`
            - name: app
              resources:
                requests:
                  cpu: 250m
                  memory: 1Gi # measured
                limits:
                  cpu: 250m
                  memory: 1000Mi
          `) }] },
        { messageId: 'below', data: { resource: 'memory', limit: '1000Mi', request: '1Gi', container: 'app' }, text: '1000Mi', severity: 'error',
          suggestions: [{ title: 'Set the memory limit to the request (1Gi)', output: deployment(`
            - name: app
              resources:
                requests:
                  cpu: 250m
                  memory: 1Gi # measured
                limits:
                  cpu: 0.1
                  memory: 1Gi
          `) }] },
      ],
    },
  ],
});
