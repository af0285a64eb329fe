/** Behaviour of the pure schema validator on hand-written manifests. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { parse, parseAllDocuments } from 'yaml';
import { createSchemaValidator, loadSchemaSourceFromJson } from '../../server/src/schema';
import { didYouMean, editDistance } from '../../server/src/schema/did-you-mean';
import { adviseQuantity, isQuantity } from '../../server/src/schema/quantity-format';

const ROOT = resolve(__dirname, '../..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const validator = createSchemaValidator(loadSchemaSourceFromJson(
  readJson('schemas/k8s/1.36/index.json'),
  readJson('schemas/k8s/1.36/definitions.json'),
  [readJson('schemas/k8s/vpa/autoscaling.k8s.io.v1.VerticalPodAutoscaler.json')],
));

function check(yaml: string) {
  const doc = parse(yaml) as { apiVersion: string; kind: string };
  return validator.validate(doc.apiVersion, doc.kind, doc);
}

const deployment = (spec: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
${spec.replace(/^/gm, '      ')}
`;
const container = (extra = '') => deployment(`containers:\n  - name: web\n    image: nginx:1.27\n${extra.replace(/^/gm, '    ')}`);

const valid: Record<string, string> = {
    Deployment: container('ports: [{containerPort: 8080, protocol: TCP}]\nresources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}\nreadinessProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 5}\nenv: [{name: A, value: "1"}, {name: B, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]'),
    Service: `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: ClusterIP\n  selector: {app: web}\n  ports: [{name: http, port: 80, targetPort: http, protocol: TCP}]\n`,
    HorizontalPodAutoscaler: `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}\n  behavior:\n    scaleDown: {stabilizationWindowSeconds: 300, policies: [{type: Percent, value: 50, periodSeconds: 60}]}\n`,
    StatefulSet: `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  replicas: 3\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: db, image: postgres:16, volumeMounts: [{name: data, mountPath: /var/lib/postgresql}]}]\n  volumeClaimTemplates:\n    - metadata: {name: data}\n      spec: {accessModes: [ReadWriteOnce], storageClassName: gp3, resources: {requests: {storage: 10Gi}}}\n`,
    CronJob: `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: backup}\nspec:\n  schedule: "0 3 * * *"\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      backoffLimit: 2\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: backup, image: busybox, args: [sh, -c, date]}]\n`,
    PersistentVolumeClaim: `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  accessModes: [ReadWriteOnce]\n  volumeMode: Filesystem\n  resources: {requests: {storage: 20Gi}}\n`,
    StorageClass: `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: gp3}\nprovisioner: ebs.csi.aws.com\nparameters: {type: gp3}\nreclaimPolicy: Delete\nvolumeBindingMode: WaitForFirstConsumer\nallowVolumeExpansion: true\n`,
    PodDisruptionBudget: `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  minAvailable: 50%\n  selector: {matchLabels: {app: web}}\n  unhealthyPodEvictionPolicy: AlwaysAllow\n`,
    Ingress: `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, annotations: {nginx.ingress.kubernetes.io/rewrite-target: /}}\nspec:\n  ingressClassName: nginx\n  tls: [{hosts: [example.com], secretName: tls}]\n  rules:\n    - host: example.com\n      http:\n        paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]\n`,
    VerticalPodAutoscaler: `apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata: {name: web}\nspec:\n  targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  updatePolicy: {updateMode: InPlaceOrRecreate, minReplicas: 2}\n  resourcePolicy:\n    containerPolicies:\n      - containerName: "*"\n        mode: Auto\n        minAllowed: {cpu: 100m, memory: 50Mi}\n        maxAllowed: {cpu: 1, memory: 500Mi}\n        controlledResources: [cpu, memory]\n        controlledValues: RequestsAndLimits\n  recommenders: [{name: custom}]\n`,
};

describe('reported problems', () => {
  test('wrong type: a quoted integer', () => {
    const problems = check(`apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: "3"\n  selector: {}\n  template: {}\n`);
    assert.deepEqual(problems, [{
      path: ['spec', 'replicas'], target: 'value', message: 'Expected an integer, got a string ("3").', suggestion: '3',
    }]);
  });

  test('unknown field with did-you-mean, at the key', () => {
    const problems = check(`apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replica: 3\n  selector: {}\n  template: {}\n`);
    assert.deepEqual(problems, [{
      path: ['spec', 'replica'], target: 'key', message: 'Unknown field "replica". Did you mean "replicas"?', suggestion: 'replicas',
    }]);
  });

  test('unknown field differing only in case, inside a container', () => {
    const problems = check(container('livenessprobe: { tcpSocket: { port: 80 } }'));
    assert.deepEqual(problems, [{
      path: ['spec', 'template', 'spec', 'containers', 0, 'livenessprobe'],
      target: 'key',
      message: 'Unknown field "livenessprobe". Did you mean "livenessProbe"?',
      suggestion: 'livenessProbe',
    }]);
  });

  test('missing required field: container without a name points at the container', () => {
    const problems = check(deployment('containers:\n  - image: nginx'));
    assert.deepEqual(problems, [{
      path: ['spec', 'template', 'spec', 'containers', 0], target: 'parentKey', message: 'Missing required field "name".',
    }]);
  });

  test('missing required field: HPA spec without scaleTargetRef', () => {
    const problems = check(`apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: a}\nspec:\n  maxReplicas: 4\n`);
    assert.deepEqual(problems, [{ path: ['spec'], target: 'parentKey', message: 'Missing required field "scaleTargetRef".' }]);
  });

  test('missing top-level field uses the empty path; several missing fields make one problem', () => {
    assert.deepEqual(check(`apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata: {name: a}\n`), [
      { path: [], target: 'parentKey', message: 'Missing required field "spec".' },
    ]);
    assert.deepEqual(check(`apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: a}\nspec: {minReplicas: 2}\n`), [
      { path: ['spec'], target: 'parentKey', message: 'Missing required fields "maxReplicas", "scaleTargetRef".' },
    ]);
  });

  test('enum value with did-you-mean', () => {
    const problems = check(`apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: a}\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsume\n`);
    assert.deepEqual(problems, [{
      path: ['volumeBindingMode'],
      target: 'value',
      message: 'Value "WaitForFirstConsume" is not allowed; did you mean "WaitForFirstConsumer"? Allowed: Immediate, WaitForFirstConsumer.',
      suggestion: 'WaitForFirstConsumer',
    }]);
  });

  test('malformed quantity', () => {
    const problems = check(container('resources: { limits: { memory: 512mb } }'));
    assert.equal(problems.length, 1);
    const [problem] = problems;
    assert.deepEqual(problem?.path, ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'memory']);
    assert.equal(problem?.target, 'value');
    assert.match(problem?.message ?? '', /^Malformed quantity "512mb"/);
    assert.equal(problem?.suggestion, '512Mi');
  });

  test('a value of the wrong type is one problem, not a cascade', () => {
    assert.deepEqual(check(deployment('containers: nginx')), [{
      path: ['spec', 'template', 'spec', 'containers'], target: 'value', message: 'Expected a list, got a string ("nginx").',
    }]);
  });

  test('label values must be strings; label keys may look like numbers', () => {
    const problems = check(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: { "0": "x", version: 1.5 }\n`);
    assert.deepEqual(problems, [{
      path: ['metadata', 'labels', 'version'], target: 'value', message: 'Expected a string, got a number (1.5). Put the value in quotes.',
    }]);
  });

  test('int-or-string rejects other types, and a null list item is an error', () => {
    assert.deepEqual(check(deployment('containers:\n  - name: a\n    ports: [{ containerPort: 80 }]\n    readinessProbe: { httpGet: { port: true } }')), [{
      path: ['spec', 'template', 'spec', 'containers', 0, 'readinessProbe', 'httpGet', 'port'],
      target: 'value',
      message: 'Expected an integer or a string, got a boolean (true).',
    }]);
    assert.equal(check(deployment('containers:\n  - name: a\n  -\n')).length, 1);
  });

  test('Secret data must be base64', () => {
    const problems = check(`apiVersion: v1\nkind: Secret\nmetadata: {name: a}\ndata:\n  ok: aGVsbG8=\n  bad: hello world\n`);
    assert.deepEqual(problems.map((p) => p.path), [['data', 'bad']]);
  });

  test('items of a v1 List are validated against their own kinds', () => {
    const problems = check(`apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: a}\n    spec: {ports: [{port: "80"}]}\n`);
    assert.deepEqual(problems.map((p) => [p.path, p.target]), [[['items', 0, 'spec', 'ports', 0, 'port'], 'value']]);
  });

  test('unknown kinds have no schema and no problems', () => {
    assert.equal(validator.hasSchema('example.com/v1', 'Widget'), false);
    assert.deepEqual(validator.validate('example.com/v1', 'Widget', { spec: { anything: 1 } }), []);
    assert.equal(validator.hasSchema('v1', 'Pod'), true);
  });
});

describe('accepted values', () => {
  test('int-or-string accepts both forms', () => {
    const yaml = deployment('containers:\n  - name: a\n    livenessProbe: { httpGet: { port: 8080 } }\n    readinessProbe: { httpGet: { port: http } }');
    assert.deepEqual(check(yaml.replace('spec:\n  selector', 'spec:\n  strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: "25%" } }\n  selector')), []);
  });

  test('quantities may be numbers or strings', () => {
    assert.deepEqual(check(container('resources:\n  requests: { cpu: 2, memory: 1e9 }\n  limits: { cpu: 0.5, memory: 1Gi, ephemeral-storage: "2G" }')), []);
  });

  test('preserve-unknown-fields and arbitrary JSON are accepted', () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          x-kubernetes-preserve-unknown-fields: true
          properties:
            spec:
              type: object
              default: {size: 3, tags: [a, b], nested: {deep: true}}
              properties:
                size: {type: integer, example: 3}
`;
    assert.deepEqual(check(crd), []);
    assert.deepEqual(check(`apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata: {name: a}\nspec: {targetRef: {kind: Deployment, name: a}}\nstatus: {anything: [1, {x: y}]}\n`), []);
  });

  test('metadata labels and annotations accept any string keys', () => {
    assert.deepEqual(check(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {app.kubernetes.io/name: x, "a~b/c": y}\n  annotations: {example.com/json: '{"a": 1}', "": z}\ndata: {k: v}\n`), []);
  });

  test('null-valued fields are treated as unset, and the input is not mutated', () => {
    const yaml = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, creationTimestamp: null}\nspec:\n  replicas:\n  strategy: null\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}, creationTimestamp: null}\n    spec:\n      containers:\n        - name: a\n          resources: {}\n          env: ~\nstatus: {}\n`;
    const doc = parse(yaml);
    const before = structuredClone(doc);
    assert.deepEqual(validator.validate('apps/v1', 'Deployment', doc), []);
    assert.deepEqual(doc, before);
    const nullName = parse(deployment('containers:\n  - name: null\n    image: x'));
    assert.deepEqual(validator.validate('apps/v1', 'Deployment', nullName).map((p) => p.message), ['Missing required field "name".']);
  });

  for (const [kind, yaml] of Object.entries(valid)) {
    test(`a valid ${kind} has no problems`, () => assert.deepEqual(check(yaml), []));
  }

  test('VPA enums are checked', () => {
    const bad = valid.VerticalPodAutoscaler?.replace('InPlaceOrRecreate', 'Recreat').replace('[cpu, memory]', '[cpu, storage]') ?? '';
    assert.deepEqual(check(bad).map((p) => [p.path.join('.'), p.suggestion]), [
      ['spec.resourcePolicy.containerPolicies.0.controlledResources.1', undefined],
      ['spec.updatePolicy.updateMode', 'Recreate'],
    ]);
  });
});

describe('helpers', () => {
  test('did-you-mean: case first, then up to two edits, transpositions count once', () => {
    assert.equal(didYouMean('livenessprobe', ['livenessProbe', 'readinessProbe']), 'livenessProbe');
    assert.equal(didYouMean('replica', ['replicas', 'selector']), 'replicas');
    assert.equal(didYouMean('imgae', ['image', 'name']), 'image');
    assert.equal(didYouMean('completelyDifferent', ['image', 'name']), undefined);
    assert.equal(didYouMean('xy', ['ab']), undefined);
    assert.equal(editDistance('ab', 'ba'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  test('quantity grammar', () => {
    for (const ok of ['1', '0.5', '.5', '5.', '+1', '-1', '100m', '1Gi', '512Mi', '1e3', '1E-2', '2k', '3n', '4u', ' 1Gi ']) {
      assert.equal(isQuantity(ok), true, ok);
    }
    for (const bad of ['', '512mb', '1GB', '1K', '1gi', '1 Gi', 'abc', '1e', '1.2.3', 'Gi', '1e1.5']) {
      assert.equal(isQuantity(bad), false, bad);
    }
    assert.equal(adviseQuantity('1 Gi').suggestion, '1Gi');
    assert.equal(adviseQuantity('1gi').suggestion, '1Gi');
    assert.equal(adviseQuantity('2GB').suggestion, '2Gi');
    assert.equal(adviseQuantity('1K').suggestion, '1k');
    assert.equal(adviseQuantity('lots').suggestion, undefined);
  });
});

describe('real-world manifests', () => {
  const corpus = process.env.KUBE_CORPUS ?? resolve(ROOT, '../shared/corpus/real');
  const skip = existsSync(corpus) ? false : `corpus not found at ${corpus} (set KUBE_CORPUS)`;

  // Every document of the real corpus whose kind we have a schema for is valid Kubernetes 1.36
  // (we reviewed each one), so any problem here is a false positive in our schemas.
  test('the real corpus validates without problems', { skip }, () => {
    const found: string[] = [];
    let checked = 0;
    for (const file of yamlFiles(corpus)) {
      for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
        if (doc.errors.length > 0) continue;
        const value = doc.toJS() as { apiVersion?: unknown; kind?: unknown } | null;
        if (typeof value?.apiVersion !== 'string' || typeof value.kind !== 'string') continue;
        if (!validator.hasSchema(value.apiVersion, value.kind)) continue;
        checked++;
        for (const p of validator.validate(value.apiVersion, value.kind, value)) {
          found.push(`${relative(corpus, file)} ${p.path.join('.')}: ${p.message}`);
        }
      }
    }
    assert.ok(checked > 400, `only ${checked} documents checked`);
    assert.deepEqual(found, []);
  });

  test('a kind is planned once: validating it again reads no schema definition and compiles nothing', () => {
    // A work counter instead of a clock: every read of a definition is planning work (the
    // interpreter plans a node when data first reaches it), and a fallback is an ajv compile.
    let definitionReads = 0;
    const fallbacks: string[] = [];
    const source = loadSchemaSourceFromJson(readJson('schemas/k8s/1.36/index.json'), readJson('schemas/k8s/1.36/definitions.json'), []);
    const counted = { ...source, definitions: new Proxy(source.definitions, { get: (target, key) => (definitionReads++, Reflect.get(target, key)) }) };
    const fresh = createSchemaValidator(counted, { onFallback: (key) => fallbacks.push(key) });
    const doc = parse(valid.Deployment ?? '');
    assert.deepEqual(fresh.validate('apps/v1', 'Deployment', doc), []);
    assert.ok(definitionReads > 0, 'the first validation plans the kind');
    definitionReads = 0;
    for (let i = 0; i < 200; i++) assert.deepEqual(fresh.validate('apps/v1', 'Deployment', doc), []);
    assert.equal(definitionReads, 0, 'the same shape again: no planning');
    assert.deepEqual(fallbacks, [], 'the interpreter handled it: ajv compiled nothing');
  });
});

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}
