/**
 * Allowed values for string fields, keyed by `<definition>.<property>` (append `[]` when the
 * values constrain the items of a list).
 *
 * Why a hand-kept table: the upstream OpenAPI v2 document we generate from carries no `enum`
 * keywords at all, yet these fields are checked by the API server (or by the controller that
 * owns them) and typos in them are a classic source of rejected or silently misbehaving
 * manifests. We list only fields whose value set is closed and stable in Kubernetes 1.36; a field
 * whose set is still growing behind feature gates stays a plain string so we never reject
 * something a real cluster accepts. The generator fails if a key here no longer matches the
 * document, so the table cannot rot silently.
 */
const CORE = 'io.k8s.api.core.v1.';
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TAINT_EFFECTS = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'];
const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const PROFILE_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];
const SELECTOR_OPERATORS = ['DoesNotExist', 'Exists', 'In', 'NotIn'];

export const ENUM_OVERLAY: Readonly<Record<string, readonly string[]>> = {
  // Containers (plain and ephemeral share the same closed sets).
  [`${CORE}Container.imagePullPolicy`]: ['Always', 'IfNotPresent', 'Never'],
  [`${CORE}EphemeralContainer.imagePullPolicy`]: ['Always', 'IfNotPresent', 'Never'],
  [`${CORE}Container.terminationMessagePolicy`]: ['FallbackToLogsOnError', 'File'],
  [`${CORE}EphemeralContainer.terminationMessagePolicy`]: ['FallbackToLogsOnError', 'File'],
  [`${CORE}ContainerPort.protocol`]: PROTOCOLS,
  [`${CORE}ContainerResizePolicy.restartPolicy`]: ['NotRequired', 'RestartContainer'],
  [`${CORE}HTTPGetAction.scheme`]: ['HTTP', 'HTTPS'],
  [`${CORE}VolumeMount.mountPropagation`]: ['Bidirectional', 'HostToContainer', 'None'],
  [`${CORE}VolumeMount.recursiveReadOnly`]: ['Disabled', 'Enabled', 'IfPossible'],
  [`${CORE}SeccompProfile.type`]: PROFILE_TYPES,
  [`${CORE}AppArmorProfile.type`]: PROFILE_TYPES,
  // Pod-level settings.
  [`${CORE}PodSpec.restartPolicy`]: ['Always', 'Never', 'OnFailure'],
  [`${CORE}PodSpec.dnsPolicy`]: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  [`${CORE}PodSpec.preemptionPolicy`]: ['Never', 'PreemptLowerPriority'],
  [`${CORE}PodOS.name`]: ['linux', 'windows'],
  [`${CORE}PodSecurityContext.fsGroupChangePolicy`]: ['Always', 'OnRootMismatch'],
  [`${CORE}TopologySpreadConstraint.whenUnsatisfiable`]: ['DoNotSchedule', 'ScheduleAnyway'],
  [`${CORE}TopologySpreadConstraint.nodeAffinityPolicy`]: ['Honor', 'Ignore'],
  [`${CORE}TopologySpreadConstraint.nodeTaintsPolicy`]: ['Honor', 'Ignore'],
  [`${CORE}NodeSelectorRequirement.operator`]: [...SELECTOR_OPERATORS, 'Gt', 'Lt'],
  // An empty effect on a toleration means "all effects", so "" is legal there.
  [`${CORE}Toleration.effect`]: ['', ...TAINT_EFFECTS],
  [`${CORE}Taint.effect`]: TAINT_EFFECTS,
  [`${CORE}HostPathVolumeSource.type`]: [
    '', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket',
  ],
  // Services.
  [`${CORE}ServiceSpec.type`]: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
  [`${CORE}ServiceSpec.externalTrafficPolicy`]: ['Cluster', 'Local'],
  [`${CORE}ServiceSpec.internalTrafficPolicy`]: ['Cluster', 'Local'],
  [`${CORE}ServiceSpec.sessionAffinity`]: ['ClientIP', 'None'],
  [`${CORE}ServiceSpec.ipFamilyPolicy`]: ['PreferDualStack', 'RequireDualStack', 'SingleStack'],
  [`${CORE}ServiceSpec.ipFamilies[]`]: ['IPv4', 'IPv6'],
  [`${CORE}ServicePort.protocol`]: PROTOCOLS,
  // Storage.
  [`${CORE}PersistentVolumeClaimSpec.accessModes[]`]: ACCESS_MODES,
  [`${CORE}PersistentVolumeClaimSpec.volumeMode`]: ['Block', 'Filesystem'],
  [`${CORE}PersistentVolumeSpec.accessModes[]`]: ACCESS_MODES,
  [`${CORE}PersistentVolumeSpec.volumeMode`]: ['Block', 'Filesystem'],
  [`${CORE}PersistentVolumeSpec.persistentVolumeReclaimPolicy`]: ['Delete', 'Recycle', 'Retain'],
  'io.k8s.api.storage.v1.StorageClass.volumeBindingMode': ['Immediate', 'WaitForFirstConsumer'],
  // StorageClass validation only accepts these two (Recycle is PV-only and deprecated).
  'io.k8s.api.storage.v1.StorageClass.reclaimPolicy': ['Delete', 'Retain'],
  'io.k8s.api.storage.v1.CSIDriverSpec.fsGroupPolicy': ['File', 'None', 'ReadWriteOnceWithFSType'],
  // Workload controllers.
  'io.k8s.api.apps.v1.DeploymentStrategy.type': ['Recreate', 'RollingUpdate'],
  'io.k8s.api.apps.v1.StatefulSetUpdateStrategy.type': ['OnDelete', 'RollingUpdate'],
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy.type': ['OnDelete', 'RollingUpdate'],
  'io.k8s.api.apps.v1.StatefulSetSpec.podManagementPolicy': ['OrderedReady', 'Parallel'],
  'io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': ['Delete', 'Retain'],
  'io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': ['Delete', 'Retain'],
  'io.k8s.api.batch.v1.CronJobSpec.concurrencyPolicy': ['Allow', 'Forbid', 'Replace'],
  'io.k8s.api.batch.v1.JobSpec.completionMode': ['Indexed', 'NonIndexed'],
  'io.k8s.api.batch.v1.JobSpec.podReplacementPolicy': ['Failed', 'TerminatingOrFailed'],
  'io.k8s.api.batch.v1.PodFailurePolicyRule.action': ['Count', 'FailIndex', 'FailJob', 'Ignore'],
  'io.k8s.api.batch.v1.PodFailurePolicyOnExitCodesRequirement.operator': ['In', 'NotIn'],
  // Autoscaling.
  'io.k8s.api.autoscaling.v2.MetricSpec.type': ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'],
  'io.k8s.api.autoscaling.v2.MetricTarget.type': ['AverageValue', 'Utilization', 'Value'],
  'io.k8s.api.autoscaling.v2.HPAScalingRules.selectPolicy': ['Disabled', 'Max', 'Min'],
  'io.k8s.api.autoscaling.v2.HPAScalingPolicy.type': ['Percent', 'Pods'],
  // Networking, policy and API machinery.
  'io.k8s.api.networking.v1.HTTPIngressPath.pathType': ['Exact', 'ImplementationSpecific', 'Prefix'],
  'io.k8s.api.networking.v1.NetworkPolicySpec.policyTypes[]': ['Egress', 'Ingress'],
  'io.k8s.api.networking.v1.NetworkPolicyPort.protocol': PROTOCOLS,
  'io.k8s.api.policy.v1.PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': ['AlwaysAllow', 'IfHealthyBudget'],
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement.operator': SELECTOR_OPERATORS,
  'io.k8s.api.admissionregistration.v1.ValidatingWebhook.failurePolicy': ['Fail', 'Ignore'],
  'io.k8s.api.admissionregistration.v1.MutatingWebhook.failurePolicy': ['Fail', 'Ignore'],
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionSpec.scope': ['Cluster', 'Namespaced'],
};
