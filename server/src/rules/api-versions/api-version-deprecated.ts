/** Reports apiVersions that are deprecated in the target Kubernetes version, with a migrating fix. */
import { getNode } from '../../yaml/nodes';
import { apiVersionStatus } from '../../k8s/api-versions';
import { defineRule } from '../types';
import { migrationFix } from './migration-fix';

export default defineRule({
  meta: {
    id: 'api-version-deprecated',
    category: 'api-versions',
    defaultSeverity: 'warning',
    summary: 'The object uses an apiVersion that is deprecated in the target Kubernetes version.',
    rationale:
      'A deprecated apiVersion still works, but it is scheduled for removal: the upgrade that removes it breaks every manifest still using it. Migrating while both versions are served lets you test the new shape before you have to.',
    remediation: 'Move the object to the replacement apiVersion and adapt its fields; the quick fix does both and is offered only when the result passes the target schema.',
    messages: {
      deprecated: '{{kind}} {{apiVersion}} is deprecated since Kubernetes {{deprecatedIn}} and not served from {{removedIn}}; use {{replacement}}.',
      deprecatedNoRemoval: '{{kind}} {{apiVersion}} is deprecated; use {{replacement}}.',
      deprecatedNoReplacement: '{{kind}} {{apiVersion}} is deprecated since Kubernetes {{deprecatedIn}}, not served from {{removedIn}}, and has no replacement API.',
    },
    fixable: 'suggestion',
    examples: {
      invalid: 'apiVersion: autoscaling.k8s.io/v1beta2\nkind: VerticalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  targetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n',
      valid: 'apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  targetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n',
    },
  },
  create(context) {
    return {
      object(object) {
        const status = apiVersionStatus(object.apiVersion, object.kind, context.kubernetesVersion);
        const node = getNode(object.root, 'apiVersion');
        if (status?.status !== 'deprecated' || !node) return;
        const data = { kind: object.kind, apiVersion: object.apiVersion, deprecatedIn: status.deprecatedIn, removedIn: status.removedIn ?? '' };
        const to = status.replacement;
        if (to === undefined) {
          context.report({ at: node, messageId: 'deprecatedNoReplacement', data });
          return;
        }
        context.report({
          at: node,
          messageId: status.removedIn === undefined ? 'deprecatedNoRemoval' : 'deprecated',
          data: { ...data, replacement: to },
          fix: (fixer) => migrationFix(object, to, fixer, context.schemas),
        });
      },
    };
  },
});
