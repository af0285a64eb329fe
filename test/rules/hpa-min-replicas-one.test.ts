import rule from '../../server/src/rules/autoscaling/hpa-min-replicas-one';
import { hpa } from '../support/autoscaling';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

runRuleTests(rule, {
  valid: [
    hpa('autoscaling/v2', '    minReplicas: 2\n    maxReplicas: 10\n'),
    { name: 'scale to zero is a deliberate choice, not this rule\'s', code: hpa('autoscaling/v2', '    minReplicas: 0\n    maxReplicas: 10\n') },
    { name: 'not an HPA', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        minReplicas: 1
    ` },
  ],
  invalid: [
    {
      name: 'explicit 1: reported on the value',
      code: hpa('autoscaling/v2', '    minReplicas: 1\n    maxReplicas: 10\n'),
      errors: [{ messageId: 'explicit', text: '1', line: 10, column: 16, severity: 'info' }],
    },
    {
      name: 'absent: defaults to 1, reported on the spec key',
      code: hpa('autoscaling/v1', '    maxReplicas: 10\n    targetCPUUtilizationPercentage: 60\n'),
      errors: [{ messageId: 'defaulted', text: 'spec', line: 5, column: 1 }],
    },
    {
      name: 'both documents of a multi-document file, v2beta1 and v2beta2',
      code: `${hpa('autoscaling/v2beta1', '    maxReplicas: 4\n')}---\n${hpa('autoscaling/v2beta2', '    minReplicas: 1\n    maxReplicas: 4\n')}`,
      errors: [
        { messageId: 'defaulted', text: 'spec', line: 5 },
        { messageId: 'explicit', text: '1', line: 21 },
      ],
    },
    {
      name: 'flow style',
      code: yaml`
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec: {scaleTargetRef: {kind: Deployment, name: web}, maxReplicas: 3}
      `,
      errors: [{ messageId: 'defaulted', text: 'spec', line: 4 }],
    },
  ],
});
