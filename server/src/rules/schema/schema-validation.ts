/**
 * Checks each object against the bundled Kubernetes schema of its apiVersion and kind, or against
 * the CustomResourceDefinition in the workspace that defines it. One rule, with the validator's
 * specific messages; did-you-mean guesses become quick fixes.
 */
import { isScalar, type Node } from 'yaml';
import type { K8sObject } from '../../k8s/objects';
import { podSpecPath } from '../../k8s/workloads';
import { validateWithCrd } from '../../schema/crd';
import type { SchemaProblem } from '../../schema/types';
import { getIn, getNode, scalarString } from '../../yaml/nodes';
import { renderScalar } from '../../yaml/fixer';
import { defineRule, type RuleContext } from '../types';
import { apiProblems } from './api-checks';
import { servedElsewhere } from './kind-not-served';
import { locateProblem, nodeAt } from './problem-location';

type MessageId = 'unknownField' | 'missingField' | 'invalidValue' | 'kindNotServed';

const MESSAGE_BY_TARGET: Readonly<Record<SchemaProblem['target'], MessageId>> = { key: 'unknownField', parentKey: 'missingField', value: 'invalidValue' };

export default defineRule<MessageId>({
  meta: {
    id: 'schema-validation',
    category: 'schema',
    defaultSeverity: 'error',
    summary: 'A field is unknown, missing, of the wrong type or has a value the Kubernetes API does not accept.',
    rationale:
      'The API server rejects an object whose fields do not match its schema, or whose kind its apiVersion does not serve (`apiVersion: v1` with `kind: Deployment`), so the mistake shows up only when the manifest is applied, often in a pipeline far from the editor. Until the apiVersion is one that serves the kind, the other rules do not lint the object as that kind: the API never creates it, and their findings would bury the one that matters. Unknown fields are worse when validation is relaxed: a misspelt `livenessprobe` is silently dropped and the container runs without the probe you wrote.',
    remediation: 'Use the field names, types and values of the Kubernetes API for the object\'s apiVersion and kind; the quick fix applies the suggested spelling when there is one.',
    messages: {
      unknownField: '{{detail}}',
      missingField: '{{detail}}',
      invalidValue: '{{detail}}',
      kindNotServed: '{{apiVersion}} does not serve {{kind}}; the API serves it as {{served}}.',
    },
    // Safe: adding the restartPolicy a Job needs (such a Job was never created, so nothing running changes).
    fixable: 'suggestion',
    // Custom resources are checked against CustomResourceDefinitions found in the workspace.
    needsIndex: true,
    examples: {
      invalid: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: "three"\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.4.2\n          livenessprobe:\n            httpGet:\n              path: /healthz\n              port: 8080\n',
      valid: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.4.2\n          livenessProbe:\n            httpGet:\n              path: /healthz\n              port: 8080\n',
    },
  },
  create(context) {
    return {
      object(object) {
        if (context.document.errors.length > 0) return; // broken YAML is yaml-syntax's finding
        if (reportKindNotServed(context, object)) return;
        const problems = problemsOf(context, object);
        for (const problem of problems ?? []) report(context, object, problem);
        if (context.schemas?.hasSchema(object.apiVersion, object.kind) === true) reportApiProblems(context, object);
      },
    };
  },
});

/** True when the object's apiVersion does not serve its kind (reported, with each served one as a fix). */
function reportKindNotServed(context: RuleContext<MessageId>, object: K8sObject): boolean {
  const served = context.schemas && servedElsewhere(context.schemas, object);
  const node = getNode(object.root, 'apiVersion');
  if (!served || !node) return false;
  context.report({
    at: node,
    messageId: 'kindNotServed',
    data: { apiVersion: object.apiVersion, kind: object.kind, served: served.join(' or ') },
    // A suggestion: the object's fields may need changes for the new version as well.
    fix: (fixer) => served.flatMap((apiVersion) => {
      const edit = fixer.replaceNode(node, replacementText(node, apiVersion));
      return edit ? [{ title: `Change to ${apiVersion}`, kind: 'suggestion' as const, edits: [edit] }] : [];
    }),
  });
  return true;
}

/** The API's own validation beyond the schema (api-checks.ts). */
function reportApiProblems(context: RuleContext<MessageId>, object: K8sObject): void {
  for (const problem of apiProblems(object)) {
    if (problem.target === 'parentKey' && context.partial) continue;
    const fix = problem.fix;
    context.report({
      at: problem.at,
      messageId: problem.target === 'value' ? 'invalidValue' : 'missingField',
      data: { detail: problem.detail },
      fix: fix && ((fixer) => fix(fixer)),
    });
  }
}

function problemsOf(context: RuleContext<MessageId>, object: K8sObject): SchemaProblem[] | undefined {
  const schemas = context.schemas;
  const builtIn = schemas?.hasSchema(object.apiVersion, object.kind) === true;
  // Custom resources need a CRD; without one (or without a group) there is nothing to check against.
  const crd = builtIn || object.group === '' ? undefined : findCrd(context, object);
  if (!builtIn && !crd) return undefined;
  const value = plainValue(object.doc);
  if (value === FAILED) return undefined;
  if (builtIn) return schemas?.validate(object.apiVersion, object.kind, context.selectorLabelsFromKustomize ? withKustomizeSelector(object, value) : value);
  return crd && validateWithCrd(crd.text, () => plainValue(crd.doc), object.apiVersion, value);
}

/** Workloads whose `spec.selector` the API requires, and Kustomize's commonLabels writes. */
const SELECTOR_KINDS: ReadonlySet<string> = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

/**
 * The object as the kustomization builds it, as far as the schema can tell: commonLabels (or
 * labels with includeSelectors) become `spec.selector.matchLabels`, so a base may leave the
 * selector out. A shallow copy: the converted value is shared and never mutated.
 */
function withKustomizeSelector(object: K8sObject, value: unknown): unknown {
  const spec = (value as { spec?: unknown } | null)?.spec;
  if (!SELECTOR_KINDS.has(object.kind) || spec === null || typeof spec !== 'object' || Array.isArray(spec) || 'selector' in spec) return value;
  return { ...(value as object), spec: { ...spec, selector: { matchLabels: {} } } };
}

const FAILED = Symbol('toJS failed');
/**
 * `doc.toJS()` once per parsed document: a CRD is converted when it is checked as an object and
 * again when a custom resource needs its schema (for a large CRD, ~10 ms each). The validator and
 * crd.ts never mutate the value.
 */
const plainValues = new WeakMap<K8sObject['doc'], unknown>();
function plainValue(doc: K8sObject['doc']): unknown {
  if (plainValues.has(doc)) return plainValues.get(doc);
  let value: unknown;
  try {
    // toJS expands aliases; a document that aliases its way to a huge value throws here.
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch {
    value = FAILED;
  }
  plainValues.set(doc, value);
  return value;
}

/** A v1 CRD for the object's group and kind, in the same file or elsewhere in the workspace. */
function findCrd(context: RuleContext<MessageId>, object: K8sObject): { text: string; doc: K8sObject['doc'] } | undefined {
  for (const entry of context.index?.ofKind('CustomResourceDefinition') ?? []) {
    const crd = entry.object;
    if (crd.apiVersion !== 'apiextensions.k8s.io/v1') continue;
    // Compare on the YAML nodes first: cheap, and only the CRD that matches is converted.
    if (scalarString(getIn(crd.root, ['spec', 'group'])) !== object.group) continue;
    if (scalarString(getIn(crd.root, ['spec', 'names', 'kind'])) !== object.kind) continue;
    return { text: entry.text, doc: crd.doc };
  }
  return undefined;
}

function report(context: RuleContext<MessageId>, object: K8sObject, problem: SchemaProblem): void {
  // On a Kustomize patch, fields left out are left out on purpose.
  if (problem.target === 'parentKey' && context.partial) return;
  // `$patch`, `$retainKeys`, `$setElementOrder/…`: strategic-merge-patch directives. A file that
  // carries them is a patch for kubectl or Kustomize, whether or not its kustomization is in view.
  if (problem.target === 'key' && String(problem.path[problem.path.length - 1]).startsWith('$')) return;
  if (problem.target === 'value' && isCoveredQuantity(object, problem.path)) return;
  const location = locateProblem(object, problem);
  if (!location) return;
  const { suggestion } = problem;
  const replace = location.replace;
  context.report({
    at: location.at,
    messageId: MESSAGE_BY_TARGET[problem.target],
    data: { detail: problem.message },
    fix: suggestion === undefined || !replace ? undefined : (fixer) => {
      const edit = fixer.replaceNode(replace, replacementText(replace, suggestion));
      return edit && { title: `Change to ${suggestion}`, kind: 'suggestion', edits: [edit] };
    },
  });
}

/**
 * The text that writes `suggestion` in place of `node`. A quoted number or boolean where the schema
 * wants the bare value is unquoted (the suggestion is the same text); other suggestions keep the
 * node's quoting style.
 */
function replacementText(node: Node, suggestion: string): string {
  if (!isScalar(node)) return renderScalar(suggestion);
  if (typeof node.value === 'string' && node.value === suggestion && node.type !== 'PLAIN') return suggestion;
  if (node.type === 'QUOTE_DOUBLE') return JSON.stringify(suggestion);
  if (node.type === 'QUOTE_SINGLE') return `'${suggestion.replace(/'/g, "''")}'`;
  return renderScalar(suggestion);
}

/**
 * Resource amounts of containers and claims are `invalid-quantity`'s to report: it reads every
 * scalar there with the same grammar and knows which resource the amount is for, so its message
 * is the better one. Reporting them here as well would show one mistake twice. Quantities
 * elsewhere (LimitRange, ResourceQuota, VPA bounds, pod overhead) and non-scalar values stay ours.
 */
function isCoveredQuantity(object: K8sObject, path: readonly (string | number)[]): boolean {
  const n = path.length;
  if (n < 4 || path[n - 3] !== 'resources' || (path[n - 2] !== 'requests' && path[n - 2] !== 'limits')) return false;
  if (!isScalar(nodeAt(object.root, path))) return false;
  const head = path.slice(0, n - 3);
  const same = (expected: readonly (string | number)[]) => expected.length === head.length && expected.every((key, i) => head[i] === key);
  if (object.kind === 'PersistentVolumeClaim' && object.group === '') return same(['spec']) && path[n - 2] === 'requests';
  if (object.kind === 'StatefulSet' && typeof head[2] === 'number' && same(['spec', 'volumeClaimTemplates', head[2], 'spec'])) return path[n - 2] === 'requests';
  const spec = podSpecPath(object);
  const list = spec && head[spec.length];
  return !!spec && (list === 'containers' || list === 'initContainers') && typeof head[spec.length + 1] === 'number' && same([...spec, list, head[spec.length + 1] as number]);
}
