/**
 * Hover for probes: on a probe key or any field inside one, what the probe does and when it acts,
 * computed from the effective timing (our approximations: the kubelet adds up to one period of
 * jitter and the check's own duration).
 */
import { PROBE_DEFAULTS, PROBE_KEYS, probeOf, type ProbeKind, type ProbeView, type TimingName } from '../k8s/probes';
import { containersOf, podSpecOf, podSpecPath } from '../k8s/workloads';
import { asMap, asSeq, getNode } from '../yaml/nodes';
import type { FieldExplainer } from './hover';

const KIND_BY_KEY: Readonly<Record<string, ProbeKind>> = { livenessProbe: 'liveness', readinessProbe: 'readiness', startupProbe: 'startup' };

const MEANING: Readonly<Record<ProbeKind, string>> = {
  liveness:
    'The kubelet restarts the container when this check fails `failureThreshold` times in a row. It should fail only when the process cannot recover on its own, never because a dependency is slow.',
  readiness:
    'While this check fails, the pod is left out of the endpoints of every Service that selects it, and rollouts wait for it. The container is not restarted.',
  startup:
    'Liveness and readiness checks wait until this check has passed once. If it has not passed within its budget, the container is killed and restarted according to the pod\'s restartPolicy.',
};

export const probeExplainer: FieldExplainer = ({ object, path }) => {
  const specPath = podSpecPath(object);
  if (!specPath || !specPath.every((key, i) => path[i] === key)) return undefined;
  const [list, index, key] = path.slice(specPath.length);
  if ((list !== 'containers' && list !== 'initContainers') || typeof index !== 'number' || typeof key !== 'string') return undefined;
  const kind = KIND_BY_KEY[key];
  const podSpec = podSpecOf(object);
  if (!kind || !podSpec) return undefined;
  const node = asMap(asSeq(getNode(podSpec.spec, list))?.items[index]);
  const container = containersOf(podSpec).find((c) => c.node === node);
  const probe = container && probeOf(container, kind);
  if (!probe) return undefined;
  const afterStartup = kind !== 'startup' && getNode(container.node, PROBE_KEYS.startup) !== undefined;
  return [`**${title(kind)}** of container "${container.name ?? '(unnamed)'}"`, '', MEANING[kind], '', ...facts(probe, afterStartup), '', ...table(probe)].join('\n');
};

function facts(probe: ProbeView, afterStartup: boolean): string[] {
  const { initialDelaySeconds: delay, periodSeconds: period, failureThreshold: failures, successThreshold: successes, timeoutSeconds: timeout } = probe.timing;
  const d = delay.value;
  const p = period.value;
  const f = failures.value;
  const lines: string[] = [];
  if (probe.handler) lines.push(`- Check: ${probe.handler.description}, waiting up to ${timeout.value} s for an answer.`);
  lines.push(`- First check: about ${d} s after the container starts${afterStartup ? ', and not before the startup probe has passed' : ''}; then every ${p} s.`);
  if (probe.kind === 'liveness') {
    lines.push(`- A container that never passes is restarted about ${d} + ${p} × ${f} = **${d + p * f} s** after it starts.`);
    lines.push(`- Once running, about ${p} × ${f} = **${p * f} s** of failing checks restart it.`);
  } else if (probe.kind === 'readiness') {
    lines.push(`- Removed from Service endpoints after about ${p} × ${f} = **${p * f} s** of failing checks; back after ${successes.value} passing check${successes.value === 1 ? '' : 's'} (about ${successes.value * p} s).`);
  } else {
    lines.push(`- Start-up budget: ${d} + ${p} × ${f} = **${d + p * f} s**; liveness and readiness take over as soon as it passes, and the container is killed if it has not passed by then.`);
  }
  return lines;
}

function table(probe: ProbeView): string[] {
  const rows = (Object.keys(PROBE_DEFAULTS) as TimingName[]).map((name) => {
    const timing = probe.timing[name];
    return `| \`${name}\` | ${timing.value}${timing.isDefault ? ' (default)' : ''} |`;
  });
  return ['| Field | Effective value |', '| --- | --- |', ...rows];
}

function title(kind: ProbeKind): string {
  return `${kind[0]!.toUpperCase()}${kind.slice(1)} probe`;
}
