/**
 * Reads a container's liveness, readiness and startup probes: which handler each uses (and a key that
 * is equal for handlers doing the same check) and its timing with the Kubernetes defaults applied.
 */
import { isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { asMap, asSeq, getNode, getPair, getSeq, scalarNumber, scalarString } from '../yaml/nodes';
import { isLongLived, LONG_RUNNING_KINDS, type ContainerView } from './workloads';

export type ProbeKind = 'liveness' | 'readiness' | 'startup';
export const PROBE_KINDS: readonly ProbeKind[] = ['liveness', 'readiness', 'startup'];
export const PROBE_KEYS: Readonly<Record<ProbeKind, string>> = { liveness: 'livenessProbe', readiness: 'readinessProbe', startup: 'startupProbe' };

export type HandlerType = 'httpGet' | 'tcpSocket' | 'exec' | 'grpc';
const HANDLER_TYPES: readonly HandlerType[] = ['httpGet', 'tcpSocket', 'exec', 'grpc'];

export type TimingName = 'initialDelaySeconds' | 'periodSeconds' | 'timeoutSeconds' | 'failureThreshold' | 'successThreshold';
/** What the API server fills in when a probe leaves a field out. */
export const PROBE_DEFAULTS: Readonly<Record<TimingName, number>> = {
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  failureThreshold: 3,
  successThreshold: 1,
};

export interface TimingValue {
  readonly value: number;
  /** True when the field is absent (or not a number) and the default applies. */
  readonly isDefault: boolean;
  readonly node: Node | undefined;
}

export interface ProbeHandler {
  readonly type: HandlerType;
  readonly pair: Pair<Node, Node | null>;
  /** The `port` value of httpGet/tcpSocket/grpc handlers. */
  readonly port: Node | undefined;
  /** True when the check targets another host than the pod (httpGet.host / tcpSocket.host). */
  readonly otherHost: boolean;
  /** Short human description, e.g. `httpGet /healthz on port 8080`. */
  readonly description: string;
  /** Equal for two handlers of one container that perform the same check. */
  readonly key: string;
}

export interface ProbeView {
  readonly kind: ProbeKind;
  readonly pair: Pair<Node, Node | null>;
  readonly node: YAMLMap;
  readonly handler: ProbeHandler | undefined;
  readonly timing: Readonly<Record<TimingName, TimingValue>>;
}

export interface DeclaredPort {
  readonly name: string | undefined;
  readonly containerPort: number | undefined;
}

export function declaredPorts(container: ContainerView): DeclaredPort[] {
  return (getSeq(container.node, 'ports')?.items ?? []).flatMap((item) => {
    const port = asMap(item);
    return port ? [{ name: scalarString(getNode(port, 'name')), containerPort: scalarNumber(getNode(port, 'containerPort')) }] : [];
  });
}

/**
 * Containers that are expected to have liveness and readiness probes: app containers and sidecars of
 * workloads that run until stopped. Jobs run to completion; plain init containers cannot have these
 * probes; bare Pods are neither rolled out nor replaced, so only a Service in front of them (the
 * cross-file check) makes a missing readiness probe matter.
 */
export function isLongRunningContainer(container: ContainerView): boolean {
  return LONG_RUNNING_KINDS.has(container.podSpec.object.kind) && isLongLived(container);
}

/**
 * Whether the container serves traffic that a readiness probe should gate. Today: it declares a
 * container port. A Service selecting the pod is the other signal, for the cross-file part.
 */
export function exposesTraffic(container: ContainerView): boolean {
  return declaredPorts(container).some((port) => port.containerPort !== undefined);
}

export function probeOf(container: ContainerView, kind: ProbeKind): ProbeView | undefined {
  return probeFromMap(container.node, kind, declaredPorts(container));
}

export function probesOf(container: ContainerView): ProbeView[] {
  const ports = declaredPorts(container);
  return PROBE_KINDS.flatMap((kind) => probeFromMap(container.node, kind, ports) ?? []);
}

/** The probe `kind` of a container mapping, when it is a mapping. */
function probeFromMap(containerNode: YAMLMap, kind: ProbeKind, ports: readonly DeclaredPort[]): ProbeView | undefined {
  const pair = getPair(containerNode, PROBE_KEYS[kind]);
  const node = asMap(pair?.value);
  if (!pair || !node) return undefined;
  const timing = {} as Record<TimingName, TimingValue>;
  for (const name of Object.keys(PROBE_DEFAULTS) as TimingName[]) {
    const value = getNode(node, name);
    const number = scalarNumber(value);
    timing[name] = { value: number ?? PROBE_DEFAULTS[name], isDefault: number === undefined, node: value };
  }
  return { kind, pair, node, handler: handlerOf(node, ports), timing };
}

function handlerOf(probe: YAMLMap, ports: readonly DeclaredPort[]): ProbeHandler | undefined {
  for (const type of HANDLER_TYPES) {
    const pair = getPair(probe, type);
    if (!pair) continue;
    const body = asMap(pair.value);
    if (type === 'exec') {
      const command = (asSeq(getNode(body, 'command'))?.items ?? []).map((item) => scalarString(item) ?? '?');
      return { type, pair, port: undefined, otherHost: false, description: `exec \`${command.join(' ')}\``, key: `exec ${JSON.stringify(command)}` };
    }
    const port = getNode(body, 'port');
    const portText = scalarString(port) ?? '?';
    const host = scalarString(getNode(body, 'host')) ?? '';
    // A named port and the number it names are the same check.
    const resolved = ports.find((p) => p.name !== undefined && p.name === portText)?.containerPort ?? portText;
    const common = { type, pair, port, otherHost: host !== '' };
    if (type === 'httpGet') {
      const path = scalarString(getNode(body, 'path')) ?? '/';
      const scheme = scalarString(getNode(body, 'scheme')) ?? 'HTTP';
      return { ...common, description: `httpGet ${path} on port ${portText}`, key: `httpGet ${scheme} ${host} ${resolved} ${path}` };
    }
    if (type === 'grpc') {
      const service = scalarString(getNode(body, 'service')) ?? '';
      const named = service === '' ? '' : ` (service ${service})`;
      return { ...common, description: `grpc on port ${portText}${named}`, key: `grpc ${resolved} ${service}` };
    }
    return { ...common, description: `tcpSocket on port ${portText}`, key: `tcpSocket ${host} ${resolved}` };
  }
  return undefined;
}

/** A port value as a number, also for digit strings (which the kubelet falls back to reading as numbers). */
export function portNumber(node: Node | undefined): number | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'number') return node.value;
  return typeof node.value === 'string' && /^\d+$/.test(node.value) ? Number(node.value) : undefined;
}

/** "10 (default)" or "10": a timing value for messages and hovers. */
export function timingText(timing: TimingValue): string {
  return timing.isDefault ? `${timing.value} (default)` : String(timing.value);
}

/**
 * True when the container has the probe under a misspelt key (`livenessprobe`, `liveness_probe`):
 * schema-validation already reports it with the right spelling as a quick fix, and a second
 * finding ("no livenessProbe") would only repeat the same mistake.
 */
export function hasMisspeltProbe(container: ContainerView, key: 'livenessProbe' | 'readinessProbe'): boolean {
  const wanted = key.toLowerCase();
  return container.node.items.some((pair) => {
    const name = scalarString(pair.key);
    return name !== undefined && name !== key && name.toLowerCase().replace(/[-_]/g, '') === wanted;
  });
}
