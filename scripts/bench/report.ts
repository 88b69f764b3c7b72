/**
 * The benchmark's tables: one per workspace size, side by side with the floors and with
 * markdownlint-cli2, and one against the goals of SPEC-level scale (ratios, since shared
 * machines are noisy), printed as text or written as Markdown for the README.
 */
import type { Floor } from './floors';
import type { ServerFigures } from './lsp';
import { percentile } from './lsp';
import type { PhaseFigures } from './pathological';
import type { ProcessRun } from './processes';

export interface FloorRun extends ProcessRun {
  readonly workMs: number | undefined;
}

export interface CheckRun extends ProcessRun {
  readonly files: number | undefined;
  readonly diagnostics: number | undefined;
}

export interface SizeResult {
  readonly count: number;
  readonly bytes: number;
  readonly floors: Partial<Record<Floor, FloorRun>>;
  /** Without a cache. */
  readonly cold?: CheckRun;
  /** With `--cache` on an empty cache, which it writes. */
  readonly coldCached?: CheckRun;
  /** With `--cache` after a run that wrote it (where the CLI has no `--cache`: the plain check again). */
  readonly warm?: CheckRun;
  /** Whether the check was run with `--cache` (the CLI offers it). */
  readonly cached: boolean;
  readonly markdownlint?: ProcessRun;
  readonly server?: ServerFigures & { readonly warmStartToAllMs?: number };
}

export interface Table {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export const time = (ms: number | undefined): string => (ms === undefined ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
const mb = (value: number | undefined): string => (value === undefined ? '—' : `${value.toFixed(0)} MB`);
const times = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined || b === 0 ? '—' : `${(a / b).toFixed(2)} ×`);
const p = (samples: readonly number[] | undefined, at: number) => (samples ? percentile(samples, at) : undefined);
const pair = (samples: readonly number[] | undefined) => `${time(p(samples, 50))} / ${time(p(samples, 95))}`;

const FLOOR_LABELS: Record<Floor, string> = {
  read: 'read every file (the read floor)',
  yaml: 'parse every frontmatter with `yaml` (parseDocument)',
  'markdown-it': '`yaml` + markdown-it over every file (the parse floor)',
  remark: 'remark-parse over every body (one thread)',
};

export function sizeTable(result: SizeResult): Table {
  const { floors, cold, coldCached, warm, markdownlint, server } = result;
  const rows: string[][] = [];
  const floorWall = (f: Floor) => floors[f]?.wallMs;
  if (cold) {
    const found = cold.diagnostics === undefined ? '' : ` (${cold.files} files, ${cold.diagnostics} diagnostics, exit ${cold.exitCode})`;
    rows.push([`\`attest check --format json\`, cold, no cache${found}`, time(cold.wallMs), time(cold.cpuMs), mb(cold.peakRssMb), `${times(cold.wallMs, floorWall('markdown-it'))} the parse floor`]);
  }
  if (coldCached) rows.push(['the same with `--cache`, cold (an empty cache, which it writes)', time(coldCached.wallMs), time(coldCached.cpuMs), mb(coldCached.peakRssMb), `${times(coldCached.wallMs, cold?.wallMs)} the cold check`]);
  if (warm) rows.push([result.cached ? 'the same with `--cache`, warm (nothing changed since)' : 'the same, run again (no `--cache` in this CLI)', time(warm.wallMs), time(warm.cpuMs), mb(warm.peakRssMb), `${times(warm.wallMs, floorWall('read'))} the read floor`]);
  if (markdownlint) rows.push([`markdownlint-cli2 on the same files (default rules; exit ${markdownlint.exitCode})`, time(markdownlint.wallMs), time(markdownlint.cpuMs), mb(markdownlint.peakRssMb), `Attest cold ${times(cold?.wallMs, markdownlint.wallMs)} it`]);
  for (const floor of Object.keys(FLOOR_LABELS) as Floor[]) {
    const run = floors[floor];
    if (run) rows.push([FLOOR_LABELS[floor], `${time(run.wallMs)} (work ${time(run.workMs)})`, time(run.cpuMs), mb(run.peakRssMb), floor === 'read' ? '' : `${times(run.wallMs, floorWall('read'))} the read floor`]);
  }
  if (server) {
    const when = server.firstWhileIndexing ? 'while the index builds' : 'NOT while the index builds: it had finished';
    rows.push([`language server, no cache: open a document → its first diagnostics, ${when}`, time(server.openToFirstMs), '', '', '']);
    rows.push(['language server, no cache: start → every document has diagnostics (RSS once indexed)', server.startToAllMs === undefined ? 'not within 15 min' : time(server.startToAllMs), '', mb(server.rssMb), `peak ${mb(server.peakMb)}`]);
    if (server.warmStartToAllMs !== undefined) rows.push(['language server started again on its cache: start → every document has diagnostics', time(server.warmStartToAllMs), '', '', `${times(server.warmStartToAllMs, server.startToAllMs)} the first start`]);
    rows.push([`edit → diagnostics, p50 / p95 (${server.editMs.length} keystrokes in a control)`, pair(server.editMs), '', '', '']);
    rows.push([`a 5,000-line control: open → diagnostics; keystroke p50 / p95 (${server.longEditMs.length})`, `${time(server.longOpenMs)}; ${pair(server.longEditMs)}`, '', '', '']);
    rows.push([`hover on a criterion id in frontmatter, p50 / p95 (${server.hoversAnswered} of ${server.hoverMs.length} with content)`, pair(server.hoverMs), '', '', '']);
    rows.push([`completion at a criterion id in \`criteria:\`, p50 / p95 (${server.completionsAnswered} of ${server.completionMs.length} with items)`, pair(server.completionMs), '', '', '']);
  }
  return { title: `${result.count.toLocaleString('en-US')} documents (${(result.bytes / 1024 / 1024).toFixed(1)} MB)`, header: ['', 'time', 'CPU', 'peak RSS', 'ratio (time)'], rows };
}

/** Wall times compared, with the CPU times beside them (steadier on a busy machine). */
function versus(run: ProcessRun, floor: ProcessRun): string {
  const cpu = run.cpuMs !== undefined && floor.cpuMs !== undefined ? ` (CPU ${time(run.cpuMs)} vs ${time(floor.cpuMs)}: ${times(run.cpuMs, floor.cpuMs)})` : '';
  return `${time(run.wallMs)} vs ${time(floor.wallMs)}${cpu}`;
}

interface Goal {
  readonly name: string;
  readonly target: string;
  readonly measured: string;
  readonly ratio: number | undefined;
  readonly limit: number;
}

function goal(name: string, target: string, measured: string, value: number | undefined, against: number | undefined, limit: number): Goal {
  return { name, target, measured, ratio: value === undefined || against === undefined ? undefined : value / against, limit };
}

/** The goals of the scale issue, judged on the largest size measured; linearity needs two sizes. */
export function goalsTable(results: readonly SizeResult[], probe: readonly PhaseFigures[] | undefined): Table {
  const largest = [...results].sort((a, b) => b.count - a.count)[0];
  const smallest = [...results].sort((a, b) => a.count - b.count)[0];
  const goals: Goal[] = [];
  if (largest) {
    const { floors, cold, coldCached, warm, server } = largest;
    const parse = floors['markdown-it'];
    const read = floors.read;
    if (cold && parse) goals.push(goal('cold check vs the `yaml` + markdown-it floor', '≤ 1.0 ×', versus(cold, parse), cold.wallMs, parse.wallMs, 1));
    if (warm && read) goals.push(goal(`warm check${largest.cached ? ' (`--cache`)' : ' (no cache in this CLI)'} vs the read floor`, '≤ 2 ×', versus(warm, read), warm.wallMs, read.wallMs, 2));
    const peak = Math.max(cold?.peakRssMb ?? 0, coldCached?.peakRssMb ?? 0, warm?.peakRssMb ?? 0) || undefined;
    if (peak) goals.push(goal('peak RSS of the check', '≤ 300 MB', mb(peak), peak, 300, 1));
    if (server) {
      goals.push(goal('RSS of the server once indexed', '≤ 300 MB', mb(server.rssMb), server.rssMb, 300, 1));
      const note = server.firstWhileIndexing ? '' : ' (the index had finished: not what the goal times)';
      goals.push(goal('open → first diagnostics while the index builds', '≤ 500 ms', `${time(server.openToFirstMs)}${note}`, server.openToFirstMs, 500, 1));
      goals.push(goal('edit → diagnostics, p95', '≤ 10 ms', time(p(server.editMs, 95)), p(server.editMs, 95), 10, 1));
      goals.push(goal('hover, p95', '≤ 20 ms', time(p(server.hoverMs, 95)), p(server.hoverMs, 95), 20, 1));
      goals.push(goal('completion, p95', '≤ 20 ms', time(p(server.completionMs, 95)), p(server.completionMs, 95), 20, 1));
    }
  }
  if (largest && smallest && largest !== smallest) {
    const scale = largest.count / smallest.count;
    const linear = (name: string, a: number | undefined, b: number | undefined) =>
      goal(`${name}: ${largest.count.toLocaleString('en-US')} vs ${smallest.count.toLocaleString('en-US')} documents, per document`, '≤ 1.2 × linear', `${time(a)} vs ${time(b)}`, a, b === undefined ? undefined : b * scale, 1.2);
    // CPU time where there is one: the sizes run minutes apart, under whatever load the machine has then.
    const cpuOrWall = (run: ProcessRun | undefined) => run?.cpuMs ?? run?.wallMs;
    const cpu = largest.cold?.cpuMs !== undefined && smallest.cold?.cpuMs !== undefined ? ', CPU time' : '';
    goals.push(linear(`cold check${cpu}`, cpuOrWall(largest.cold), cpuOrWall(smallest.cold)));
    goals.push(linear(`warm check${cpu}`, cpuOrWall(largest.warm), cpuOrWall(smallest.warm)));
    goals.push(linear('server start → all diagnostics', largest.server?.startToAllMs, smallest.server?.startToAllMs));
  }
  for (const phase of probe ?? []) {
    const note = phase.finished ? '' : ' (not finished in 3 min)';
    const measured = `${time(phase.longestWaitMs)} (of ${phase.hovers} in ${time(phase.tookMs)})`;
    goals.push(goal(`pathological documents: longest hover wait, ${phase.name}${note}`, '< 1 s', measured, phase.longestWaitMs, 1000, 1));
  }
  if (goals.length === 0) goals.push(goal('nothing measured that a goal is about', '', '', undefined, undefined, 1));
  const rows = goals.map((g) => [g.name, g.target, g.measured, g.ratio === undefined ? '—' : `${g.ratio.toFixed(2)} ×`, g.ratio === undefined ? '—' : g.ratio <= g.limit ? '✓' : '✗']);
  return { title: `Goals${largest ? ` (${largest.count.toLocaleString('en-US')} documents)` : ''}`, header: ['goal', 'target', 'measured', 'ratio', ''], rows };
}

export function asText(table: Table): string {
  const all = [table.header, ...table.rows];
  const widths = table.header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (row: readonly string[]) => row.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
  return [table.title, line(table.header), widths.map((w) => '-'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n');
}

export function asMarkdown(table: Table): string {
  const row = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [`#### ${table.title}`, '', row(table.header), row(table.header.map(() => '---')), ...table.rows.map(row)].join('\n');
}
