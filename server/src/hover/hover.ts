/**
 * Hover content, as Markdown: findings under the cursor (with the rule's why and how), then our
 * explanation of the field and facts computed from the values (cores, bytes, QoS class).
 */
import type { Finding } from '../core/finding';
import type { K8sObject } from '../k8s/objects';
import { formatBytes, formatCores, isMilliBytes, parseQuantity } from '../k8s/quantity';
import { QOS_MEANING, qosClassOf } from '../k8s/qos';
import { containersOf, podSpecOf, podSpecPath } from '../k8s/workloads';
import type { Rule } from '../rules/types';
import type { IndexedObject, WorkspaceIndexView } from '../index/types';
import { ruleDocsUrl } from '../rules/docs-url';
import { locate } from '../yaml/locate';
import { scalarSource } from '../yaml/nodes';
import type { ParsedDocument } from '../yaml/parse';
import type { SchemaValidator } from '../schema/types';
import { hpaCapacityExplainer, limitRangeExplainer, pdbExplainer, workloadExplainer } from './capacity-explainer';
import { hpaExplainer } from './hpa-explainer';
import { probeExplainer } from './probe-explainer';
import { RESOURCE_FIELD_DOCS } from './resource-docs';
import { schemaExplainer } from './schema-explainer';
import { storageExplainer } from './storage-explainer';

export interface HoverInput {
  readonly document: ParsedDocument;
  /** Offset within the document chunk. */
  readonly offset: number;
  readonly object: K8sObject | undefined;
  /** Findings (file offsets already mapped to the chunk) whose range holds the offset. */
  readonly findings: readonly Finding[];
  readonly rules: ReadonlyMap<string, Rule>;
  /** For facts that need other objects (an HPA's target, a PDB's workload). */
  readonly index?: WorkspaceIndexView;
  /** The bundled schemas, for the type/allowed-values fallback. */
  readonly schemas?: SchemaValidator;
  /** The hovered object's index entry (by file and document offset), which places it in its folder. */
  readonly self?: IndexedObject;
}

/** What a field explainer sees: the object, the path of the hovered node and the node itself. */
export interface FieldContext {
  readonly object: K8sObject;
  readonly path: readonly (string | number)[];
  readonly node: unknown;
  readonly onKey: boolean;
  readonly index: WorkspaceIndexView | undefined;
  readonly schemas?: SchemaValidator;
  /** The object's document text. */
  readonly text: string;
  /** The object's index entry, when the index holds it (see HoverInput.self). */
  readonly self: IndexedObject | undefined;
}

/** Returns Markdown about the hovered field, or undefined when the field is not its concern. */
export type FieldExplainer = (context: FieldContext) => string | undefined;

/** Each family of fields has its explainer; the first ones that answer are shown, in this order. */
// schemaExplainer is the fallback: it answers only when none of the curated ones did.
const FIELD_EXPLAINERS: readonly FieldExplainer[] = [(c) => resourceSection(c.object, c.path, c.node), probeExplainer, hpaExplainer, hpaCapacityExplainer, pdbExplainer, workloadExplainer, limitRangeExplainer, storageExplainer, schemaExplainer];

export interface HoverResult {
  markdown: string;
  /** Chunk-relative range of the hovered token. */
  range?: { start: number; end: number };
}

export function hoverAt(input: HoverInput): HoverResult | undefined {
  const sections: string[] = input.findings.map((finding) => findingSection(finding, input.rules.get(finding.ruleId)));
  const location = locate(input.document.doc, input.offset);
  if (input.object && location) {
    let explained = false;
    for (const explain of FIELD_EXPLAINERS) {
      if (explain === schemaExplainer && explained) continue;
      const section = explain({ object: input.object, path: location.path, node: location.node, onKey: location.onKey, index: input.index, schemas: input.schemas, text: input.document.text, self: input.self });
      if (section) sections.push(section);
      explained ||= section !== undefined;
    }
  }
  if (sections.length === 0) return undefined;
  const range = location?.node?.range ? { start: location.node.range[0], end: location.node.range[1] } : undefined;
  return { markdown: sections.join('\n\n---\n\n'), range };
}

function findingSection(finding: Finding, rule: Rule | undefined): string {
  const lines = [`**${finding.message}** \`${finding.ruleId}\``];
  if (rule) {
    lines.push('', rule.meta.rationale, '', `**How to fix:** ${rule.meta.remediation}`, '', `[Rule documentation](${ruleDocsUrl(rule.meta.id)})`);
  }
  return lines.join('\n');
}

/** Explains `resources`, `requests`, `limits` and their amounts inside a container of a workload. */
function resourceSection(object: K8sObject, path: readonly (string | number)[], node: unknown): string | undefined {
  const specPath = podSpecPath(object);
  if (!specPath || !specPath.every((key, i) => path[i] === key)) return undefined;
  const rest = path.slice(specPath.length);
  if ((rest[0] !== 'containers' && rest[0] !== 'initContainers') || typeof rest[1] !== 'number' || rest[2] !== 'resources') return undefined;
  const fieldPath = rest.slice(3).join('.');
  const key = fieldPath === '' ? 'resources' : fieldPath;
  const doc = RESOURCE_FIELD_DOCS[key];
  if (!doc) return undefined;
  const parts = [`**${titleOf(key)}**`, '', doc];
  const resource = rest[4];
  const text = rest.length === 5 ? scalarSource(node) : undefined;
  if (text !== undefined && typeof resource === 'string') {
    const fact = amountFact(resource, text);
    if (fact) parts.push('', fact);
  }
  const podSpec = podSpecOf(object);
  if (podSpec) {
    const qos = qosClassOf(containersOf(podSpec));
    parts.push('', `Pod QoS class: **${qos}**: ${QOS_MEANING[qos]}`);
  }
  return parts.join('\n');
}

function amountFact(resource: string, text: string): string | undefined {
  const parsed = parseQuantity(text);
  if (!parsed.ok) return `\`${text}\` is not a valid quantity: it ${parsed.reason}.`;
  const value = parsed.quantity.value;
  if (resource === 'cpu') return `\`${text}\` = ${formatCores(value)} (${Math.round(value * 1000)} millicores).`;
  if (resource === 'memory' || resource.endsWith('storage')) {
    const warning = isMilliBytes(parsed.quantity) ? ' The lowercase `m` means thousandths of a byte: did you mean `Mi`?' : '';
    return `\`${text}\` = ${formatBytes(value)}.${warning}`;
  }
  return `\`${text}\` = ${value}.`;
}

function titleOf(key: string): string {
  const titles: Record<string, string> = { resources: 'Container resources', requests: 'Resource requests', limits: 'Resource limits' };
  if (titles[key]) return titles[key];
  const [section, resource] = key.split('.');
  return `${resource === 'cpu' ? 'CPU' : resource === 'memory' ? 'Memory' : resource} ${section === 'requests' ? 'request' : 'limit'}`;
}
