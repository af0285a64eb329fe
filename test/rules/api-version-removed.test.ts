import rule from '../../server/src/rules/api-versions/api-version-removed';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

const PDB = yaml`
  apiVersion: policy/v1beta1
  kind: PodDisruptionBudget
  metadata:
    name: web
  spec:
    maxUnavailable: 1 # one pod at a time
    selector:
      matchLabels:
        app: web
`;

const INGRESS = yaml`
  apiVersion: extensions/v1beta1
  kind: Ingress
  metadata:
    name: shop
  spec:
    backend:
      serviceName: fallback
      servicePort: 8080
    rules:
      - host: shop.example.com
        http:
          paths:
            - path: /api
              backend:
                serviceName: api
                servicePort: http
            - backend:
                serviceName: web
                servicePort: "80"
              path: /
`;

const DEPLOYMENT = yaml`
  apiVersion: apps/v1beta2
  kind: Deployment
  metadata:
    name: web
  spec:
    replicas: 2
    template:
      metadata:
        labels:
          app: web
      spec:
        containers:
          - name: web
            image: nginx:1.27
`;

const CRONJOB = yaml`
  apiVersion: "batch/v1beta1"
  kind: CronJob
  metadata:
    name: nightly
  spec:
    schedule: "0 2 * * *"
    jobTemplate:
      spec:
        template:
          spec:
            restartPolicy: OnFailure
            containers:
              - name: job
                image: registry.example.com/job:1.0.0
`;

runRuleTests(rule, {
  valid: [
    PDB.replace('policy/v1beta1', 'policy/v1'),
    { name: 'autoscaling/v1 is still served', code: 'apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    kind: Deployment\n    name: web\n  maxReplicas: 3\n' },
    { name: 'served by the target version (only deprecated there)', code: PDB.replace('name: web', 'name: old-cluster'), settings: { kubernetesVersion: '1.24' } },
    { name: 'a custom group with a removed-looking version', code: 'apiVersion: example.com/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: x\n' },
  ],
  invalid: [
    {
      name: 'PDB: the apiVersion changes, the comment stays',
      code: PDB,
      errors: [{
        messageId: 'removed',
        data: { kind: 'PodDisruptionBudget', apiVersion: 'policy/v1beta1', removedIn: '1.25', target: '1.36', replacement: 'policy/v1' },
        text: 'policy/v1beta1',
        line: 1,
        column: 13,
        severity: 'error',
        suggestions: [{ title: 'Migrate to policy/v1', output: PDB.replace('policy/v1beta1', 'policy/v1') }],
      }],
    },
    {
      name: 'PDB with an empty selector: v1 would select every pod, so no fix',
      code: 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: all\nspec:\n  minAvailable: 1\n  selector: {}\n',
      errors: [{ messageId: 'removed', suggestions: [] }],
    },
    {
      name: 'PodSecurityPolicy has no successor API',
      code: 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: restricted\nspec:\n  privileged: false\n',
      settings: { kubernetesVersion: '1.30' },
      errors: [{ messageId: 'removedNoReplacement', data: { kind: 'PodSecurityPolicy', apiVersion: 'policy/v1beta1', removedIn: '1.25', target: '1.30' }, suggestions: [] }],
    },
    {
      name: 'Ingress: backends rewritten, pathType added, defaultBackend renamed',
      code: INGRESS,
      errors: [{
        messageId: 'removed',
        data: { kind: 'Ingress', apiVersion: 'extensions/v1beta1', removedIn: '1.22', target: '1.36', replacement: 'networking.k8s.io/v1' },
        suggestions: [{
          title: 'Migrate to networking.k8s.io/v1',
          output: yaml`
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: shop
            spec:
              defaultBackend:
                service:
                  name: fallback
                  port:
                    number: 8080
              rules:
                - host: shop.example.com
                  http:
                    paths:
                      - path: /api
                        pathType: ImplementationSpecific
                        backend:
                          service:
                            name: api
                            port:
                              name: http
                      - pathType: ImplementationSpecific
                        backend:
                          service:
                            name: web
                            port:
                              number: 80
                        path: /
          `,
        }],
      }],
    },
    {
      name: 'Deployment: selector written from the template labels',
      code: DEPLOYMENT,
      errors: [{
        messageId: 'removed',
        data: { kind: 'Deployment', apiVersion: 'apps/v1beta2', removedIn: '1.16', target: '1.36', replacement: 'apps/v1' },
        suggestions: [{ title: 'Migrate to apps/v1', output: `${DEPLOYMENT.replace('apps/v1beta2', 'apps/v1')}  selector:\n    matchLabels:\n      app: web\n` }],
      }],
    },
    {
      name: 'Deployment with a field apps/v1 dropped (rollbackTo): no fix',
      code: 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  rollbackTo:\n    revision: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
      errors: [{ messageId: 'removed', suggestions: [] }],
    },
    {
      name: 'CronJob: quotes kept',
      code: CRONJOB,
      errors: [{ messageId: 'removed', text: '"batch/v1beta1"', suggestions: [{ title: 'Migrate to batch/v1', output: CRONJOB.replace('"batch/v1beta1"', '"batch/v1"') }] }],
    },
    {
      name: 'HPA v2beta2 has the v2 structure',
      code: 'apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  maxReplicas: 4\n',
      errors: [{ messageId: 'removed', data: { kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v2beta2', removedIn: '1.26', target: '1.36', replacement: 'autoscaling/v2' }, suggestions: [{ title: 'Migrate to autoscaling/v2', output: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  maxReplicas: 4\n' }] }],
    },
    {
      name: 'a plain rename where the structure did not change (StorageClass)',
      code: 'apiVersion: storage.k8s.io/v1beta1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: ebs.csi.aws.com\n',
      errors: [{ messageId: 'removed', suggestions: [{ title: 'Migrate to storage.k8s.io/v1', output: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: ebs.csi.aws.com\n' }] }],
    },
    {
      name: 'EndpointSlice v1beta1 topology has no v1 field of that name: no fix',
      code: 'apiVersion: discovery.k8s.io/v1beta1\nkind: EndpointSlice\nmetadata:\n  name: web-1\naddressType: IPv4\nendpoints:\n  - addresses: [10.0.0.1]\n    topology:\n      kubernetes.io/hostname: node-1\n',
      errors: [{ messageId: 'removed', suggestions: [] }],
    },
  ],
});
