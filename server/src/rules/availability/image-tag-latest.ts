/** Reports container images pinned to `latest` or to no tag at all. */
import { defineRule } from '../types';
import { parseImageReference } from '../../k8s/images';
import { getNode, scalarString } from '../../yaml/nodes';

/** Placeholders filled in later (Helm, envsubst, Kustomize image transformers) are not images yet. */
const PLACEHOLDER = /\$\{|\{\{|\$[A-Z_]/;

export default defineRule({
  meta: {
    id: 'image-tag-latest',
    category: 'availability',
    defaultSeverity: 'warning',
    summary: 'A container image uses the `latest` tag or no tag, so the version that runs is not fixed.',
    rationale:
      'A moving tag means each node pulls whatever the tag points to when a pod starts there. As the workload scales out or pods are rescheduled, replicas end up on different versions, a rollback cannot return to the previous build, and the default pull policy becomes Always, so every pod start depends on the registry being reachable.',
    remediation: 'Pin the image to an immutable version tag (e.g. `1.4.2`) or, better, to a digest (`@sha256:…`).',
    messages: {
      latest: 'Container "{{container}}" uses image "{{image}}" with the moving tag "latest".',
      untagged: 'Container "{{container}}" uses image "{{image}}" without a tag, which means "latest".',
    },
    examples: {
      invalid: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx
`,
      valid: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.0
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const node = getNode(container.node, 'image');
        const image = scalarString(node);
        if (!node || !image || PLACEHOLDER.test(image)) return;
        const reference = parseImageReference(image.trim());
        if (reference.kind === 'digest' || (reference.kind === 'tag' && reference.tag !== 'latest')) return;
        context.report({ at: node, messageId: reference.kind === 'tag' ? 'latest' : 'untagged', data: { container: container.name ?? '(unnamed)', image } });
      },
    };
  },
});
