import type { CheckReport, ReportedDiagnostic } from './report';
import { countBySeverity } from './report';
import { plural } from '../core/words';

const LABEL = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as const;

export interface SummaryOptions {
  /** Only errors were reported (`--quiet`): the summary does not claim there were no warnings. */
  readonly quiet?: boolean;
}

/** One compiler-style line: `file:line:col  severity  message  [code]`. */
export function formatDiagnosticLine(d: ReportedDiagnostic, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const tint = { error: '31', warning: '33', information: '36', hint: '2' } as const;
  return `${d.file}:${d.line}:${d.column}  ${paint(tint[d.severity], LABEL[d.severity].padEnd(7))}  ${d.message}  ${paint('2', `[${d.code}]`)}`;
}

/** The counts and the coverage in a few plain lines: what every human-readable format ends with. */
export function checkSummaryLines(report: CheckReport, options: SummaryOptions = {}): string[] {
  const counts = countBySeverity(report.diagnostics);
  const found = options.quiet
    ? `${plural(counts.error, 'error')} (--quiet: warnings and information not shown)`
    : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information`;
  const lines = [`${plural(report.files, 'document')} checked: ${found}.`];
  const s = report.coverage.summary;
  lines.push(`Coverage: ${s.percent}% — ${s.covered} of ${plural(s.inScope, 'in-scope criterion', 'in-scope criteria')} controlled, implemented or excepted.`);
  if (report.coverage.ml.length > 0) {
    const addressed = report.coverage.ml.filter((t) => t.status !== 'uncovered').length;
    lines.push(`ML topics: ${addressed} of ${report.coverage.ml.length} addressed.`);
  }
  for (const f of report.coverage.frameworks ?? []) {
    lines.push(`${f.name}: ${f.summary.percent}% — ${f.summary.covered} of ${plural(f.summary.inScope, 'item')} controlled, implemented or excepted.`);
  }
  return lines;
}

/** Compiler-style lines and a summary. */
export function formatCheckText(report: CheckReport, color: boolean, options: SummaryOptions = {}): string {
  const lines = report.diagnostics.map((d) => formatDiagnosticLine(d, color));
  // A blank line parts the diagnostics from the summary; with none, the summary comes first.
  if (lines.length > 0) lines.push('');
  lines.push(...checkSummaryLines(report, options));
  return lines.join('\n') + '\n';
}
