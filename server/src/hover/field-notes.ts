/**
 * Our short explanations and defaults of frequently used fields, for completion documentation and
 * the schema hover. Resource fields reuse the hover's own texts (resource-docs.ts); probe timing
 * defaults come from k8s/probes.ts, so each fact is written once.
 */
import { PROBE_DEFAULTS, type TimingName } from '../k8s/probes';
import { RESOURCE_FIELD_DOCS } from './resource-docs';

export interface FieldNote {
  readonly text?: string;
  /** What the API server uses when the field is left out, as it would be written. */
  readonly default?: string;
}

const PROBE_KEYS = new Set(['livenessProbe', 'readinessProbe', 'startupProbe']);

const PROBE_TIMING: Readonly<Record<TimingName, string>> = {
  initialDelaySeconds: 'Seconds after the container starts before the first check.',
  periodSeconds: 'Seconds between two checks.',
  timeoutSeconds: 'Seconds a single check may take before it counts as failed.',
  failureThreshold: 'Failed checks in a row before the probe acts (restart, or removal from endpoints).',
  successThreshold: 'Passing checks in a row before a failed probe counts as passing again; must be 1 for liveness and startup probes.',
};

/** By `Kind.field`, or `*.field` for a field whose name means the same in every kind. */
const NOTES: Readonly<Record<string, FieldNote>> = {
  '*.livenessProbe': { text: 'A check whose repeated failure makes the kubelet restart the container. Fail it only when the process cannot recover by itself.' },
  '*.readinessProbe': { text: 'A check that decides whether the pod receives Service traffic; failing it removes the pod from endpoints without a restart.' },
  '*.startupProbe': { text: 'A check that holds back liveness and readiness checks until the application has started; for slow starters.' },
  '*.terminationGracePeriodSeconds': { text: 'Seconds between SIGTERM (after preStop hooks) and SIGKILL when the pod stops.', default: '30' },
  '*.imagePullPolicy': { text: 'When the kubelet pulls the image.', default: 'IfNotPresent (Always for the tag latest or no tag)' },
  '*.restartPolicy': { default: 'Always' },
  '*.revisionHistoryLimit': { text: 'Old ReplicaSets or revisions kept for rollbacks.', default: '10' },
  'Deployment.replicas': { text: 'The number of pods; leave it out when a HorizontalPodAutoscaler manages the count, or every apply resets it.', default: '1' },
  'StatefulSet.replicas': { text: 'The number of pods, created and removed in order.', default: '1' },
  'Deployment.progressDeadlineSeconds': { text: 'Seconds a rollout may make no progress before it is reported as failed.', default: '600' },
  'StatefulSet.podManagementPolicy': { text: 'Whether pods start and stop one at a time (OrderedReady) or all at once (Parallel).', default: 'OrderedReady' },
  'StatefulSet.persistentVolumeClaimRetentionPolicy': { text: 'Whether the claims of the volume templates are deleted with the StatefulSet or when it scales down.', default: 'Retain for both' },
  'HorizontalPodAutoscaler.minReplicas': { text: 'The fewest replicas the autoscaler keeps, even without load.', default: '1' },
  'HorizontalPodAutoscaler.maxReplicas': { text: 'The most replicas the autoscaler creates; also caps what a bad metric can cost.' },
  'HorizontalPodAutoscaler.metrics': { text: 'What the autoscaler measures; with several metrics it follows the one asking for the most replicas.', default: '80% average CPU utilisation' },
  'HorizontalPodAutoscaler.behavior': { text: 'How fast the autoscaler may scale up and down (policies and stabilisation windows).' },
  'HorizontalPodAutoscaler.scaleTargetRef': { text: 'The workload whose replica count the autoscaler sets.' },
  'HorizontalPodAutoscaler.stabilizationWindowSeconds': { text: 'Seconds of past recommendations considered; the autoscaler follows the most conservative one in the window.' },
  'StorageClass.volumeBindingMode': { text: 'When volumes are provisioned: at once (Immediate) or when a pod using the claim is scheduled (WaitForFirstConsumer, which respects the pod\'s zone).', default: 'Immediate' },
  'StorageClass.reclaimPolicy': { text: 'What happens to a provisioned volume when its claim is deleted.', default: 'Delete' },
  'StorageClass.allowVolumeExpansion': { text: 'Whether claims of this class may be resized by editing their storage request.', default: 'false' },
  'StorageClass.provisioner': { text: 'The driver that creates volumes of this class, e.g. a CSI driver name.' },
  'PersistentVolume.persistentVolumeReclaimPolicy': { text: 'What happens to the volume when its claim is released; Recycle is deprecated.', default: 'Retain for manual volumes, the class\'s reclaimPolicy for provisioned ones' },
};

export function fieldNote(kind: string, path: readonly (string | number)[]): FieldNote | undefined {
  const keys = path.filter((segment): segment is string => typeof segment === 'string');
  const key = keys[keys.length - 1];
  if (key === undefined) return undefined;
  const resources = path.lastIndexOf('resources');
  if (resources !== -1 && path.slice(resources + 1).every((s) => typeof s === 'string')) {
    const text = RESOURCE_FIELD_DOCS[path.slice(resources + 1).join('.') || 'resources'];
    if (text) return { text };
  }
  const parent = keys[keys.length - 2];
  if (parent !== undefined && PROBE_KEYS.has(parent) && key in PROBE_TIMING) {
    return { text: PROBE_TIMING[key as TimingName], default: String(PROBE_DEFAULTS[key as TimingName]) };
  }
  return NOTES[`${kind}.${key}`] ?? NOTES[`*.${key}`];
}
