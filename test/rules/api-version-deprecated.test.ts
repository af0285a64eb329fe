import rule from '../../server/src/rules/api-versions/api-version-deprecated';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

const HPA = yaml`
  apiVersion: autoscaling/v2beta2
  kind: HorizontalPodAutoscaler
  metadata:
    name: web
  spec:
    scaleTargetRef:
      apiVersion: apps/v1
      kind: Deployment
      name: web
    maxReplicas: 4
`;

const HPA_124 = HPA.replace('name: web', 'name: on-1-24');

const VPA = yaml`
  apiVersion: autoscaling.k8s.io/v1beta2
  kind: VerticalPodAutoscaler
  metadata:
    name: web
  spec:
    targetRef:
      apiVersion: apps/v1
      kind: Deployment
      name: web
    updatePolicy:
      updateMode: "Off"
`;

runRuleTests(rule, {
  valid: [
    { name: 'removed is api-version-removed\'s finding, not this one', code: HPA },
    { name: 'not yet deprecated in the target version', code: HPA.replace('name: web', 'name: early'), settings: { kubernetesVersion: '1.22' } },
    HPA.replace('autoscaling/v2beta2', 'autoscaling/v2'),
  ],
  invalid: [
    {
      name: 'deprecated but still served in the target version',
      code: HPA_124,
      settings: { kubernetesVersion: '1.24' },
      errors: [{
        messageId: 'deprecated',
        data: { kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v2beta2', deprecatedIn: '1.23', removedIn: '1.26', replacement: 'autoscaling/v2' },
        text: 'autoscaling/v2beta2',
        severity: 'warning',
        suggestions: [{ title: 'Migrate to autoscaling/v2', output: HPA_124.replace('autoscaling/v2beta2', 'autoscaling/v2') }],
      }],
    },
    {
      name: 'a deprecation without a planned removal (VPA beta)',
      code: VPA,
      errors: [{
        messageId: 'deprecatedNoRemoval',
        data: { kind: 'VerticalPodAutoscaler', apiVersion: 'autoscaling.k8s.io/v1beta2', replacement: 'autoscaling.k8s.io/v1' },
        suggestions: [{ title: 'Migrate to autoscaling.k8s.io/v1', output: VPA.replace('v1beta2', 'v1') }],
      }],
    },
    {
      name: 'PodSecurityPolicy before its removal has no successor',
      code: 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: restricted\nspec:\n  privileged: false\n',
      settings: { kubernetesVersion: '1.23' },
      errors: [{ messageId: 'deprecatedNoReplacement', data: { kind: 'PodSecurityPolicy', apiVersion: 'policy/v1beta1', deprecatedIn: '1.21', removedIn: '1.25' }, suggestions: [] }],
    },
    {
      name: 'VPA v1beta1 selected pods by label; v1 needs targetRef, so no fix',
      code: 'apiVersion: autoscaling.k8s.io/v1beta1\nkind: VerticalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n',
      errors: [{ messageId: 'deprecatedNoRemoval', suggestions: [] }],
    },
  ],
});
