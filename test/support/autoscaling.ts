/** Builders for autoscaler test manifests. */
import { yaml } from './yaml-tag';

/** An HPA named `web` of the given apiVersion targeting Deployment `web`; `lines` follow scaleTargetRef, indented 4 spaces. */
export const hpa = (apiVersion: string, lines: string): string => yaml`
  apiVersion: ${apiVersion}
  kind: HorizontalPodAutoscaler
  metadata:
    name: web
  spec:
    scaleTargetRef:
      apiVersion: apps/v1
      kind: Deployment
      name: web
${lines}`;
