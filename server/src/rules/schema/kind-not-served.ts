/**
 * A built-in kind under an apiVersion that does not serve it (`v1` Deployment, `apps/v1`
 * PodDisruptionBudget). The API server answers "no matches for kind"; without this check nothing
 * is reported, because there is no schema to validate against and the other rules key on the
 * kind's real group.
 */
import type { K8sObject } from '../../k8s/objects';
import { apiVersionStatus } from '../../k8s/api-versions';
import type { SchemaValidator } from '../../schema/types';

/**
 * The apiVersions that do serve the object's kind, or undefined when the object is fine or is not
 * ours to judge: a custom resource (its group has a dot and is not a Kubernetes one, such as
 * Knative's `serving.knative.dev` Service) or an apiVersion that api-version-removed and
 * api-version-deprecated already report.
 */
export function servedElsewhere(schemas: SchemaValidator, object: K8sObject): readonly string[] | undefined {
  if (schemas.hasSchema(object.apiVersion, object.kind)) return undefined;
  if (!isKubernetesGroup(object.group)) return undefined;
  if (apiVersionStatus(object.apiVersion, object.kind, 'newest') !== undefined) return undefined;
  const served = schemas.servedApiVersions(object.kind);
  return served.length > 0 ? served : undefined;
}

/** CRD groups must contain a dot; the groups Kubernetes itself owns have none or end in .k8s.io. */
function isKubernetesGroup(group: string): boolean {
  return !group.includes('.') || group.endsWith('.k8s.io');
}
