import type { Coverage, CoverageStatus } from '../core/coverage';
import { plural } from '../core/words';
import { frameworksCsvRows, frameworksMarkdown, frameworksText } from './frameworkReports';

/** What the coverage reports say about the workspace besides the coverage itself. */
export interface ReportMeta {
  readonly organization?: string;
  /** Date the report was made (YYYY-MM-DD). */
  readonly date: string;
  /** Documents by id, to name and link them. */
  readonly documents: ReadonlyMap<string, { readonly title: string; readonly relPath: string; readonly type: string; readonly status: string }>;
}

export const STATUS_LABEL: Readonly<Record<CoverageStatus, string>> = {
  uncovered: 'uncovered',
  drafted: 'drafted',
  documented: 'documented only',
  controlled: 'controlled',
  implemented: 'implemented',
  excepted: 'excepted',
};

/** Text from attest.yaml on one line: a multi-line reason would break a row of the text or Markdown table. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `1 of 1 in-scope criterion is`, `3 of 40 in-scope criteria are`. */
function coveredOf(covered: number, inScope: number): string {
  return `${covered} of ${plural(inScope, 'in-scope criterion is', 'in-scope criteria are')}`;
}

export function formatCoverageText(coverage: Coverage, meta: ReportMeta): string {
  const lines: string[] = [`Coverage${meta.organization ? ` for ${oneLine(meta.organization)}` : ''} on ${meta.date}`];
  let category = '';
  for (const c of coverage.criteria) {
    if (c.category !== category) {
      category = c.category;
      lines.push('', category);
    }
    const who = c.status === 'excepted' ? `not applicable: ${oneLine(c.reason ?? '')}` : c.documents.join(', ');
    lines.push(`  ${c.id.padEnd(7)} ${STATUS_LABEL[c.status].padEnd(16)} ${who}`.trimEnd());
  }
  if (coverage.ml.length > 0) {
    lines.push('', 'ML topics');
    for (const t of coverage.ml) lines.push(`  ${t.topic.padEnd(24)} ${STATUS_LABEL[t.status].padEnd(16)} ${t.documents.join(', ')}`.trimEnd());
  }
  const s = coverage.summary;
  lines.push('', `${s.percent}% covered: ${coveredOf(s.covered, s.inScope)} controlled, implemented or excepted.${draftedNote(s.drafted)}`);
  // Each framework after the TSC's headline, with a headline of its own.
  lines.push(...frameworksText(coverage.frameworks ?? [], (status) => STATUS_LABEL[status]));
  return lines.join('\n') + '\n';
}

/** Drafts claim but do not cover (SPEC §10): how many criteria wait only for an approval. */
export function draftedNote(drafted: number): string {
  return drafted > 0 ? ` ${drafted === 1 ? '1 more is' : `${drafted} more are`} drafted: claimed only by drafts, which count once approved.` : '';
}

function mdCell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

export function formatCoverageMarkdown(coverage: Coverage, meta: ReportMeta): string {
  const s = coverage.summary;
  const lines = [
    `# SOC 2 coverage${meta.organization ? ` — ${mdCell(meta.organization)}` : ''}`,
    '',
    `Generated ${meta.date}. **${s.percent}%** covered: ${coveredOf(s.covered, s.inScope)} controlled, implemented or excepted.${draftedNote(s.drafted)} A criterion claimed only by documents that are not controls (policies, procedures) is *documented*, not covered.`,
    '',
    '| Criterion | Category | Status | Documents |',
    '| --- | --- | --- | --- |',
    ...coverage.criteria.map((c) => `| ${c.id} | ${c.category} | ${STATUS_LABEL[c.status]} | ${mdCell(c.status === 'excepted' ? `Not applicable: ${c.reason ?? ''}` : c.documents.join(', '))} |`),
  ];
  if (coverage.ml.length > 0) {
    lines.push('', '## ML topics', '', '| Topic | Status | Documents |', '| --- | --- | --- |');
    for (const t of coverage.ml) lines.push(`| ${mdCell(t.title)} (\`${t.topic}\`) | ${STATUS_LABEL[t.status]} | ${mdCell(t.documents.join(', '))} |`);
  }
  lines.push(...frameworksMarkdown(coverage.frameworks ?? [], (status) => STATUS_LABEL[status]));
  return lines.join('\n') + '\n';
}

function csvCell(text: string): string {
  // Line breaks stay, inside quotes, as RFC 4180 allows.
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCoverageCsv(coverage: Coverage): string {
  const rows = [['kind', 'id', 'category', 'status', 'documents', 'reason']];
  for (const c of coverage.criteria) rows.push(['criterion', c.id, c.category, c.status, c.documents.join(' '), c.reason ?? '']);
  for (const t of coverage.ml) rows.push(['ml-topic', t.topic, '', t.status, t.documents.join(' '), '']);
  rows.push(...frameworksCsvRows(coverage.frameworks ?? []));
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
