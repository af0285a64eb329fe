/**
 * Reads how long a container's preStop hook sleeps: the `sleep` action (Kubernetes 1.29+) or an exec
 * hook that runs `sleep N` directly or inside a shell script. Other hooks (HTTP, arbitrary scripts)
 * take an unknown time and read as no sleep.
 */
import { isScalar, type Node, type YAMLMap } from 'yaml';
import type { OffsetRange } from '../../core/finding';
import { asMap, getIn, getMap, getSeq, scalarNumber, scalarString } from '../../yaml/nodes';

export interface PreStopSleep {
  readonly seconds: number;
  /** The number itself where it can be pinned down, else the node holding it. */
  readonly at: Node | OffsetRange;
}

const SLEEP_BINARIES: ReadonlySet<string> = new Set(['sleep', '/bin/sleep', '/usr/bin/sleep']);
const SHELLS: ReadonlySet<string> = new Set(['sh', '/bin/sh', 'bash', '/bin/bash', '/usr/bin/bash', 'ash', '/bin/ash']);
const UNIT_SECONDS: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600 };
/** `sleep 10`, `sleep 10s`, `sleep 1m` as a whole word; the first one in a script counts. */
const SLEEP_IN_SCRIPT = /(?:^|[\s;&|(])sleep\s+(\d+)([smh]?)(?=$|[\s;&|)])/;
/** The same, in the source text of a quoted scalar, where the script may start right after its quote. */
const SLEEP_IN_SOURCE = /(?:^|[\s;&|("'])sleep\s+(\d+)([smh]?)(?=$|[\s;&|)"'])/;
const SLEEP_ARGUMENT = /^(\d+)([smh]?)$/;

export function preStopSleepOf(container: YAMLMap, text: string): PreStopSleep | undefined {
  const preStop = asMap(getIn(container, ['lifecycle', 'preStop']));
  const actionSeconds = getIn(preStop, ['sleep', 'seconds']);
  const seconds = scalarNumber(actionSeconds);
  if (actionSeconds && seconds !== undefined) return { seconds, at: actionSeconds };
  const command = getSeq(getMap(preStop, 'exec'), 'command')?.items ?? [];
  const words = command.map((item) => scalarString(item));
  const head = words[0];
  if (head !== undefined && SLEEP_BINARIES.has(head) && command.length === 2) return argumentSleep(command[1] as Node);
  if (head !== undefined && SHELLS.has(head) && words[1] === '-c' && command.length === 3) return scriptSleep(command[2] as Node, text);
  return undefined;
}

function argumentSleep(node: Node): PreStopSleep | undefined {
  const match = SLEEP_ARGUMENT.exec(scalarString(node) ?? '');
  return match ? { seconds: toSeconds(match), at: node } : undefined;
}

function scriptSleep(node: Node, text: string): PreStopSleep | undefined {
  const script = scalarString(node);
  const match = script === undefined ? null : SLEEP_IN_SCRIPT.exec(script);
  if (!match) return undefined;
  const seconds = toSeconds([match[0], match[1]!, match[2]!]);
  // Underline just the number when the source shows it as written (no escapes in the way).
  const range = node.range;
  if (range && isScalar(node)) {
    const source = text.slice(range[0], range[1]);
    const inSource = SLEEP_IN_SOURCE.exec(source);
    if (inSource && inSource[1] === match[1]) {
      const start = range[0] + inSource.index + inSource[0].lastIndexOf(inSource[1]! + inSource[2]!);
      return { seconds, at: { start, end: start + inSource[1]!.length } };
    }
  }
  return { seconds, at: node };
}

function toSeconds(match: readonly string[]): number {
  return Number(match[1]) * (UNIT_SECONDS[match[2] ?? ''] ?? 1);
}
