/**
 * Removed and deprecated apiVersions of built-in kinds (plus the VPA CRD), so a rule can say
 * "batch/v1beta1 CronJob is not served since 1.25; use batch/v1" for the cluster version the
 * user targets. Pure data and one lookup function.
 *
 * Versions come from the Kubernetes deprecation guide and the API server's deprecation warnings.
 * `deprecatedIn` is the release whose API server started warning; `removedIn` the first release
 * that no longer serves the version. Alpha versions that disappeared without a recorded removal
 * release are left out on purpose: reporting a wrong release would be worse than silence.
 */

export interface ApiVersionStatus {
  status: 'removed' | 'deprecated';
  deprecatedIn: string;
  removedIn?: string;
  /** The apiVersion to migrate to, when one exists. */
  replacement?: string;
}

interface Entry {
  apiVersion: string;
  kinds: readonly string[];
  deprecatedIn: string;
  removedIn?: string;
  replacement?: string;
}

const APPS_KINDS_V1BETA2 = ['DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'];
const STORAGE_V1BETA1_KINDS_1_19 = ['CSIDriver', 'StorageClass', 'VolumeAttachment'];
const FLOW = ['FlowSchema', 'PriorityLevelConfiguration'];
const RBAC = ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'];
const ACCESS_REVIEWS = ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SubjectAccessReview'];

const ENTRIES: readonly Entry[] = [
  // Removed in 1.16: the pre-apps/v1 workload and networking versions (deprecated when apps/v1
  // went GA in 1.9).
  { apiVersion: 'extensions/v1beta1', kinds: ['DaemonSet', 'Deployment', 'ReplicaSet'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta1', kinds: ['Deployment', 'StatefulSet'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kinds: APPS_KINDS_V1BETA2, deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'networking.k8s.io/v1' },
  // Its successor (policy/v1beta1) is gone too, so there is nothing to migrate to.
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], deprecatedIn: '1.10', removedIn: '1.16' },
  // Removed in 1.22.
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], deprecatedIn: '1.14', removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress', 'IngressClass'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: STORAGE_V1BETA1_KINDS_1_19, deprecatedIn: '1.19', removedIn: '1.22', replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSINode'], deprecatedIn: '1.17', removedIn: '1.22', replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], deprecatedIn: '1.14', removedIn: '1.22', replacement: 'scheduling.k8s.io/v1' },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], deprecatedIn: '1.16', removedIn: '1.22', replacement: 'apiextensions.k8s.io/v1' },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], deprecatedIn: '1.16', removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: RBAC, deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'certificates.k8s.io/v1' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'coordination.k8s.io/v1' },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'apiregistration.k8s.io/v1' },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['TokenReview'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'authentication.k8s.io/v1' },
  { apiVersion: 'authorization.k8s.io/v1beta1', kinds: ACCESS_REVIEWS, deprecatedIn: '1.19', removedIn: '1.22', replacement: 'authorization.k8s.io/v1' },
  // Removed in 1.25.
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], deprecatedIn: '1.22', removedIn: '1.25', replacement: 'autoscaling/v2' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], deprecatedIn: '1.21', removedIn: '1.25', replacement: 'policy/v1' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], deprecatedIn: '1.21', removedIn: '1.25' },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], deprecatedIn: '1.21', removedIn: '1.25', replacement: 'batch/v1' },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], deprecatedIn: '1.22', removedIn: '1.25', replacement: 'node.k8s.io/v1' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], deprecatedIn: '1.21', removedIn: '1.25', replacement: 'discovery.k8s.io/v1' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], deprecatedIn: '1.19', removedIn: '1.25', replacement: 'events.k8s.io/v1' },
  // Removed in 1.26 and later.
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], deprecatedIn: '1.23', removedIn: '1.26', replacement: 'autoscaling/v2' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: FLOW, deprecatedIn: '1.23', removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], deprecatedIn: '1.24', removedIn: '1.27', replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: FLOW, deprecatedIn: '1.26', removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: FLOW, deprecatedIn: '1.29', removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  // The VPA CRD versions independently of Kubernetes; its current CRD marks the beta versions
  // deprecated whatever the cluster version, hence "1.0" (deprecated for every target).
  { apiVersion: 'autoscaling.k8s.io/v1beta2', kinds: ['VerticalPodAutoscaler', 'VerticalPodAutoscalerCheckpoint'], deprecatedIn: '1.0', replacement: 'autoscaling.k8s.io/v1' },
  { apiVersion: 'autoscaling.k8s.io/v1beta1', kinds: ['VerticalPodAutoscaler', 'VerticalPodAutoscalerCheckpoint'], deprecatedIn: '1.0', replacement: 'autoscaling.k8s.io/v1' },
];

const BY_KEY: ReadonlyMap<string, Entry> = new Map(
  ENTRIES.flatMap((entry) => entry.kinds.map((kind) => [`${entry.apiVersion}/${kind}`, entry] as const)),
);

/**
 * Status of `apiVersion`+`kind` for a cluster at `targetVersion` ("1.36", also "v1.36.2"):
 * 'removed' when target ≥ removedIn, 'deprecated' when deprecatedIn ≤ target, else undefined.
 * An unparseable target is treated as "newest", the safe side for a linter.
 */
export function apiVersionStatus(apiVersion: string, kind: string, targetVersion: string): ApiVersionStatus | undefined {
  const entry = BY_KEY.get(`${apiVersion}/${kind}`);
  if (!entry) return undefined;
  const target = parseVersion(targetVersion) ?? [Infinity, Infinity];
  const result: ApiVersionStatus = { status: 'deprecated', deprecatedIn: entry.deprecatedIn };
  if (entry.removedIn !== undefined) result.removedIn = entry.removedIn;
  if (entry.replacement !== undefined) result.replacement = entry.replacement;
  if (entry.removedIn !== undefined && compareVersions(target, parseVersion(entry.removedIn) as number[]) >= 0) {
    result.status = 'removed';
    return result;
  }
  return compareVersions(target, parseVersion(entry.deprecatedIn) as number[]) >= 0 ? result : undefined;
}

/** "1.9" → [1, 9]; "v1.36.2" → [1, 36] (patch releases never change what is served). */
export function parseVersion(text: string): number[] | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** Numeric comparison, so 1.9 < 1.16. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
