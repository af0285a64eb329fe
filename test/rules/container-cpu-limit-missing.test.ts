import rule from '../../server/src/rules/resources/container-cpu-limit-missing';
import { deployment } from '../support/manifests';
import { runRuleTests } from '../support/rule-tester';

runRuleTests(rule, {
  valid: [
    deployment(`
      - name: app
        resources:
          limits:
            cpu: 2
    `),
  ],
  invalid: [
    {
      name: 'info by default; the suggestion adds one core, never below the request (a guessed CPU limit is never applied unasked)',
      code: deployment(`
        - name: app
          resources:
            requests:
              cpu: 1500m
              memory: 1Gi
            limits:
              memory: 1Gi
      `),
      errors: [{
        messageId: 'missing',
        data: { container: 'app' },
        severity: 'info',
        suggestions: [{
          title: 'Add resource limits, including a CPU limit',
          output: deployment(`
            - name: app
              resources:
                requests:
                  cpu: 1500m
                  memory: 1Gi
                limits:
                  memory: 1Gi
                  cpu: 1500m
          `),
        }],
      }],
    },
    {
      name: 'severity follows settings; configured default CPU limit',
      settings: { rules: { 'container-cpu-limit-missing': 'error' }, defaults: { cpuLimit: '2' } },
      code: deployment(`
        - name: app
          resources:
            requests:
              cpu: 100m
              memory: 1Gi
            limits:
              memory: 1Gi
      `),
      errors: [{ messageId: 'missing', severity: 'error' }],
      output: deployment(`
        - name: app
          resources:
            requests:
              cpu: 100m
              memory: 1Gi
            limits:
              memory: 1Gi
              cpu: "2"
      `),
    },
  ],
});
