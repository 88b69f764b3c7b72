import type { CheckReport, ReportedDiagnostic } from './report';
import { checkSummaryLines, type SummaryOptions } from './checkText';

const COMMAND = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

/** A command's message: the runner reads `%`, CR and LF as escapes and line ends. */
export function escapeWorkflowData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value, where `:` and `,` also end the value. */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One workflow command that GitHub turns into an annotation on the pull request. The runner
 * rejects columns on an annotation that spans lines, so those keep their lines only.
 */
export function formatWorkflowCommand(d: ReportedDiagnostic): string {
  const properties: [string, string | number][] = [['file', d.file.replace(/\\/g, '/')], ['line', d.line]];
  if (d.endLine === d.line) properties.push(['col', d.column], ['endLine', d.endLine], ['endColumn', d.endColumn]);
  else properties.push(['endLine', d.endLine]);
  properties.push(['title', `attest ${d.code}`]);
  const props = properties.map(([key, value]) => `${key}=${escapeWorkflowProperty(String(value))}`).join(',');
  return `::${COMMAND[d.severity]} ${props}::${escapeWorkflowData(d.message)}`;
}

/** Workflow commands, one per diagnostic, then the summary as plain lines for the log. */
export function formatGithub(report: CheckReport, options: SummaryOptions = {}): string {
  const lines = report.diagnostics.map(formatWorkflowCommand);
  lines.push(...checkSummaryLines(report, options));
  return lines.join('\n') + '\n';
}
