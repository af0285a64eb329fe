/** Recognises Kubernetes objects among parsed YAML documents. */
import type { Document, Pair, Node, YAMLMap } from 'yaml';
import { memoizeByObject } from '../core/memo';
import { asMap, getMap, getNode, getPair, scalarString } from '../yaml/nodes';

export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  /** The API group ('' for the core group), e.g. 'apps'. */
  readonly group: string;
  readonly name: string | undefined;
  /** Undefined when the manifest does not say: the namespace is then decided at apply time. */
  readonly namespace: string | undefined;
  readonly doc: Document.Parsed;
  readonly root: YAMLMap;
  readonly metadata: YAMLMap | undefined;
  /** The `metadata.name` value node, where findings about the object as a whole are placed. */
  readonly nameNode: Node | undefined;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

/**
 * Groups whose objects look like Kubernetes (apiVersion + kind) but are configuration files read by
 * tools or components, never applied to a cluster. They get no findings.
 */
const NON_CLUSTER_GROUPS = new Set([
  'apiserver.k8s.io', // EgressSelectorConfiguration, AdmissionConfiguration (flowcontrol.apiserver.k8s.io is real)
  'audit.k8s.io',
  'client.authentication.k8s.io',
  'kubeadm.k8s.io',
  'kind.x-k8s.io', // kind cluster configs (other *.x-k8s.io groups, e.g. Cluster API, are real CRDs)
  'skaffold',
  'k3d.io',
  'ctlptl.dev',
]);

export function isNonClusterGroup(group: string): boolean {
  // *.config.k8s.io are component configs: kubelet, kube-proxy, kube-scheduler, kustomize.
  return NON_CLUSTER_GROUPS.has(group) || group.endsWith('.config.k8s.io');
}
/** Core-group kinds that only exist in files (kubeconfig), not in the API. */
const NON_CLUSTER_CORE_KINDS = new Set(['Config']);

/** The object a parsed document holds, or undefined; one object per document, shared by the index and the linter. */
export const toK8sObject: (doc: Document.Parsed) => K8sObject | undefined = memoizeByObject(readK8sObject);

function readK8sObject(doc: Document.Parsed): K8sObject | undefined {
  // Alias bombs, alias cycles and absurd nesting (yaml/parse.ts): reported as YAML errors, never analysed.
  if (doc.errors.some((error) => error.code === 'RESOURCE_EXHAUSTION')) return undefined;
  const root = asMap(doc.contents);
  if (!root) return undefined;
  const apiVersion = stringValue(getPair(root, 'apiVersion'));
  const kind = stringValue(getPair(root, 'kind'));
  if (!apiVersion || !kind) return undefined;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
  if (isNonClusterGroup(group)) return undefined;
  if (group === '' && NON_CLUSTER_CORE_KINDS.has(kind)) return undefined;
  const metadata = getMap(root, 'metadata');
  const nameNode = getNode(metadata, 'name');
  return {
    apiVersion,
    kind,
    group,
    name: scalarString(nameNode),
    namespace: scalarString(getNode(metadata, 'namespace')),
    doc,
    root,
    metadata,
    nameNode,
    labels: stringMap(getMap(metadata, 'labels')),
    annotations: stringMap(getMap(metadata, 'annotations')),
  };
}

function stringValue(pair: Pair<Node, Node | null> | undefined): string | undefined {
  const node = pair?.value;
  // Only genuine strings count: `kind: 1` is not a kind.
  return node && 'value' in node && typeof node.value === 'string' && node.value !== '' ? node.value : undefined;
}

export function stringMap(map: YAMLMap | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (!map) return result;
  for (const item of map.items) {
    const key = scalarString(item.key);
    const value = scalarString(item.value);
    if (key !== undefined && value !== undefined) result[key] = value;
  }
  return result;
}
