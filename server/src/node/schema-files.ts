/**
 * Loads the bundled schemas from the extension's `schemas/` folder (never from the network). The
 * entry points pass the folder; the validator is built on first use, so activation stays fast.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createSchemaValidator, loadSchemaSourceFromJson, type SchemaValidator } from '../schema/index';

export const KUBERNETES_SCHEMA_VERSION = '1.36';

export function loadBundledSchemas(schemasDir: string): SchemaValidator {
  const read = (file: string): unknown => JSON.parse(readFileSync(path.join(schemasDir, file), 'utf8'));
  const source = loadSchemaSourceFromJson(
    read(`k8s/${KUBERNETES_SCHEMA_VERSION}/index.json`),
    read(`k8s/${KUBERNETES_SCHEMA_VERSION}/definitions.json`),
    [read('k8s/vpa/autoscaling.k8s.io.v1.VerticalPodAutoscaler.json')],
  );
  return createSchemaValidator(source);
}

/** A loader that builds the validator once, on first call, and reports a missing folder clearly. */
export function lazySchemas(schemasDir: string, onError: (message: string) => void): () => SchemaValidator | undefined {
  return lazyValidator(() => loadBundledSchemas(schemasDir), schemasDir, onError);
}

/** Builds the validator on first call; a failure is reported once and leaves schema checks off. */
export function lazyValidator(load: () => SchemaValidator, source: string, onError: (message: string) => void): () => SchemaValidator | undefined {
  let validator: SchemaValidator | undefined;
  let failed = false;
  return () => {
    if (validator || failed) return validator;
    try {
      validator = load();
    } catch (error) {
      failed = true;
      onError(`Kubernetes schemas could not be loaded from ${source}; schema checks are off. ${error instanceof Error ? error.message : String(error)}`);
    }
    return validator;
  };
}
