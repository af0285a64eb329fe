/**
 * The hover fallback for fields no curated explainer covers: the field's type, its allowed values,
 * its default where we know it, whether it is required, and a link to the official API reference
 * page of the kind. Everything comes from the bundled schema, so it works for every built-in kind.
 */
import { fieldNote } from './field-notes';
import { allowedValues, fieldType } from '../schema/field-type';
import type { FieldExplainer } from './hover';

export const schemaExplainer: FieldExplainer = ({ object, path, schemas }) => {
  if (!schemas || path.length === 0) return undefined;
  if (path.length === 1 && (path[0] === 'apiVersion' || path[0] === 'kind')) return undefined;
  const field = schemas.schemaAt(object.apiVersion, object.kind, path);
  if (!field) return undefined;
  const parentPath = path.slice(0, -1);
  const name = path[path.length - 1] as string | number;
  const declared = typeof name === 'string' ? schemas.schemaAt(object.apiVersion, object.kind, parentPath)?.properties?.[name] : undefined;
  const required = typeof name === 'string' && (schemas.schemaAt(object.apiVersion, object.kind, parentPath)?.required ?? []).includes(name);
  const title = typeof name === 'number' ? `Item of \`${String(path[path.length - 2])}\`` : `\`${name}\``;
  const lines = [`**${title}**: ${fieldType(declared ?? field)}${required ? ' (required)' : ''}`];
  const note = fieldNote(object.kind, path);
  if (note?.text) lines.push('', note.text);
  const allowed = field.enum ? allowedValues(field) : undefined;
  if (allowed) lines.push('', `Allowed values: ${allowed.map((v) => `\`${v}\``).join(', ')}.`);
  if (note?.default) lines.push('', `Default: ${note.default}.`);
  lines.push('', `[${object.kind} API reference](${apiReferenceUrl(object.apiVersion, object.kind)})`);
  return lines.join('\n');
};

/** The section of https://kubernetes.io/docs/reference/kubernetes-api/ that documents each kind. */
const SECTIONS: Readonly<Record<string, readonly string[]>> = {
  'workload-resources': ['Pod', 'PodTemplate', 'ReplicationController', 'ReplicaSet', 'Deployment', 'StatefulSet', 'ControllerRevision', 'DaemonSet', 'Job', 'CronJob', 'HorizontalPodAutoscaler', 'PriorityClass', 'PodSchedulingContext', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice', 'DeviceClass'],
  'service-resources': ['Service', 'Endpoints', 'EndpointSlice', 'Ingress', 'IngressClass'],
  'config-and-storage-resources': ['ConfigMap', 'Secret', 'CSIDriver', 'CSINode', 'CSIStorageCapacity', 'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass', 'StorageVersionMigration', 'VolumeAttachment', 'VolumeAttributesClass'],
  'authentication-resources': ['ServiceAccount', 'TokenRequest', 'TokenReview', 'CertificateSigningRequest', 'ClusterTrustBundle', 'SelfSubjectReview'],
  'authorization-resources': ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
  'policy-resources': ['FlowSchema', 'LimitRange', 'ResourceQuota', 'NetworkPolicy', 'PodDisruptionBudget', 'PriorityLevelConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding'],
  'extend-resources': ['CustomResourceDefinition', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
  'cluster-resources': ['APIService', 'ComponentStatus', 'Event', 'IPAddress', 'Lease', 'LeaseCandidate', 'Namespace', 'Node', 'RuntimeClass', 'ServiceCIDR'],
};

const SECTION_OF: ReadonlyMap<string, string> = new Map(Object.entries(SECTIONS).flatMap(([section, kinds]) => kinds.map((kind) => [kind, section] as const)));

const REFERENCE_ROOT = 'https://kubernetes.io/docs/reference/kubernetes-api/';

/** e.g. apps/v1 Deployment → …/workload-resources/deployment-v1/; kinds we cannot place → the index. */
export function apiReferenceUrl(apiVersion: string, kind: string): string {
  const section = SECTION_OF.get(kind);
  if (!section) return REFERENCE_ROOT;
  const version = apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
  // "HorizontalPodAutoscaler" → "horizontal-pod-autoscaler", "CSIDriver" → "csi-driver".
  const slug = kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').toLowerCase();
  return `${REFERENCE_ROOT}${section}/${slug}-${version}/`;
}
