import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseImageReference } from '../../server/src/k8s/images';
import rule from '../../server/src/rules/availability/image-tag-latest';
import { deployment } from '../support/manifests';
import { runRuleTests } from '../support/rule-tester';
import { yaml } from '../support/yaml-tag';

const image = (ref: string) => deployment(`- name: app\n  image: ${ref}\n`);

describe('parseImageReference', () => {
  it('reads tags, digests and registry ports', () => {
    assert.deepEqual(parseImageReference('nginx:1.27'), { kind: 'tag', tag: '1.27' });
    assert.deepEqual(parseImageReference('registry:5000/app'), { kind: 'untagged' });
    assert.deepEqual(parseImageReference('registry:5000/team/app:latest'), { kind: 'tag', tag: 'latest' });
    assert.deepEqual(parseImageReference('app:latest@sha256:abc'), { kind: 'digest' });
  });
});

runRuleTests(rule, {
  valid: [
    image('nginx:1.27.0'),
    { name: 'pinned by digest, with or without a tag', code: image('ghcr.io/acme/app@sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae') },
    { name: 'a registry port and a real tag', code: image('registry.local:5000/team/app:2.3.1') },
    { name: 'placeholders filled in later', code: image('"${IMAGE}"') },
    { name: 'a Helm-like placeholder', code: image('"{{ .Values.image }}"') },
  ],
  invalid: [
    {
      name: 'the latest tag',
      code: image('nginx:latest # moving'),
      errors: [{ messageId: 'latest', data: { container: 'app', image: 'nginx:latest' }, text: 'nginx:latest', line: 16, column: 18, severity: 'warning' }],
    },
    {
      name: 'no tag behind a registry port',
      code: image('registry:5000/app'),
      errors: [{ messageId: 'untagged', data: { container: 'app', image: 'registry:5000/app' }, text: 'registry:5000/app' }],
    },
    {
      name: 'init containers, a CronJob, flow style and a second document',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec: {initContainers: [{name: init, image: busybox}], containers: [{name: app, image: "app:1"}]}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: nightly
        spec:
          schedule: "0 2 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: job
                      image: 'registry.example.com/job:latest'
      `,
      errors: [
        { messageId: 'untagged', data: { container: 'init', image: 'busybox' }, text: 'busybox', line: 4 },
        { messageId: 'latest', data: { container: 'job', image: 'registry.example.com/job:latest' }, text: "'registry.example.com/job:latest'", line: 18 },
      ],
    },
  ],
});
