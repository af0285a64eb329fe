import rule from '../../server/src/rules/autoscaling/hpa-min-equals-max';
import { hpa } from '../support/autoscaling';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

runRuleTests(rule, {
  valid: [
    hpa('autoscaling/v2', '    minReplicas: 2\n    maxReplicas: 10\n'),
    { name: 'default minReplicas below maxReplicas', code: hpa('autoscaling/v1', '    maxReplicas: 5\n') },
    { name: 'crossed bounds are hpa-min-exceeds-max\'s concern', code: hpa('autoscaling/v2', '    minReplicas: 6\n    maxReplicas: 3\n') },
    { name: 'maxReplicas missing', code: hpa('autoscaling/v2', '    minReplicas: 1\n') },
  ],
  invalid: [
    {
      name: 'reports on the maxReplicas value',
      code: hpa('autoscaling/v2', '    minReplicas: 3\n    maxReplicas: 3 # pinned\n'),
      errors: [{ messageId: 'noRange', data: { replicas: 3 }, text: '3', line: 11, column: 16, severity: 'info' }],
    },
    {
      name: 'maxReplicas 1 with the default minReplicas (autoscaling/v2beta2)',
      code: hpa('autoscaling/v2beta2', '    maxReplicas: 1\n'),
      errors: [{ messageId: 'noRange', data: { replicas: 1 }, text: '1', line: 10 }],
    },
    {
      name: 'flow style, second document',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        ---
        apiVersion: autoscaling/v1
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec: {scaleTargetRef: {kind: Deployment, name: web}, minReplicas: 5, maxReplicas: 5}
      `,
      errors: [{ messageId: 'noRange', data: { replicas: 5 }, line: 8, column: 84 }],
    },
  ],
});
