/** Reports apiVersions the target Kubernetes version no longer serves, with a migrating fix. */
import { getNode } from '../../yaml/nodes';
import { apiVersionStatus } from '../../k8s/api-versions';
import { defineRule } from '../types';
import { migrationFix } from './migration-fix';

export default defineRule({
  meta: {
    id: 'api-version-removed',
    category: 'api-versions',
    defaultSeverity: 'error',
    summary: 'The object uses an apiVersion that the target Kubernetes version no longer serves.',
    rationale:
      'The API server rejects objects of an apiVersion it no longer serves, so the manifest fails to apply the moment the cluster is upgraded, often together with everything else in the same release. Some successors also changed the structure (Ingress backends, HPA metric targets, a required Deployment selector), so changing the apiVersion alone is not enough.',
    remediation: 'Move the object to the replacement apiVersion and adapt its fields; the quick fix does both and is offered only when the result passes the target schema. Set `kubeGuardrails.kubernetesVersion` to the version your clusters run.',
    messages: {
      removed: '{{kind}} {{apiVersion}} is not served since Kubernetes {{removedIn}} (target {{target}}); use {{replacement}}.',
      removedNoReplacement: '{{kind}} {{apiVersion}} is not served since Kubernetes {{removedIn}} (target {{target}}) and has no replacement API.',
    },
    fixable: 'suggestion',
    examples: {
      invalid: 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\n',
      valid: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\n',
    },
  },
  create(context) {
    return {
      object(object) {
        const status = apiVersionStatus(object.apiVersion, object.kind, context.kubernetesVersion);
        const node = getNode(object.root, 'apiVersion');
        if (status?.status !== 'removed' || !node) return;
        const data = { kind: object.kind, apiVersion: object.apiVersion, removedIn: status.removedIn ?? '', target: context.kubernetesVersion };
        const to = status.replacement;
        if (to === undefined) {
          context.report({ at: node, messageId: 'removedNoReplacement', data });
          return;
        }
        context.report({ at: node, messageId: 'removed', data: { ...data, replacement: to }, fix: (fixer) => migrationFix(object, to, fixer, context.schemas) });
      },
    };
  },
});
