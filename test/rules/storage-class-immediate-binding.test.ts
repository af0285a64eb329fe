import rule from '../../server/src/rules/storage/storage-class-immediate-binding';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

const storageClass = (lines: string, apiVersion = 'storage.k8s.io/v1') => yaml`
  apiVersion: ${apiVersion}
  kind: StorageClass
  metadata:
    name: fast
${lines}`;

const TITLE = 'Bind volumes when the first pod is scheduled (WaitForFirstConsumer; immutable: recreate an existing StorageClass)';

runRuleTests(rule, {
  valid: [
    storageClass('  provisioner: ebs.csi.aws.com\n  volumeBindingMode: WaitForFirstConsumer\n'),
    { name: 'network storage reachable from every zone', code: storageClass('  provisioner: efs.csi.aws.com\n') },
    { name: 'an unknown provisioner gets no claim', code: storageClass('  provisioner: example.com/block\n  volumeBindingMode: Immediate\n') },
    { name: 'node-local storage that already waits', code: storageClass('  provisioner: rancher.io/local-path\n  volumeBindingMode: WaitForFirstConsumer\n') },
    { name: 'a PVC is not a StorageClass', code: yaml`
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: data
      spec:
        storageClassName: fast
    ` },
  ],
  invalid: [
    {
      name: 'absent: reported on the provisioner, the fix appends the key and keeps comments',
      code: storageClass('  provisioner: pd.csi.storage.gke.io # GKE\n  parameters:\n    type: pd-ssd # fast disks\n'),
      errors: [{ messageId: 'defaulted', data: { name: 'fast', topology: 'zonal', provisioner: 'pd.csi.storage.gke.io' }, text: 'pd.csi.storage.gke.io', line: 5, column: 14, severity: 'warning', suggestions: [{ title: TITLE, output: storageClass('  provisioner: pd.csi.storage.gke.io # GKE\n  parameters:\n    type: pd-ssd # fast disks\n  volumeBindingMode: WaitForFirstConsumer\n') }] }],
    },
    {
      name: 'explicit Immediate: reported on the value and replaced (storage.k8s.io/v1beta1)',
      code: storageClass('  provisioner: kubernetes.io/aws-ebs\n  volumeBindingMode: Immediate # the default\n  reclaimPolicy: Delete\n', 'storage.k8s.io/v1beta1'),
      errors: [{ messageId: 'explicit', data: { name: 'fast', topology: 'zonal', provisioner: 'kubernetes.io/aws-ebs' }, text: 'Immediate', line: 6, column: 20, suggestions: [{ title: TITLE, output: storageClass('  provisioner: kubernetes.io/aws-ebs\n  volumeBindingMode: WaitForFirstConsumer # the default\n  reclaimPolicy: Delete\n', 'storage.k8s.io/v1beta1') }] }],
    },
    {
      name: 'node-local volumes, second document',
      code: `${storageClass('  provisioner: efs.csi.aws.com\n')}---\n${storageClass('  provisioner: kubernetes.io/no-provisioner\n')}`,
      errors: [{ messageId: 'defaulted', data: { name: 'fast', topology: 'node-local', provisioner: 'kubernetes.io/no-provisioner' }, line: 11, suggestions: [{ title: TITLE, output: `${storageClass('  provisioner: efs.csi.aws.com\n')}---\n${storageClass('  provisioner: kubernetes.io/no-provisioner\n  volumeBindingMode: WaitForFirstConsumer\n')}` }] }],
    },
    {
      name: 'flow-style parameters: reported, no fix',
      code: storageClass('  provisioner: disk.csi.azure.com\n  parameters: {skuName: Premium_LRS}\n'),
      errors: [{ messageId: 'defaulted', text: 'disk.csi.azure.com' }],
    },
  ],
});
