/**
 * Hover for storage fields: StorageClass binding, expansion and reclaim policy, and access modes of
 * claims, volumes and StatefulSet claim templates, with what the written value means for scaling
 * and for the data.
 */
import type { Node, YAMLMap } from 'yaml';
import { canExpand, isStorageClass, volumeTopologyOf } from '../k8s/storage';
import { asMap, asSeq, getIn, getNode, scalarBoolean, scalarString } from '../yaml/nodes';
import type { FieldContext } from './hover';

const BINDING: Record<string, string> = {
  Immediate: 'The volume is created and bound as soon as the claim exists, before any pod using it is scheduled. Its zone (or node) is chosen blind, and the pod must then follow it, even where there is no room.',
  WaitForFirstConsumer: 'The volume is created only when the first pod using the claim is scheduled, in that pod\'s zone or on its node, so affinity, spreading and free capacity are respected.',
};

const RECLAIM: Record<string, string> = {
  Delete: 'When the claim is deleted, the volume and its data are deleted too. Convenient for scratch data; dangerous if claims are deleted by mistake (a StatefulSet retention policy, a `kubectl delete` of a namespace).',
  Retain: 'When the claim is deleted, the volume and its data stay (status Released) until someone deletes or reuses it by hand. Safe for data, but released volumes keep costing money until cleaned up.',
  Recycle: 'Deprecated: the volume is wiped with `rm -rf` and offered to the next claim. Only NFS and hostPath support it, and a StorageClass rejects it.',
};

const ACCESS_MODES: Record<string, string> = {
  ReadWriteOnce: '**ReadWriteOnce**: mounted read-write by one node at a time. Pods sharing the claim must run on that node, so replicas sharing one claim cannot spread, and a rollout that starts the new pod elsewhere waits for the old one to detach.',
  ReadOnlyMany: '**ReadOnlyMany**: mounted read-only by many nodes at once; replicas can spread but not write.',
  ReadWriteMany: '**ReadWriteMany**: mounted read-write by many nodes at once (file storage such as NFS or EFS). Replicas can share it anywhere, so the application must handle concurrent writers.',
  ReadWriteOncePod: '**ReadWriteOncePod**: mounted by a single pod in the whole cluster. A second replica (or a surge pod during a rollout) stays Pending until the first one is gone.',
};

export function storageExplainer(context: FieldContext): string | undefined {
  const { object, path } = context;
  if (isStorageClass(object) && path.length >= 1) return storageClassField(context, String(path[0]));
  if (object.kind === 'PersistentVolume' && object.group === '' && path.join('.') === 'spec.persistentVolumeReclaimPolicy') {
    return reclaimSection(scalarString(getIn(object.root, ['spec', 'persistentVolumeReclaimPolicy'])), 'Retain', 'It is the policy of this volume alone.');
  }
  const at = accessModesIndex(context);
  if (at === undefined) return undefined;
  // On an item, that mode alone; on the key or the list, every mode written.
  const item = path.length === at + 2 ? scalarString(context.node) : undefined;
  const list = asSeq(nodeAt(object.root, path.slice(0, at + 1)));
  const modes = item !== undefined ? [item] : (list?.items ?? []).map((entry) => scalarString(entry)).filter((m): m is string => m !== undefined);
  const lines = ['**Access modes**', '', 'How the volume may be mounted: by how many nodes or pods at once, and whether read-write.'];
  for (const mode of modes) lines.push('', ACCESS_MODES[mode] ?? `**${mode}** is not an access mode the API server accepts.`);
  return lines.join('\n');
}

function storageClassField(context: FieldContext, field: string): string | undefined {
  const root = context.object.root;
  const provisioner = scalarString(getNode(root, 'provisioner'));
  const topology = provisioner === undefined ? undefined : volumeTopologyOf(provisioner);
  if (field === 'volumeBindingMode') {
    const mode = scalarString(getNode(root, 'volumeBindingMode')) ?? 'Immediate';
    const written = getNode(root, 'volumeBindingMode') ? '' : ' (the default)';
    const lines = ['**Volume binding mode**', '', `**${mode}**${written}: ${BINDING[mode] ?? 'not a mode the API server accepts (Immediate or WaitForFirstConsumer).'}`];
    if (mode === 'Immediate' && topology) lines.push('', `\`${provisioner}\` creates ${topology} volumes, so pods using them can only run ${topology === 'zonal' ? 'in one zone' : 'on one node'}: prefer WaitForFirstConsumer.`);
    lines.push('', 'StorageClass fields other than allowVolumeExpansion cannot be changed: the class must be recreated.');
    return lines.join('\n');
  }
  if (field === 'allowVolumeExpansion') {
    const allowed = scalarBoolean(getNode(root, 'allowVolumeExpansion')) === true;
    const lines = ['**Volume expansion**', '', allowed
      ? 'Allowed: raising a claim\'s `resources.requests.storage` grows its volume in place (claims can only grow, never shrink).'
      : 'Not allowed: a full volume can only be replaced by a bigger one, with the data copied across by hand.'];
    if (provisioner !== undefined && !canExpand(provisioner)) lines.push('', `\`${provisioner}\` cannot resize volumes, so this setting has no effect.`);
    return lines.join('\n');
  }
  if (field === 'reclaimPolicy') {
    return reclaimSection(scalarString(getNode(root, 'reclaimPolicy')), 'Delete', 'It applies to volumes this class provisions from now on; existing volumes keep theirs.');
  }
  return undefined;
}

function reclaimSection(written: string | undefined, fallback: string, scope: string): string {
  const policy = written ?? fallback;
  const note = written === undefined ? ' (the default)' : '';
  return ['**Reclaim policy**', '', `**${policy}**${note}: ${RECLAIM[policy] ?? 'not a policy the API server accepts.'}`, '', scope].join('\n');
}

/** Follows keys and list indices from the root. */
function nodeAt(root: YAMLMap, path: readonly (string | number)[]): Node | undefined {
  let node: Node | undefined = root;
  for (const step of path) node = typeof step === 'number' ? (asSeq(node)?.items[step] as Node | undefined) : getNode(asMap(node), step);
  return node;
}

/** The position of `accessModes` in the path, when the hovered node is an access mode list, its key or an item. */
function accessModesIndex({ object, path }: FieldContext): number | undefined {
  const at = path.indexOf('accessModes');
  if (at === -1 || path.length > at + 2) return undefined;
  const prefix = path.slice(0, at).join('.');
  if ((object.kind === 'PersistentVolumeClaim' || object.kind === 'PersistentVolume') && object.group === '' && prefix === 'spec') return at;
  if (object.kind === 'StatefulSet' && /^spec\.volumeClaimTemplates\.\d+\.spec$/.test(prefix)) return at;
  return undefined;
}
