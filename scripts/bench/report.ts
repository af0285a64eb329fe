/** Renders the benchmark results as Markdown (printed and written to docs/benchmarks.md). */
import type { SessionResult } from './driver';
import type { FloorResult } from './floor';
import type { ProfileSummary } from './profile';
import { max, median, percentile } from './stats';

export type Outcome<T> = T | { error: string };

export interface SizeResult {
  label: string;
  generated: boolean;
  lines: number;
  bytes: number;
  files: number;
  ours: Outcome<SessionResult>;
  yls: Outcome<SessionResult> | undefined;
  floor: FloorResult;
}

export interface Extras {
  command: string;
  machine: string[];
  edits: number;
  gapMs: number;
  editBudgetS: number;
  schemaKinds: number;
  cli: Outcome<{ runsMs: number[]; files: number; exitCode: number | null; path: string }> | { skipped: string };
  vsix: Outcome<{ bytes: number; rebuilt: boolean }> | { skipped: string };
  profile: Outcome<{ label: string; summary: ProfileSummary }> | { skipped: string } | undefined;
  startedAt: Date;
  durationS: number;
  /** From the newest editor e2e run (`npm run test:e2e`), when there is one. */
  activation?: { activationMs: number; serverReadyMs: number; openToFirstDiagnosticMs: number; run: string };
}

const ok = <T>(o: Outcome<T> | undefined): o is T => o !== undefined && !('error' in (o as object));
const ms = (n: number) => (Number.isNaN(n) ? '–' : n >= 100 ? `${n.toFixed(0)} ms` : n >= 10 ? `${n.toFixed(1)} ms` : `${n.toFixed(2)} ms`);
const mib = (kib: number | undefined) => (kib === undefined ? '–' : `${(kib / 1024).toFixed(0)} MiB`);
const ratio = (a: number, b: number) => (!Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? '–' : a / b >= 10 ? `${(a / b).toFixed(0)}×` : `${(a / b).toFixed(2)}×`);

interface Figures { start: number; open: number; med: number; p95: number; max: number; rss: number | undefined; diags: string; edits: number }
function figures(s: Outcome<SessionResult> | undefined): Figures | undefined {
  if (!ok(s)) return undefined;
  return { start: s.startToInitializeMs, open: s.coldOpenMs, med: median(s.editMs), p95: percentile(s.editMs, 95), max: max(s.editMs), rss: s.peakRssKiB, diags: `${s.openDiagnostics} / ${s.lastDiagnostics}`, edits: s.editMs.length };
}

export interface TargetCheck { what: string; figure: string; target: string; met: boolean | undefined; by: string }

export function checkTargets(sizes: SizeResult[], extras: Extras): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const find = (label: string) => sizes.find((s) => s.generated && s.label === label);
  const ten = find('10k');
  const o10 = figures(ten?.ours);
  const y10 = figures(ten?.yls);
  if (o10 && y10) {
    const limit = y10.med / 10;
    checks.push({ what: '10k lines: edit→diagnostics median ≤ 1/10 of yaml-language-server', figure: `${ms(o10.med)} vs ${ms(y10.med)} (${ratio(o10.med, y10.med)})`, target: `≤ ${ms(limit)}`, met: o10.med <= limit, by: o10.med <= limit ? '' : `${ms(o10.med - limit)} over (${ratio(o10.med, limit)} the target)` });
  }
  const fifty = figures(find('50k')?.ours);
  if (fifty) {
    const add = (what: string, value: number, limit: number, fmt: (n: number) => string, target: string) =>
      checks.push({ what, figure: fmt(value), target, met: value <= limit, by: value <= limit ? '' : `${fmt(value - limit)} over (${ratio(value, limit)} the target)` });
    add('50k lines: edit→diagnostics median, debounce included', fifty.med, 60, ms, '≤ 60 ms');
    add('50k lines: edit→diagnostics p95, debounce included', fifty.p95, 60, ms, '≤ 60 ms');
    add('50k lines: cold open→diagnostics', fifty.open, 1000, ms, '≤ 1 s');
    if (fifty.rss !== undefined) add('50k lines: peak RSS (VmHWM)', fifty.rss, 150 * 1024, mib, '≤ 150 MiB');
  }
  if (ok(extras.cli) && 'runsMs' in extras.cli) {
    const m = median(extras.cli.runsMs);
    checks.push({ what: `CLI over ${extras.cli.path} (${extras.cli.files} files), wall time`, figure: `${(m / 1000).toFixed(2)} s`, target: '≤ 3 s', met: m <= 3000, by: m <= 3000 ? '' : `${((m - 3000) / 1000).toFixed(2)} s over` });
  }
  if (ok(extras.vsix) && 'bytes' in extras.vsix) {
    const mb = extras.vsix.bytes / 1e6;
    checks.push({ what: '.vsix size', figure: `${mb.toFixed(2)} MB`, target: '≤ 2 MB', met: mb <= 2, by: mb <= 2 ? '' : `${(mb - 2).toFixed(2)} MB over` });
  }
  const activation = extras.activation;
  if (activation) {
    const value = activation.activationMs;
    checks.push({ what: `extension activation (activate() in code-server, e2e run ${activation.run})`, figure: ms(value), target: '≤ 100 ms', met: value <= 100, by: value <= 100 ? '' : `${ms(value - 100)} over` });
  } else {
    checks.push({ what: 'extension activation', figure: 'no editor e2e run found (npm run test:e2e records it)', target: '≤ 100 ms', met: undefined, by: '' });
  }
  return checks;
}

function sizeTable(size: SizeResult): string[] {
  const o = figures(size.ours);
  const y = figures(size.yls);
  const f = size.floor;
  const cell = (fig: Figures | undefined, pick: (x: Figures) => string, outcome: Outcome<SessionResult> | undefined) => (fig ? pick(fig) : outcome === undefined ? 'not run' : `failed: ${(outcome as { error: string }).error.slice(0, 80)}`);
  const row = (name: string, pick: (x: Figures) => number, fmt: (n: number) => string, floor: number | undefined, target = '') =>
    `| ${name} | ${cell(o, (x) => fmt(pick(x)), size.ours)} | ${cell(y, (x) => fmt(pick(x)), size.yls)} | ${floor === undefined ? '–' : ms(floor)} | ${o && y ? ratio(pick(o), pick(y)) : '–'} | ${o && floor !== undefined ? ratio(pick(o), floor) : '–'} | ${target} |`;
  const title = size.generated ? `${size.label} lines (generated)` : `${size.label}`;
  return [
    `### ${title}: ${size.lines.toLocaleString('en-US')} lines, ${f.documents.toLocaleString('en-US')} documents, ${(size.bytes / 1024).toFixed(0)} KiB${size.files > 1 ? `, ${size.files} files concatenated` : ''}`,
    '',
    '| metric | kube-guardrails | yaml-language-server | floor (`yaml`) | us / yls | us / floor | target |',
    '|---|---:|---:|---:|---:|---:|---|',
    row('server start → initialize response', (x) => x.start, ms, undefined),
    row('open → first diagnostics (floor: parse whole file)', (x) => x.open, ms, f.wholeFileMs, size.label === '50k' ? '≤ 1 s' : ''),
    row(`edit → diagnostics, median (floor: parse one ${f.oneDocLines}-line document)`, (x) => x.med, ms, f.oneDocMs, size.label === '50k' ? '≤ 60 ms' : size.label === '10k' ? '≤ 1/10 of yls' : ''),
    row('edit → diagnostics, p95', (x) => x.p95, ms, f.oneDocMs),
    row('edit → diagnostics, max', (x) => x.max, ms, f.oneDocMs),
    `| peak RSS (VmHWM) | ${o ? mib(o.rss) : '–'} | ${y ? mib(y.rss) : '–'} | – | ${o?.rss && y?.rss ? ratio(o.rss, y.rss) : '–'} | – | ${size.label === '50k' ? '≤ 150 MiB' : ''} |`,
    `| edits measured | ${o?.edits ?? '–'} | ${y?.edits ?? '–'} | | | | |`,
    `| diagnostics after open / after last edit | ${o?.diags ?? '–'} | ${y?.diags ?? '–'} | | | | |`,
    '',
    `Floor detail: whole file ${ms(f.wholeFileMs)} (median of ${f.wholeFileRuns} runs); typical edited document (line-weighted median, ${f.oneDocLines} lines) ${ms(f.oneDocMs)}; largest document (${f.largestDocLines} lines) ${ms(f.largestDocMs)}.`,
    '',
  ];
}

export function renderReport(sizes: SizeResult[], extras: Extras): string {
  const checks = checkTargets(sizes, extras);
  const lines: string[] = [
    '# Benchmarks',
    '',
    `Produced by \`${extras.command}\` on ${extras.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (run took ${extras.durationS.toFixed(0)} s). Regenerate with the same command; this file is overwritten.`,
    '',
    '## Machine',
    '',
    ...extras.machine.map((m) => `- ${m}`),
    '',
    '## Method',
    '',
    `- Each server is spawned over stdio and driven like an editor (\`scripts/bench/driver.ts\`): \`initialize\` (kube-guardrails with default \`initializationOptions\`, so its ${'25'} ms debounce counts), \`initialized\`, \`workspace/didChangeConfiguration\`, \`didOpen\` of the whole file, then ${extras.edits} one-character edits spread over the file (replacements and insertions in \`key: value\` lines, sent as incremental \`contentChanges\` with ranges), each waiting for its \`publishDiagnostics\` (by document version for kube-guardrails; yaml-language-server publishes no version, so its first publish after the edit counts), with ${extras.gapMs} ms between edits. A server's edit series stops early (after at least 5 edits) once it has taken ${extras.editBudgetS} s, which bounds the run; the \`edits measured\` row says how many counted.`,
    `- yaml-language-server ${'2.0.0'} (\`node node_modules/yaml-language-server/bin/yaml-language-server --stdio\`) answers \`workspace/configuration\` with \`yaml.validate: true\`, \`yaml.schemaStore.enable: false\` and \`yaml.schemas\` mapping \`.cache/bench/kubernetes-1.36.json\` to \`*.yaml\`. That schema is derived from our own \`schemas/k8s\` (\`scripts/bench/ylsschema.ts\`): an \`anyOf\` of ${extras.schemaKinds} kinds, each pinning \`apiVersion\`/\`kind\` with \`const\` and \`$ref\`-ing our definition (strict: \`additionalProperties: false\`). Its 200 ms validation debounce is part of its figures, as ours is of ours.`,
    '- Floor: `yaml` `parseAllDocuments` in the bench process, median of several runs after a warm-up, on the whole file (for open) and on the document a typical edit lands in (the line-weighted median document) (for an edit: what an editor that re-parses only the changed document must at least spend).',
    '- Peak RSS is the server process\'s `VmHWM` from `/proc/<pid>/status`, read after the last edit (and sampled every 50 ms as a cross-check).',
    '- Extension activation is measured in a real editor by the e2e suite (`npm run test:e2e`, code-server): the activation test records how long `activate()` took, when the language server answered `initialize`, and file open → first diagnostic; the newest run\'s figures are reported under Other figures and Targets. **Server start → initialize response** (process spawn to the `initialize` result) is reported per size.',
    '- Generated inputs come from a seeded PRNG (`scripts/bench/generate.ts`): ConfigMaps, Deployments (with/without resources and probes), StatefulSets with volumeClaimTemplates, Services, HPAs (autoscaling/v2), PDBs, PVCs and StorageClasses, about one in eight with a mistake. Any file or directory can be benchmarked instead: `npm run bench -- ../shared/corpus/real`.',
    '',
    '## Results',
    '',
    ...sizes.flatMap(sizeTable),
    '## Other figures',
    '',
  ];
  const activation = extras.activation;
  if (activation) lines.push(`- In the editor (code-server e2e run ${activation.run}): \`activate()\` took ${ms(activation.activationMs)}; the language server answered \`initialize\` ${ms(activation.serverReadyMs)} after activation began; opening a Deployment to its first diagnostic took ${ms(activation.openToFirstDiagnosticMs)} (activation, server start and the first lint included).`);
  const cli = extras.cli;
  if ('skipped' in cli) lines.push(`- CLI over the corpus: skipped (${cli.skipped}).`);
  else if ('error' in cli) lines.push(`- CLI over the corpus: failed (${cli.error}).`);
  else lines.push(`- CLI \`node dist/cli.js ${cli.path}\` (${cli.files} YAML files, a fresh process each run): median ${(median(cli.runsMs) / 1000).toFixed(2)} s of ${cli.runsMs.length} runs (${cli.runsMs.map((r) => (r / 1000).toFixed(2)).join(', ')} s); exit code ${cli.exitCode}.`);
  const vsix = extras.vsix;
  if ('skipped' in vsix) lines.push(`- .vsix: ${vsix.skipped}.`);
  else if ('error' in vsix) lines.push(`- .vsix: packaging failed (${vsix.error}).`);
  else lines.push(`- \`kube-guardrails.vsix\`: ${(vsix.bytes / 1e6).toFixed(2)} MB (${vsix.bytes.toLocaleString('en-US')} bytes)${vsix.rebuilt ? ', built by this run with `npm run package`' : ', existing file (not rebuilt by this run)'}.`);
  lines.push('', '## Targets', '', '| target | figure | met |', '|---|---|---|');
  for (const c of checks) lines.push(`| ${c.what} (${c.target}) | ${c.figure} | ${c.met === undefined ? 'n/a' : c.met ? 'yes' : `**no**: ${c.by}`} |`);
  lines.push('');
  const profile = extras.profile;
  if (profile && !('skipped' in profile)) {
    lines.push('## Where the time goes', '');
    if ('error' in profile) lines.push(`Profiling failed: ${profile.error}`, '');
    else {
      const s = profile.summary;
      lines.push(`A separate run of our server under \`node --cpu-prof\` (${profile.label}, same edits; its timings are not used above): ${s.totalMs.toFixed(0)} ms of CPU${s.windowed ? ' within the edit loop' : ''}. Top self time, mapped to sources through the bundle's source map:`, '');
      lines.push('| self | % | function | source |', '|---:|---:|---|---|');
      for (const r of s.self.slice(0, 12)) lines.push(`| ${ms(r.ms)} | ${r.percent.toFixed(1)} | \`${r.name}\` | ${r.where} |`);
      lines.push('', 'Top inclusive time (our code):', '', '| inclusive | % | function | source |', '|---:|---:|---|---|');
      for (const r of s.inclusive.slice(0, 12)) lines.push(`| ${ms(r.ms)} | ${r.percent.toFixed(1)} | \`${r.name}\` | ${r.where} |`);
      lines.push('');
    }
  }
  return lines.join('\n');
}
