/**
 * Checks the API server makes in its validation code, not in the OpenAPI document, so the schema
 * validator cannot see them: port ranges and names, a Job's restartPolicy, a PDB's two budgets,
 * topology spread bounds. Each finding sits on the offending value (or, for a missing field, on
 * the key of the mapping that lacks it) and is worded like the schema's own problems.
 */
import type { Node, YAMLMap } from 'yaml';
import type { K8sObject } from '../../k8s/objects';
import { podSpecPath } from '../../k8s/workloads';
import type { YamlFixer } from '../../yaml/fixer';
import { asMap, asSeq, getIn, getNode, getPair, scalarNumber, scalarString } from '../../yaml/nodes';
import type { ProposedFix } from '../../core/finding';

export interface ApiProblem {
  at: Node | NonNullable<ReturnType<typeof getPair>>;
  target: 'value' | 'parentKey';
  detail: string;
  fix?: (fixer: YamlFixer) => ProposedFix | undefined;
}

export function apiProblems(object: K8sObject): ApiProblem[] {
  const problems: ApiProblem[] = [];
  const specPath = podSpecPath(object);
  const podSpec = specPath && asMap(getIn(object.root, specPath));
  if (podSpec) {
    for (const list of ['initContainers', 'containers']) {
      for (const container of asSeq(getNode(podSpec, list))?.items ?? []) portProblems(asMap(container), problems);
    }
    topologySpreadProblems(podSpec, problems);
    if ((object.kind === 'Job' || object.kind === 'CronJob') && specPath) jobRestartPolicy(object, specPath, podSpec, problems);
  }
  if (object.kind === 'PodDisruptionBudget' && object.group === 'policy') pdbProblems(object, problems);
  return problems;
}

/** IANA_SVC_NAME, as the API checks a container port's name. */
function portNameProblem(name: string): string | undefined {
  if (name.length > 15) return `Port name "${name}" is longer than 15 characters.`;
  if (!/^[a-z0-9-]+$/.test(name)) return `Port name "${name}" may hold only lowercase letters, digits and '-'.`;
  if (!/[a-z]/.test(name)) return `Port name "${name}" needs at least one letter.`;
  if (name.startsWith('-') || name.endsWith('-') || name.includes('--')) return `Port name "${name}" may not start or end with '-' or hold '--'.`;
  return undefined;
}

function portProblems(container: YAMLMap | undefined, problems: ApiProblem[]): void {
  const seen = new Set<string>();
  for (const item of asSeq(getNode(container, 'ports'))?.items ?? []) {
    const port = asMap(item);
    for (const key of ['containerPort', 'hostPort']) {
      const node = getNode(port, key);
      const value = scalarNumber(node);
      if (node && value !== undefined && Number.isInteger(value) && (value < 1 || value > 65535)) {
        problems.push({ at: node, target: 'value', detail: `${key} ${value} is outside 1–65535.` });
      }
    }
    const nameNode = getNode(port, 'name');
    const name = scalarString(nameNode);
    if (!nameNode || name === undefined) continue;
    const problem = portNameProblem(name);
    if (problem) problems.push({ at: nameNode, target: 'value', detail: problem });
    else if (seen.has(name)) problems.push({ at: nameNode, target: 'value', detail: `Port name "${name}" is used twice in this container.` });
    seen.add(name);
  }
}

function topologySpreadProblems(podSpec: YAMLMap, problems: ApiProblem[]): void {
  for (const item of asSeq(getNode(podSpec, 'topologySpreadConstraints'))?.items ?? []) {
    for (const key of ['maxSkew', 'minDomains']) {
      const node = getNode(asMap(item), key);
      const value = scalarNumber(node);
      if (node && value !== undefined && value < 1) problems.push({ at: node, target: 'value', detail: `${key} must be at least 1, got ${value}.` });
    }
  }
}

/**
 * A Job's pods must end: the API rejects restartPolicy Always, which is also the default. The fix
 * (OnFailure) is a suggestion: OnFailure restarts a failed container in place while Never makes the
 * Job start a new pod, and which of the two fits the Job is the user's choice.
 */
function jobRestartPolicy(object: K8sObject, specPath: readonly string[], podSpec: YAMLMap, problems: ApiProblem[]): void {
  const node = getNode(podSpec, 'restartPolicy');
  if (node) {
    if (scalarString(node) !== 'Always') return;
    problems.push({
      at: node,
      target: 'value',
      detail: `A ${object.kind}'s pods may not use restartPolicy Always; use OnFailure or Never.`,
      fix: (fixer) => { const edit = fixer.replaceScalar(node, 'OnFailure'); return edit && { title: 'Change to OnFailure', kind: 'suggestion', edits: [edit] }; },
    });
    return;
  }
  const owner = getPair(asMap(getIn(object.root, specPath.slice(0, -1))), specPath[specPath.length - 1] as string);
  if (!owner) return;
  problems.push({
    at: owner,
    target: 'parentKey',
    detail: `A ${object.kind}'s pod template needs restartPolicy OnFailure or Never (the default, Always, is rejected).`,
    fix: (fixer) => { const edit = fixer.addToMap(podSpec, { restartPolicy: 'OnFailure' }); return edit && { title: 'Add restartPolicy: OnFailure', kind: 'suggestion', edits: [edit] }; },
  });
}

function pdbProblems(object: K8sObject, problems: ApiProblem[]): void {
  const spec = asMap(getNode(object.root, 'spec'));
  const max = getPair(spec, 'maxUnavailable');
  if (getPair(spec, 'minAvailable') && max) {
    problems.push({ at: max.key, target: 'value', detail: 'minAvailable and maxUnavailable cannot both be set; keep one.' });
  }
}
