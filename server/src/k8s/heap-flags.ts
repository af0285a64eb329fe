/**
 * Finds runtime heap settings in container command lines and environment values: the JVM's -Xmx,
 * -XX:MaxRAM and -XX:MaxRAMPercentage, and Node.js's --max-old-space-size.
 */

export interface HeapFlag {
  /** Offset of the flag's whole text within the searched string. */
  index: number;
  text: string;
  kind: 'xmx' | 'maxram' | 'maxram-percentage' | 'max-old-space-size';
  /** Bytes, or a percentage for maxram-percentage. */
  amount: number;
}

// Each alternative is anchored by a literal and has a single bounded quantifier: linear time.
const FLAG = /(-Xmx([0-9]{1,15})([kKmMgGtT]?)\b|-XX:MaxRAM=([0-9]{1,15})([kKmMgGtT]?)\b|-XX:MaxRAMPercentage=([0-9]{1,3}(?:\.[0-9]{1,6})?)|--max-old-space-size[= ]([0-9]{1,9})\b)/g;
const JVM_UNIT: Record<string, number> = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

export function findHeapFlags(text: string): HeapFlag[] {
  const flags: HeapFlag[] = [];
  for (const match of text.matchAll(FLAG)) {
    const index = match.index ?? 0;
    const whole = match[1] ?? '';
    if (match[2] !== undefined) flags.push({ index, text: whole, kind: 'xmx', amount: Number(match[2]) * (JVM_UNIT[(match[3] ?? '').toLowerCase()] ?? 1) });
    else if (match[4] !== undefined) flags.push({ index, text: whole, kind: 'maxram', amount: Number(match[4]) * (JVM_UNIT[(match[5] ?? '').toLowerCase()] ?? 1) });
    else if (match[6] !== undefined) flags.push({ index, text: whole, kind: 'maxram-percentage', amount: Number(match[6]) });
    // Node.js reads --max-old-space-size in MiB.
    else if (match[7] !== undefined) flags.push({ index, text: whole, kind: 'max-old-space-size', amount: Number(match[7]) * 2 ** 20 });
  }
  return flags;
}

/** The same flag set to a new amount (bytes, or percent for maxram-percentage), in the flag's own notation. */
export function rewriteHeapFlag(flag: HeapFlag, amount: number): string {
  const mebibytes = Math.max(1, Math.floor(amount / 2 ** 20));
  switch (flag.kind) {
    case 'xmx':
      return `-Xmx${mebibytes}m`;
    case 'maxram':
      return `-XX:MaxRAM=${mebibytes}m`;
    case 'maxram-percentage':
      return `-XX:MaxRAMPercentage=${Math.floor(amount)}`;
    case 'max-old-space-size':
      return flag.text.replace(/[0-9]+$/, String(mebibytes));
  }
}
