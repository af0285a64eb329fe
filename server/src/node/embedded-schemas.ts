/**
 * The Kubernetes schemas compiled into the bundle, for the CLI: `dist/cli.js` is vendored on its
 * own (copied into a CI folder), where no schemas/ folder sits beside it. A missing folder used to
 * turn schema checks off with one stderr line and exit code 0. The paths name
 * KUBERNETES_SCHEMA_VERSION's folder; a new version changes both.
 */
import definitions from '../../../schemas/k8s/1.36/definitions.json';
import index from '../../../schemas/k8s/1.36/index.json';
import vpa from '../../../schemas/k8s/vpa/autoscaling.k8s.io.v1.VerticalPodAutoscaler.json';
import { createSchemaValidator, loadSchemaSourceFromJson, type SchemaValidator } from '../schema/index';
import { lazyValidator } from './schema-files';

export function lazyEmbeddedSchemas(onError: (message: string) => void): () => SchemaValidator | undefined {
  return lazyValidator(() => createSchemaValidator(loadSchemaSourceFromJson(index, definitions, [vpa])), 'the bundled Kubernetes schemas', onError);
}
