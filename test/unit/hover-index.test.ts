import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt } from '../../server/src/hover/hover';
import { podResources } from '../../server/src/hover/capacity-explainer';
import { WorkspaceIndex } from '../../server/src/index/workspace-index';
import { toK8sObject } from '../../server/src/k8s/objects';
import { podSpecOf } from '../../server/src/k8s/workloads';
import { RULES_BY_ID } from '../../server/src/rules/index';
import { parseFile } from '../../server/src/yaml/parse';
import { docs, hpaOf, pdbOf, workload } from '../support/objects';

const containers = `
- name: app
  image: registry.example.com/app:1.4.2
  resources:
    requests:
      cpu: 250m
      memory: 256Mi
    limits:
      memory: 512Mi
- name: proxy
  image: registry.example.com/proxy:1.0.0
  resources:
    requests:
      cpu: 50m
      memory: 64Mi
    limits:
      memory: 64Mi
`;

/** Hover markdown in `file` at the `delta`-th character of the first `needle` (after `from`), with every file indexed. */
function hoverIn(files: Record<string, string>, file: string, needle: string, delta = 0, from = ''): string {
  const index = new WorkspaceIndex();
  for (const [name, text] of Object.entries(files)) index.update(`file:///w/${name}`, text);
  const text = files[file]!;
  const fileOffset = text.indexOf(needle, from === '' ? 0 : text.indexOf(from)) + delta;
  assert.ok(fileOffset >= delta, `"${needle}" not in ${file}`);
  const placed = [...parseFile(text)].reverse().find((d) => d.offset <= fileOffset)!;
  const object = toK8sObject(placed.parsed.doc);
  return hoverAt({ document: placed.parsed, offset: fileOffset - placed.offset, object, findings: [], rules: RULES_BY_ID, index })?.markdown ?? '';
}

const section = (markdown: string, title: string): string => markdown.split('\n\n---\n\n').find((s) => s.startsWith(title)) ?? '';

describe('hover with the workspace index', () => {
  it('sums one pod over app containers and sidecars, falling back from request to limit', () => {
    const object = toK8sObject(parseFile(workload({ containers: `${containers}- name: limits-only\n  image: x:1\n  resources:\n    limits:\n      cpu: 1\n      memory: 1Gi\n` }))[0]!.parsed.doc)!;
    const resources = podResources(podSpecOf(object)!);
    assert.deepEqual(resources.requests, { cpu: 1.3, memory: (256 + 64 + 1024) * 2 ** 20 });
    assert.deepEqual(resources.limits, { memory: (512 + 64 + 1024) * 2 ** 20 });
    assert.deepEqual(resources.unset, ['limits.cpu']);
  });

  it('on an HPA: its target (in another file), replica range and the capacity at both bounds', () => {
    const files = { 'hpa.yaml': hpaOf({ min: 2, max: 10 }), 'deploy.yaml': workload({ containers }) };
    const markdown = section(hoverIn(files, 'hpa.yaml', 'kind: Horizontal', 6), '**Autoscaling of');
    assert.equal(markdown, [
      '**Autoscaling of Deployment "web"**',
      '',
      'Scales the target between 2 and 10 replicas.',
      '',
      'Target defined in `deploy.yaml`.',
      '',
      'From 2 to 10 replicas, the workload reserves and may use:',
      '- Requests: CPU 0.6 CPU core → 3 CPU cores; memory 671,088,640 bytes (640 MiB) → 3,355,443,200 bytes (3.125 GiB)',
      '- Limits: memory 1,207,959,552 bytes (1.125 GiB) → 6,039,797,760 bytes (5.625 GiB)',
      '',
      'Not counted, because some container leaves it unset: `limits.cpu`.',
    ].join('\n'));
    // Any field under spec answers too.
    assert.match(hoverIn(files, 'hpa.yaml', 'maxReplicas', 2), /Scales the target between 2 and 10 replicas/);
  });

  it('on an HPA whose target is not in the workspace', () => {
    const markdown = hoverIn({ 'hpa.yaml': hpaOf({ target: 'api' }) }, 'hpa.yaml', 'scaleTargetRef', 2);
    assert.match(markdown, /\*\*Autoscaling of Deployment "api"\*\*/);
    assert.match(markdown, /The target is not defined in the workspace, so the capacity it commits is unknown\./);
  });

  it('on a PDB: the covered workloads and the disruptions allowed at their replica counts', () => {
    const files = { 'app.yaml': docs(workload({ replicas: 3 }), pdbOf({ budget: 'minAvailable: 2' })) };
    assert.equal(section(hoverIn(files, 'app.yaml', 'minAvailable', 3), '**PodDisruptionBudget'), [
      '**PodDisruptionBudget "web"**',
      '',
      'Covers the pods of:',
      '- Deployment "web": 3 replicas',
      '',
      'With 3 pods, it allows **1** voluntary disruption at a time.',
    ].join('\n'));
  });

  it('on a PDB of an autoscaled workload: the answer at the minimum and at the maximum', () => {
    const files = { 'app.yaml': docs(workload(), pdbOf({ budget: 'minAvailable: 2' })), 'hpa.yaml': hpaOf({ min: 2, max: 6 }) };
    const markdown = section(hoverIn(files, 'app.yaml', 'kind: PodDisruptionBudget', 6), '**PodDisruptionBudget');
    assert.match(markdown, /- Deployment "web": 2 to 6 replicas \(HorizontalPodAutoscaler "web"\)/);
    assert.match(markdown, /With 2 pods, it allows \*\*0\*\* voluntary disruptions at a time: node drains and scale-down stall\./);
    assert.match(markdown, /With 6 pods, it allows \*\*4\*\* voluntary disruptions at a time\./);
  });

  it('on a workload: per-pod resources, QoS class, and ResourceQuota use at the HPA maximum', () => {
    const quota = 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: team\n  namespace: shop\nspec:\n  hard:\n    requests.cpu: "4"\n    requests.memory: 2Gi\n    limits.memory: 4Gi\n    pods: "50"\n';
    const files = {
      'deploy.yaml': workload({ containers, namespace: 'shop' }),
      'hpa.yaml': hpaOf({ namespace: 'shop', min: 2, max: 8 }),
      'quota.yaml': quota,
      'other.yaml': quota.replace('namespace: shop', 'namespace: elsewhere').replace('name: team', 'name: other'),
    };
    const markdown = section(hoverIn(files, 'deploy.yaml', 'name: web', 7), '**Deployment "web": resources per pod**');
    assert.equal(markdown, [
      '**Deployment "web": resources per pod**',
      '',
      '- Requests: CPU 0.3 CPU core; memory 335,544,320 bytes (320 MiB)',
      '- Limits: CPU not set in every container; memory 603,979,776 bytes (576 MiB)',
      '',
      'QoS class: **Burstable**: some requests or limits are set, but not equal everywhere. Under node memory pressure these pods are evicted after BestEffort pods, starting with those furthest above their requests.',
      '',
      'Scale: 2 to 8 replicas (HorizontalPodAutoscaler "web").',
      '',
      'Against ResourceQuota "team" at 8 replicas:',
      '- `requests.cpu`: 2.4 CPU cores of `4` = 60%',
      '- `requests.memory`: 2,684,354,560 bytes (2.5 GiB) of `2Gi` = 125% (**over the quota**: only 6 pods fit)',
      '- `limits.memory`: 4,831,838,208 bytes (4.5 GiB) of `4Gi` = 113% (**over the quota**: only 7 pods fit)',
    ].join('\n'));
    assert.match(hoverIn(files, 'deploy.yaml', 'kind: Deployment', 7), /resources per pod/);
  });

  it('on a workload without an autoscaler: its replicas count', () => {
    const markdown = hoverIn({ 'deploy.yaml': workload({ replicas: 3 }) }, 'deploy.yaml', 'replicas', 2);
    assert.match(markdown, /Scale: 3 replicas\./);
    assert.match(markdown, /QoS class: \*\*Burstable\*\*/);
  });

  it('on a container resource amount: the LimitRange that fills in what the container leaves out', () => {
    const limitRange = 'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: shop\nspec:\n  limits:\n    - type: Container\n      default:\n        cpu: 500m\n      defaultRequest:\n        cpu: 100m\n        memory: 128Mi\n';
    const deploy = workload({ namespace: 'shop', containers: '- name: app\n  image: x:1\n  resources:\n    requests:\n      memory: 256Mi\n' });
    const markdown = hoverIn({ 'deploy.yaml': deploy, 'limits.yaml': limitRange }, 'deploy.yaml', '256Mi', 1);
    assert.match(markdown, /\*\*Default resources\*\*\n\nLimitRange "defaults" applies: it fills in `requests.cpu`, `limits.cpu` for container "app"\./);
    // Another namespace's LimitRange does not apply.
    assert.doesNotMatch(hoverIn({ 'deploy.yaml': deploy, 'limits.yaml': limitRange.replace('namespace: shop', 'namespace: other') }, 'deploy.yaml', '256Mi', 1), /Default resources/);
  });
});
