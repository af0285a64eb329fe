import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import rule from '../../server/src/rules/schema/schema-validation';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../fixtures/schema', name), 'utf8');

const WIDGET_CRD = yaml`
  apiVersion: apiextensions.k8s.io/v1
  kind: CustomResourceDefinition
  metadata:
    name: widgets.example.com
  spec:
    group: example.com
    scope: Namespaced
    names: { plural: widgets, singular: widget, kind: Widget }
    versions:
      - name: v1
        served: true
        storage: true
        schema:
          openAPIV3Schema:
            type: object
            properties:
              spec:
                type: object
                required: [size]
                properties:
                  size: { type: integer }
                  color: { type: string, enum: [red, green, blue] }
                  port: { x-kubernetes-int-or-string: true, anyOf: [{ type: integer }, { type: string }] }
                  extra: { type: object, x-kubernetes-preserve-unknown-fields: true }
`;

const ISSUE = yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: "three"
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: app
                  image: nginx:1.27
                  livenessprobe:
                    tcpSocket:
                      port: 80
        ---
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: fast
        provisioner: ebs.csi.aws.com
        volumeBindingMode: WaitForFirstConsume
      `;

const SERVICE = yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          type: "Clusterip"
          ports:
            - port: "80"
      `;

const LIMITS = yaml`
        apiVersion: v1
        kind: LimitRange
        metadata:
          name: defaults
        spec:
          limits:
            - type: Container
              default:
                memory: 512MB
      `;

const WIDGET = yaml`
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: w
        spec:
          colour: red
          port: [80]
      `;

const LIST = yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
            dat:
              a: b
      `;

/** `code` with one token replaced: the expected output of a suggestion. */
const fixed = (code: string, from: string, to: string) => code.replace(from, to);

const KIND_V1_DEPLOYMENT = yaml`
  apiVersion: v1
  kind: Deployment
  metadata:
    name: web
  spec:
    selector:
      matchLabels:
        app: web
    template:
      metadata:
        labels:
          app: web
      spec:
        containers:
          - name: web
            image: nginx:1.27
`;

const NO_SELECTOR = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    template:
      metadata:
        labels:
          app: web
      spec:
        containers:
          - name: app
            image: registry.example.com/app:1.4.2
`;

runRuleTests(rule, {
  valid: [
    { name: '60 documents: built-in kinds, CRDs and their custom resources', code: fixture('mixed-60.yaml') },
    { name: 'a kind of a Kubernetes group under another API group is a custom resource, not a mistake', code: 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: s\n' },
    { name: 'a removed apiVersion of a kind is api-version-removed\'s to report', code: 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: d\n' },
    { name: 'a custom resource without a CRD anywhere is not checked', code: yaml`
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: w
      spec:
        anything: goes
    ` },
    { name: 'a custom resource that matches its CRD in another file', code: yaml`
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: w
      spec:
        size: 3
        port: http
        extra: { free: [form] }
    `, files: { 'crds/widget.yaml': WIDGET_CRD } },
    { name: 'a version the CRD does not define is not checked', code: yaml`
      apiVersion: example.com/v2
      kind: Widget
      metadata:
        name: w
      spec:
        colour: red
    `, files: { 'crds/widget.yaml': WIDGET_CRD } },
    { name: 'container amounts are left to invalid-quantity', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
          - name: app
            image: nginx:1.27
            resources:
              limits:
                memory: 512mb
    ` },
    { name: 'missing fields are fine in a Kustomize patch', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 4
    `, files: { 'kustomization.yaml': 'resources: [base.yaml]\npatches:\n  - path: case.yaml\n' } },
    { name: 'strategic-merge-patch directives such as $patch are not unknown fields', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: loadgenerator
      $patch: delete
    `, files: { 'kustomization.yaml': 'kind: Component\npatches:\n  - path: case.yaml\n' } },
    { name: 'a workload may leave its selector to the commonLabels of the kustomization that lists it', code: NO_SELECTOR,
      files: { 'kustomization.yaml': 'commonLabels:\n  app: web\nresources:\n  - case.yaml\n' } },
    { name: 'commonLabels of an overlay reach the files of the base folder it lists', code: NO_SELECTOR.replace('name: web', 'name: web-base'),
      files: { 'overlay/kustomization.yaml': 'resources:\n  - ../\nlabels:\n  - pairs: { app: web }\n    includeSelectors: true\n' } },
    { name: 'broken YAML is left to yaml-syntax', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: [\n' },
    { name: 'removed apiVersions have no schema here (api-version-removed reports them)', code: yaml`
      apiVersion: extensions/v1beta1
      kind: Ingress
      metadata:
        name: old
      spec:
        backend:
          serviceName: web
          servicePort: 80
    ` },
    { name: 'null values mean "not set"', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: c
        labels:
      data:
    ` },
  ],
  invalid: [
    {
      name: 'a built-in kind under an apiVersion that does not serve it: on the apiVersion, each served version a suggestion',
      code: KIND_V1_DEPLOYMENT,
      errors: [{
        messageId: 'kindNotServed',
        data: { apiVersion: 'v1', kind: 'Deployment', served: 'apps/v1' },
        text: 'v1',
        line: 1,
        suggestions: [{ title: 'Change to apps/v1', output: fixed(KIND_V1_DEPLOYMENT, 'v1', 'apps/v1') }],
      }],
    },
    {
      name: 'a PodDisruptionBudget under apps/v1 is served as policy/v1; quotes are kept',
      code: 'apiVersion: "apps/v1"\nkind: PodDisruptionBudget\nmetadata:\n  name: p\nspec:\n  minAvailable: 1\n',
      errors: [{
        messageId: 'kindNotServed',
        data: { apiVersion: 'apps/v1', kind: 'PodDisruptionBudget', served: 'policy/v1' },
        text: '"apps/v1"',
        suggestions: [{ title: 'Change to policy/v1', output: 'apiVersion: "policy/v1"\nkind: PodDisruptionBudget\nmetadata:\n  name: p\nspec:\n  minAvailable: 1\n' }],
      }],
    },
    {
      name: 'a kind served by several versions offers each, stable and newest first',
      code: 'apiVersion: apps/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n',
      errors: [{
        messageId: 'kindNotServed',
        data: { apiVersion: 'apps/v1', kind: 'HorizontalPodAutoscaler', served: 'autoscaling/v2 or autoscaling/v1' },
        suggestions: [
          { title: 'Change to autoscaling/v2', output: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n' },
          { title: 'Change to autoscaling/v1', output: 'apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n' },
        ],
      }],
    },
    {
      name: 'a kustomization without selector labels does not supply the selector',
      code: NO_SELECTOR.replace('name: web', 'name: web-plain'),
      files: { 'kustomization.yaml': 'labels:\n  - pairs: { app: web }\nresources:\n  - case.yaml\n' },
      errors: [{ messageId: 'missingField', data: { detail: 'Missing required field "selector".' }, text: 'spec' }],
    },
    {
      name: 'the three findings of the issue, on their tokens, with the suggested names',
      code: ISSUE,
      errors: [
        { messageId: 'invalidValue', data: { detail: 'Expected an integer, got a string ("three").' }, text: '"three"', line: 6, column: 13, severity: 'error' },
        {
          messageId: 'unknownField',
          data: { detail: 'Unknown field "livenessprobe". Did you mean "livenessProbe"?' },
          text: 'livenessprobe',
          line: 18,
          suggestions: [{ title: 'Change to livenessProbe', output: fixed(ISSUE, 'livenessprobe', 'livenessProbe') }],
        },
        {
          messageId: 'invalidValue',
          data: { detail: 'Value "WaitForFirstConsume" is not allowed; did you mean "WaitForFirstConsumer"? Allowed: Immediate, WaitForFirstConsumer.' },
          text: 'WaitForFirstConsume',
          line: 27,
          suggestions: [{ title: 'Change to WaitForFirstConsumer', output: fixed(ISSUE, 'WaitForFirstConsume', 'WaitForFirstConsumer') }],
        },
      ],
    },
    {
      name: 'a quoted number is unquoted; a quoted enum value keeps its quotes',
      code: SERVICE,
      errors: [
        { messageId: 'invalidValue', text: '"Clusterip"', suggestions: [{ title: 'Change to ClusterIP', output: fixed(SERVICE, '"Clusterip"', '"ClusterIP"') }] },
        { messageId: 'invalidValue', data: { detail: 'Expected an integer, got a string ("80").' }, text: '"80"', suggestions: [{ title: 'Change to 80', output: fixed(SERVICE, '"80"', '80') }] },
      ],
    },
    {
      name: 'missing required fields: on the parent key, on the kind for the root, on the first key of a list item',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          template:
            spec:
              containers:
                - image: nginx:1.27
        ---
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: slow
      `,
      errors: [
        { messageId: 'missingField', data: { detail: 'Missing required field "selector".' }, text: 'spec', line: 5 },
        { messageId: 'missingField', data: { detail: 'Missing required field "name".' }, text: 'image', line: 10 },
        { messageId: 'missingField', data: { detail: 'Missing required field "provisioner".' }, text: 'StorageClass', line: 13 },
      ],
    },
    {
      name: 'a malformed quantity outside containers is ours, with the corrected unit',
      code: LIMITS,
      errors: [{ messageId: 'invalidValue', text: '512MB', suggestions: [{ title: 'Change to 512Mi', output: fixed(LIMITS, '512MB', '512Mi') }] }],
    },
    {
      name: 'custom resources are checked against their CRD from the workspace',
      code: WIDGET,
      files: { 'crds/widget.yaml': WIDGET_CRD },
      errors: [
        { messageId: 'missingField', data: { detail: 'Missing required field "size".' }, text: 'spec' },
        { messageId: 'unknownField', text: 'colour', suggestions: [{ title: 'Change to color', output: fixed(WIDGET, 'colour', 'color') }] },
        { messageId: 'invalidValue', text: 'port' },
      ],
    },
    {
      name: 'a CRD in the same file counts too, whatever the order',
      code: `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: big\n---\n${WIDGET_CRD}`,
      errors: [{ messageId: 'invalidValue', data: { detail: 'Expected an integer, got a string ("big").' }, text: 'big' }],
    },
    {
      name: 'items of a List are checked against their own kinds',
      code: LIST,
      errors: [{ messageId: 'unknownField', text: 'dat', suggestions: [{ title: 'Change to data', output: fixed(LIST, 'dat:', 'data:') }] }],
    },
  ],
});
