/** The rule module contract: metadata (the single source for docs, settings and SARIF) plus a visitor factory. */
import type { Node, Pair } from 'yaml';
import type { FixDefaults } from '../core/config';
import type { OffsetRange, ProposedFix, Severity } from '../core/finding';
import type { ParsedDocument } from '../yaml/parse';
import type { YamlFixer } from '../yaml/fixer';
import type { K8sObject } from '../k8s/objects';
import type { ContainerView, PodSpecView } from '../k8s/workloads';
import type { IndexedObject, WorkspaceIndexView } from '../index/types';
import type { SchemaValidator } from '../schema/types';

export type RuleCategory = 'syntax' | 'resources' | 'probes' | 'autoscaling' | 'storage' | 'availability' | 'schema' | 'api-versions';

export interface RuleExample {
  /** YAML that shows the problem (invalid) or the recommended shape (valid). */
  readonly invalid: string;
  readonly valid: string;
}

export interface RuleMeta<M extends string = string> {
  readonly id: string;
  readonly category: RuleCategory;
  readonly defaultSeverity: Severity;
  /** One line: what the rule reports. */
  readonly summary: string;
  /** Why it matters at scale, in a few sentences. */
  readonly rationale: string;
  /** How to fix it; one or more sentences ending with a period. */
  readonly remediation: string;
  readonly messages: Readonly<Record<M, string>>;
  /** Declared when the rule produces fixes: 'safe' ones may run in fix-all and CLI --fix. */
  readonly fixable?: 'safe' | 'suggestion';
  /**
   * With `fixable: 'suggestion'`: the fix default (`defaults.<name>`) that, once configured, makes
   * the fix safe, because the value it writes is then the team's choice rather than a guess.
   */
  readonly safeWhenDefaultSet?: keyof FixDefaults;
  /** Cross-object rules read the workspace index. */
  readonly needsIndex?: boolean;
  /** Rules that report something missing; they do not run on partial objects (Kustomize patches). */
  readonly reportsAbsence?: boolean;
  readonly examples: RuleExample;
}

export type FixBuilder = (fixer: YamlFixer) => ProposedFix | ProposedFix[] | null | undefined;

export interface Report<M extends string> {
  /** A node, a pair (reported on its key) or an offset range in the document chunk. */
  readonly at: Node | Pair<unknown, unknown> | OffsetRange;
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly fix?: FixBuilder;
  /** For a milder case than the rule's default level; ignored when the user set the rule's severity. */
  readonly severity?: Severity;
}

export interface RuleContext<M extends string = string> {
  readonly document: ParsedDocument;
  readonly defaults: FixDefaults;
  readonly kubernetesVersion: string;
  /** Present for rules with `needsIndex`; lookups across files and documents. */
  readonly index: WorkspaceIndexView | undefined;
  /**
   * The index entry of the object being linted (its file, document offset and text), looked up by
   * the file's URI and the document's offset. Undefined without an index or URI, or when the index
   * does not hold this text yet: then no cross-object claim is made.
   */
  readonly self: IndexedObject | undefined;
  /** The bundled Kubernetes schemas; undefined when they could not be loaded. */
  readonly schemas: SchemaValidator | undefined;
  /** True for partial objects (Kustomize patches), where required fields may be absent on purpose. */
  readonly partial: boolean;
  /** True when a kustomization adds labels to this file's selectors (commonLabels): a workload's `spec.selector` comes from the build. */
  readonly selectorLabelsFromKustomize: boolean;
  report(report: Report<M>): void;
}

export interface RuleVisitor {
  object?(object: K8sObject): void;
  podSpec?(podSpec: PodSpecView): void;
  container?(container: ContainerView): void;
}

export interface Rule<M extends string = string> {
  readonly meta: RuleMeta<M>;
  /**
   * Returns the visitor for one object. Which hooks it has must not depend on the context: the
   * engine reads them once, from a visitor made with an inert context, to skip pod-only rules on
   * objects without a pod spec.
   */
  create(context: RuleContext<M>): RuleVisitor;
}

/** Identity helper that keeps message ids type-checked between `meta.messages` and `report`. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}
