import rule from '../../server/src/rules/autoscaling/hpa-min-exceeds-max';
import { hpa } from '../support/autoscaling';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

runRuleTests(rule, {
  valid: [
    hpa('autoscaling/v2', '    minReplicas: 2\n    maxReplicas: 10\n'),
    { name: 'equal bounds are another rule\'s concern', code: hpa('autoscaling/v1', '    minReplicas: 4\n    maxReplicas: 4\n') },
    { name: 'the default minReplicas (1) never exceeds a valid max', code: hpa('autoscaling/v2beta2', '    maxReplicas: 1\n') },
    { name: 'a quoted number is not a number; the schema check reports it', code: hpa('autoscaling/v2', '    minReplicas: "9"\n    maxReplicas: 3\n') },
    { name: 'another group\'s kind of the same name', code: hpa('example.com/v1', '    minReplicas: 9\n    maxReplicas: 3\n') },
  ],
  invalid: [
    {
      name: 'swaps the two values, keeping comments',
      code: hpa('autoscaling/v2', '    minReplicas: 10 # floor\n    # ceiling next\n    maxReplicas: 3\n'),
      errors: [{ messageId: 'minAboveMax', data: { min: 10, max: 3 }, text: '10', line: 10, column: 16, severity: 'error' }],
      output: hpa('autoscaling/v2', '    minReplicas: 3 # floor\n    # ceiling next\n    maxReplicas: 10\n'),
    },
    {
      name: 'autoscaling/v1 with maxReplicas written first',
      code: hpa('autoscaling/v1', '    maxReplicas: 2\n    minReplicas: 5\n    targetCPUUtilizationPercentage: 70\n'),
      errors: [{ messageId: 'minAboveMax', data: { min: 5, max: 2 }, text: '5', line: 11 }],
      output: hpa('autoscaling/v1', '    maxReplicas: 5\n    minReplicas: 2\n    targetCPUUtilizationPercentage: 70\n'),
    },
    {
      name: 'flow-style spec: swapping two scalars is still a safe, exact edit',
      code: yaml`
        apiVersion: autoscaling/v2beta1
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec: {scaleTargetRef: {kind: Deployment, name: web}, minReplicas: 8, maxReplicas: 4}
      `,
      errors: [{ messageId: 'minAboveMax', text: '8', line: 4 }],
      output: yaml`
        apiVersion: autoscaling/v2beta1
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec: {scaleTargetRef: {kind: Deployment, name: web}, minReplicas: 4, maxReplicas: 8}
      `,
    },
    {
      name: 'only the offending document of a multi-document file',
      code: `${hpa('autoscaling/v2', '    minReplicas: 2\n    maxReplicas: 6\n')}---\n${hpa('autoscaling/v2', '    minReplicas: 0x10\n    maxReplicas: 12\n')}`,
      errors: [{ messageId: 'minAboveMax', data: { min: 16, max: 12 }, text: '0x10', line: 22 }],
      output: `${hpa('autoscaling/v2', '    minReplicas: 2\n    maxReplicas: 6\n')}---\n${hpa('autoscaling/v2', '    minReplicas: 12\n    maxReplicas: 0x10\n')}`,
    },
  ],
});
