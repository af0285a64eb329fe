/** Builders for the multi-object manifests of cross-object rule tests: each returns one YAML document. */
import { dedent } from './yaml-tag';

const indent = (text: string, by: number): string =>
  dedent(text)
    .split('\n')
    .map((line) => (line === '' ? line : ' '.repeat(by) + line))
    .join('\n')
    .replace(/\n*$/, '\n');

const metadata = (name: string, namespace?: string): string => `metadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}`;

/** Documents joined into one multi-document text. */
export const docs = (...parts: string[]): string => parts.join('---\n');

export const CONTAINER_WITH_REQUESTS = `
- name: app
  image: registry.example.com/app:1.4.2
  resources:
    requests:
      cpu: 100m
      memory: 128Mi
`;

export interface WorkloadOptions {
  kind?: string;
  name?: string;
  namespace?: string;
  /** Written as is when given. */
  replicas?: number | string;
  labels?: Record<string, string>;
  /** The `containers` list, written at column 0. */
  containers?: string;
  /** The pod's `volumes` list, written at column 0. */
  volumes?: string;
  /** Extra lines of `spec`, written at column 0 (e.g. `serviceName: db`). */
  spec?: string;
}

export function workload(options: WorkloadOptions = {}): string {
  const { kind = 'Deployment', name = 'web', namespace, replicas, containers = CONTAINER_WITH_REQUESTS, volumes, spec } = options;
  const labels = options.labels ?? { app: name };
  const labelLines = Object.entries(labels).map(([k, v]) => `${k}: ${v}`).join('\n');
  const apiVersion = kind === 'Pod' ? 'v1' : kind === 'Job' ? 'batch/v1' : 'apps/v1';
  const podSpec = `containers:\n${indent(containers, 2)}${volumes ? `volumes:\n${indent(volumes, 2)}` : ''}`;
  if (kind === 'Pod') return `apiVersion: v1\nkind: Pod\n${metadata(name, namespace)}  labels:\n${indent(labelLines, 4)}spec:\n${indent(podSpec, 2)}`;
  return `apiVersion: ${apiVersion}\nkind: ${kind}\n${metadata(name, namespace)}spec:\n${replicas !== undefined ? `  replicas: ${replicas}\n` : ''}${spec ? indent(spec, 2) : ''}  selector:\n    matchLabels:\n${indent(labelLines, 6)}  template:\n    metadata:\n      labels:\n${indent(labelLines, 8)}    spec:\n${indent(podSpec, 6)}`;
}

export interface HpaOptions {
  apiVersion?: string;
  name?: string;
  namespace?: string;
  kind?: string;
  target?: string;
  min?: number;
  max?: number;
  /** Lines after maxReplicas, written at column 0 (e.g. a `metrics:` list). */
  extra?: string;
}

export function hpaOf(options: HpaOptions = {}): string {
  const { apiVersion = 'autoscaling/v2', name = 'web', namespace, kind = 'Deployment', target = 'web', min, max = 10, extra } = options;
  const targetApiVersion = kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : kind === 'Pod' ? 'v1' : 'apps/v1';
  return `apiVersion: ${apiVersion}\nkind: HorizontalPodAutoscaler\n${metadata(name, namespace)}spec:\n  scaleTargetRef:\n    apiVersion: ${targetApiVersion}\n    kind: ${kind}\n    name: ${target}\n${min !== undefined ? `  minReplicas: ${min}\n` : ''}  maxReplicas: ${max}\n${extra ? indent(extra, 2) : ''}`;
}

/** A `metrics` list with one Resource utilization metric. */
export const resourceMetric = (resource: string, percent = 70): string => `
metrics:
  - type: Resource
    resource:
      name: ${resource}
      target:
        type: Utilization
        averageUtilization: ${percent}
`;

export function vpaOf(options: { name?: string; namespace?: string; kind?: string; target?: string; extra?: string } = {}): string {
  const { name = 'web', namespace, kind = 'Deployment', target = 'web', extra } = options;
  return `apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\n${metadata(name, namespace)}spec:\n  targetRef:\n    apiVersion: apps/v1\n    kind: ${kind}\n    name: ${target}\n${extra ? indent(extra, 2) : ''}`;
}

export function pdbOf(options: { name?: string; namespace?: string; apiVersion?: string; budget?: string; labels?: Record<string, string> } = {}): string {
  const { name = 'web', namespace, apiVersion = 'policy/v1', budget = 'maxUnavailable: 1' } = options;
  const labels = options.labels ?? { app: 'web' };
  const labelLines = Object.entries(labels).map(([k, v]) => `${k}: ${v}`).join('\n');
  return `apiVersion: ${apiVersion}\nkind: PodDisruptionBudget\n${metadata(name, namespace)}spec:\n  ${budget}\n  selector:\n    matchLabels:\n${indent(labelLines, 6)}`;
}

export function serviceOf(options: { name?: string; namespace?: string; selector?: Record<string, string> | null; headless?: boolean; type?: string } = {}): string {
  const { name = 'web', namespace, headless, type } = options;
  const selector = options.selector === undefined ? { app: name } : options.selector;
  const selectorLines = selector ? `  selector:\n${indent(Object.entries(selector).map(([k, v]) => `${k}: ${v}`).join('\n'), 4)}` : '';
  return `apiVersion: v1\nkind: Service\n${metadata(name, namespace)}spec:\n${type ? `  type: ${type}\n` : ''}${headless ? '  clusterIP: None\n' : ''}${selectorLines}  ports:\n    - port: 80\n`;
}

export function pvcOf(options: { name?: string; namespace?: string; modes?: string[]; storageClassName?: string } = {}): string {
  const { name = 'data', namespace, modes = ['ReadWriteOnce'], storageClassName } = options;
  return `apiVersion: v1\nkind: PersistentVolumeClaim\n${metadata(name, namespace)}spec:\n${storageClassName !== undefined ? `  storageClassName: ${storageClassName}\n` : ''}  accessModes:\n${modes.map((m) => `    - ${m}\n`).join('')}  resources:\n    requests:\n      storage: 10Gi\n`;
}

export function storageClassOf(name = 'fast-ssd'): string {
  return `apiVersion: storage.k8s.io/v1\nkind: StorageClass\n${metadata(name)}provisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsumer\nallowVolumeExpansion: true\n`;
}

/** A container list whose only container has no requests (only a memory limit, or nothing). */
export const CONTAINER_WITHOUT_REQUESTS = `
- name: app
  image: registry.example.com/app:1.4.2
`;
