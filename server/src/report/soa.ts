import type { CoverageStatus } from '../core/coverage';
import { SoaRequest } from '../shared/protocol';
import { shortName } from '../core/data/frameworkCatalog';
import { frameworkCoverage } from '../core/frameworkCoverage';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { STATUS_LABEL, type ReportMeta } from './coverage';
import { reportMeta } from './report';

/** The frameworks whose Annex A a Statement of Applicability covers, and its formats (as the protocol names them). */
export const SOA_FRAMEWORKS = SoaRequest.FRAMEWORKS;
export const SOA_FORMATS = SoaRequest.FORMATS;
export type SoaFormat = (typeof SOA_FORMATS)[number];

export interface SoaRow {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  /** False where attest.yaml declares the control not applicable. */
  readonly applicable: boolean;
  /** Why the control does not apply (its exception's reason); empty when it applies. */
  readonly reason: string;
  readonly status: CoverageStatus;
  /** Ids of the documents that implement it, controls first. */
  readonly documents: readonly string[];
}

/** A Statement of Applicability: every Annex A control, applicable or not, with its status and documents. */
export interface Soa {
  readonly framework: string;
  /** `ISO/IEC 42001`. */
  readonly name: string;
  readonly title: string;
  /** Whether attest.yaml turns the framework on (the statement is made either way). */
  readonly enabled: boolean;
  readonly rows: readonly SoaRow[];
  readonly meta: ReportMeta;
}

/**
 * The Statement of Applicability of an ISO framework, from the index: the same claims and
 * exceptions as coverage, also where attest.yaml does not turn the framework on yet.
 */
export function statementOfApplicability(index: WorkspaceIndex, frameworkId: string): Soa | undefined {
  const framework = (SOA_FRAMEWORKS as readonly string[]).includes(frameworkId) ? index.frameworks.known(frameworkId) : undefined;
  if (!framework) return undefined;
  const coverage = frameworkCoverage(framework, index, index);
  return {
    framework: framework.id,
    name: shortName(framework),
    title: framework.title,
    enabled: index.frameworks.isEnabled(framework.id),
    rows: coverage.items.map((item) => ({
      id: item.id,
      title: item.title ?? '',
      group: item.group,
      applicable: item.status !== 'excepted',
      reason: item.reason ?? '',
      status: item.status,
      documents: item.documents,
    })),
    meta: reportMeta(index),
  };
}

/** How a row's status reads in the statement: an excepted control is simply not applicable. */
export function soaStatus(row: SoaRow): string {
  return row.applicable ? STATUS_LABEL[row.status] : 'not applicable';
}

/** `12 of 38 applicable controls are controlled, implemented`… in one sentence. */
export function soaSummary(soa: Soa): string {
  const applicable = soa.rows.filter((r) => r.applicable);
  const done = applicable.filter((r) => r.status === 'controlled' || r.status === 'implemented').length;
  const excluded = soa.rows.length - applicable.length;
  return `${soa.rows.length} controls: ${applicable.length} applicable (${done} with a control in place), ${excluded} not applicable.`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatSoaCsv(soa: Soa): string {
  const rows = [['control', 'title', 'group', 'applicable', 'reason', 'status', 'documents']];
  // The statuses as the JSON and the coverage CSV name them, for spreadsheets that filter on them.
  for (const r of soa.rows) rows.push([r.id, r.title, r.group, r.applicable ? 'yes' : 'no', r.reason, r.applicable ? r.status : 'not applicable', r.documents.join(' ')]);
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

function mdCell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

export function formatSoaMarkdown(soa: Soa): string {
  const org = soa.meta.organization ? ` — ${mdCell(soa.meta.organization)}` : '';
  const lines = [
    `# Statement of Applicability: ${mdCell(soa.name)}${org}`,
    '',
    `${mdCell(soa.title)}. Generated ${soa.meta.date}. ${soaSummary(soa)}`,
    ...(soa.enabled ? [] : ['', `> ${mdCell(soa.name)} is not turned on in attest.yaml, so the editor does not check these claims yet: add \`${soa.framework}\` to \`frameworks\`.`]),
    '',
    '| Control | Title | Applicable | Reason for exclusion | Status | Implemented by |',
    '| --- | --- | --- | --- | --- | --- |',
    ...soa.rows.map((r) => {
      const docs = r.documents.map((id) => {
        const doc = soa.meta.documents.get(id);
        return doc ? `${id} (${doc.title})` : id;
      });
      return `| ${r.id} | ${mdCell(r.title)} | ${r.applicable ? 'Yes' : 'No'} | ${mdCell(r.reason)} | ${soaStatus(r)} | ${mdCell(docs.join(', '))} |`;
    }),
  ];
  return lines.join('\n') + '\n';
}
