import rule from '../../server/src/rules/storage/storage-class-no-expansion';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

const storageClass = (lines: string, apiVersion = 'storage.k8s.io/v1') => yaml`
  apiVersion: ${apiVersion}
  kind: StorageClass
  metadata:
    name: standard
${lines}`;

runRuleTests(rule, {
  valid: [
    storageClass('  provisioner: ebs.csi.aws.com\n  allowVolumeExpansion: true\n'),
    { name: 'a provisioner that cannot resize', code: storageClass('  provisioner: kubernetes.io/no-provisioner\n  volumeBindingMode: WaitForFirstConsumer\n') },
    { name: 'not a boolean: left to the schema check', code: storageClass('  provisioner: ebs.csi.aws.com\n  allowVolumeExpansion: "yes"\n') },
    { name: 'another group', code: yaml`
      apiVersion: example.com/v1
      kind: StorageClass
      metadata:
        name: x
      provisioner: ebs.csi.aws.com
    ` },
  ],
  invalid: [
    {
      name: 'absent: safe fix appends allowVolumeExpansion, keeping comments',
      code: storageClass('  provisioner: ebs.csi.aws.com # EBS\n  # late binding\n  volumeBindingMode: WaitForFirstConsumer\n'),
      errors: [{ messageId: 'missing', data: { name: 'standard' }, text: 'ebs.csi.aws.com', line: 5, column: 14, severity: 'info' }],
      output: storageClass('  provisioner: ebs.csi.aws.com # EBS\n  # late binding\n  volumeBindingMode: WaitForFirstConsumer\n  allowVolumeExpansion: true\n'),
    },
    {
      name: 'explicit false: flipping it is only a suggestion',
      code: storageClass('  provisioner: example.com/nfs\n  allowVolumeExpansion: false # driver limitation?\n', 'storage.k8s.io/v1beta1'),
      errors: [{
        messageId: 'disabled',
        data: { name: 'standard' },
        text: 'false',
        line: 6,
        suggestions: [{ title: 'Allow volume expansion', output: storageClass('  provisioner: example.com/nfs\n  allowVolumeExpansion: true # driver limitation?\n', 'storage.k8s.io/v1beta1') }],
      }],
    },
    {
      name: 'second document; flow-style parameters: no fix',
      code: `${storageClass('  provisioner: ebs.csi.aws.com\n  allowVolumeExpansion: true\n')}---\n${storageClass('  provisioner: disk.csi.azure.com\n  parameters: {skuName: Premium_LRS}\n')}`,
      errors: [{ messageId: 'missing', text: 'disk.csi.azure.com', line: 12 }],
    },
  ],
});
