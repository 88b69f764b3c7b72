import { CONFIG_FILE } from '../core/config';
import type { Coverage } from '../core/coverage';
import { severityOf, sortDiagnostics } from '../core/diagnostics';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { Diagnostic, Severity } from '../core/types';
import { formatCoverageCsv, formatCoverageMarkdown, formatCoverageText, type ReportMeta } from './coverage';
import { formatCoverageHtml, type HtmlOptions } from './coverageHtml';

/** One diagnostic as the CLI prints it (SPEC §9): 1-based positions, path relative to the folder. */
export interface ReportedDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

export interface CheckReport {
  readonly version: 1;
  readonly files: number;
  readonly diagnostics: readonly ReportedDiagnostic[];
  readonly coverage: Coverage;
}

function toReported(file: string, d: Diagnostic): ReportedDiagnostic {
  return {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
}

/** Every diagnostic of the workspace, files in path order. */
export function buildReport(index: WorkspaceIndex): CheckReport {
  const diagnostics: ReportedDiagnostic[] = [];
  for (const d of index.diagnoseConfig()) diagnostics.push(toReported(CONFIG_FILE, d));
  for (const [rel, found] of [...index.diagnoseIgnoredConfigs()].sort(([a], [b]) => a.localeCompare(b))) for (const d of found) diagnostics.push(toReported(rel, d));
  const paths = [...index.documents].map((d) => d.relPath).sort();
  for (const rel of paths) for (const d of index.diagnose(rel)) diagnostics.push(toReported(rel, d));
  return { version: 1, files: paths.length, diagnostics, coverage: publicCoverage(index.coverage()) };
}

/**
 * A broken attest.yaml is bad configuration (exit 2). Decided by what the file itself
 * says (an unknown key is only a warning), not by the severities its rules may configure.
 */
export function configBroken(index: WorkspaceIndex): boolean {
  return index.configProblems.some(breaksConfig);
}

function breaksConfig(finding: { readonly code: string; readonly severity?: string }): boolean {
  // A usable but unusual value (a 14-month audit period) is said as a warning, and an exception of a
  // framework not yet turned on as information: neither breaks the file.
  return finding.code !== 'unknown-field' && finding.code !== 'out-of-scope-criterion' && finding.severity !== 'warning';
}

/**
 * The problems of attest.yaml itself, as `check` reports them, without the workspace-wide
 * findings shown on it. A problem that breaks the file is listed even where its rule is
 * turned off, since it is why the command exits 2.
 */
export function configProblemReport(index: WorkspaceIndex): ReportedDiagnostic[] {
  const found: Diagnostic[] = [];
  for (const f of index.configProblems) {
    const severity = severityOf(index.config, f, false) ?? (breaksConfig(f) ? 'error' : undefined);
    if (severity) found.push({ ...f, severity });
  }
  return sortDiagnostics(found).map((d) => toReported(CONFIG_FILE, d));
}

/** The coverage object exactly as SPEC §9 and §11 shape it, plus titles, summaries and the reason of an exception. */
export function publicCoverage(coverage: Coverage): Coverage {
  return {
    criteria: coverage.criteria.map((c) => ({ id: c.id, category: c.category, status: c.status, documents: c.documents, summary: c.summary, ...(c.reason ? { reason: c.reason } : {}) })),
    ml: coverage.ml.map((t) => ({ topic: t.topic, title: t.title, status: t.status, documents: t.documents })),
    summary: coverage.summary,
    frameworks: (coverage.frameworks ?? []).map((f) => ({
      id: f.id,
      name: f.name,
      title: f.title,
      items: f.items.map((i) => ({
        id: i.id,
        ...(i.title ? { title: i.title } : {}),
        group: i.group,
        status: i.status,
        documents: i.documents,
        summary: i.summary,
        ...(i.reason ? { reason: i.reason } : {}),
      })),
      summary: f.summary,
    })),
  };
}

export function countBySeverity(diagnostics: readonly ReportedDiagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** What the coverage reports say about the workspace besides the coverage: organisation, date, documents. */
export function reportMeta(index: WorkspaceIndex): ReportMeta {
  const documents = new Map<string, { title: string; relPath: string; type: string; status: string }>();
  for (const doc of index.documents) {
    if (doc.id && !documents.has(doc.id.value)) {
      documents.set(doc.id.value, { title: doc.title?.value ?? doc.id.value, relPath: doc.relPath, type: doc.type ?? 'document', status: doc.status?.value ?? 'draft' });
    }
  }
  return { organization: index.config.organization, date: index.today, documents };
}

export const COVERAGE_FORMATS = ['text', 'markdown', 'json', 'csv', 'html'] as const;
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

/** The coverage report of a workspace in one of its formats: what `attest coverage` prints and the editor exports. */
export function renderCoverage(index: WorkspaceIndex, format: CoverageFormat, options: HtmlOptions = {}): string {
  const coverage = publicCoverage(index.coverage());
  const meta = reportMeta(index);
  switch (format) {
    case 'json':
      return JSON.stringify(coverage, null, 2) + '\n';
    case 'markdown':
      return formatCoverageMarkdown(coverage, meta);
    case 'csv':
      return formatCoverageCsv(coverage);
    case 'html':
      return formatCoverageHtml(coverage, meta, options);
    case 'text':
      return formatCoverageText(coverage, meta);
  }
}
