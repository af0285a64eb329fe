/**
 * Facts about storage provisioners that storage rules and hover share. The lists name only drivers
 * whose behaviour is well known; an unknown provisioner gets no claim either way.
 */
import type { K8sObject } from './objects';

export type VolumeTopology = 'zonal' | 'node-local';

/**
 * Block storage whose volumes live in one availability zone: a pod using one can only run in
 * that zone. Regional variants (e.g. GCE regional PD) span two zones, still not all of them.
 */
const ZONAL_PROVISIONERS: ReadonlySet<string> = new Set([
  'kubernetes.io/aws-ebs',
  'ebs.csi.aws.com',
  'ebs.csi.eks.amazonaws.com', // EKS Auto Mode
  'kubernetes.io/gce-pd',
  'pd.csi.storage.gke.io',
  'kubernetes.io/azure-disk',
  'disk.csi.azure.com',
  'kubernetes.io/cinder',
  'cinder.csi.openstack.org', // Cinder volumes belong to an availability zone
  'diskplugin.csi.alibabacloud.com',
  'vpc.block.csi.ibm.io',
  'csi.hetzner.cloud', // volumes are bound to one location
]);

/** Volumes on one node's own disks: a pod using one can only run on that node. */
const NODE_LOCAL_PROVISIONERS: ReadonlySet<string> = new Set([
  'kubernetes.io/no-provisioner',
  'rancher.io/local-path',
  'topolvm.io',
  'topolvm.cybozu.com',
  'openebs.io/local',
]);

/** Provisioners that cannot grow a volume, so asking for expansion would only mislead. */
const NO_EXPANSION_PROVISIONERS: ReadonlySet<string> = new Set(['kubernetes.io/no-provisioner', 'rancher.io/local-path', 'openebs.io/local']);

export function isStorageClass(object: K8sObject): boolean {
  return object.kind === 'StorageClass' && object.group === 'storage.k8s.io';
}

export function volumeTopologyOf(provisioner: string): VolumeTopology | undefined {
  if (ZONAL_PROVISIONERS.has(provisioner)) return 'zonal';
  if (NODE_LOCAL_PROVISIONERS.has(provisioner)) return 'node-local';
  return undefined;
}

export function canExpand(provisioner: string): boolean {
  return !NO_EXPANSION_PROVISIONERS.has(provisioner);
}
