import type { EvidenceItem, EvidenceListInput } from '../../core/audit/requests';
import { buildEvidenceList } from '../../core/audit/requests';
import { WINDOW_STATUSES } from '../../core/audit/windows';
import { plural } from '../../core/words';
import { evidencePath } from '../../core/document/paths';
import type { WorkspaceIndex } from '../../core/index/workspaceIndex';
import type { ReportMeta } from '../coverage';
import { auditText, formatEvidenceList } from '../evidence';
import { evidenceListInput } from '../evidenceInput';
import { buildReport, publicCoverage } from '../report';
import { SOA_FRAMEWORKS, soaSummary, statementOfApplicability, type Soa } from '../soa';
import { formatSoaHtml } from '../soaHtml';
import { bookPageHtml, documentPages, packageDocuments, type DocumentSetting, type PackagedDocument } from './documents';
import { exceptionsHtml, findingsHtml } from './exceptions';
import { indexAnchors, indexPageHtml } from './indexPage';
import { BOOK_PAGE, EVIDENCE_PAGE, INDEX_PAGE, STYLESHEET, copiedFile, documentPage, hrefFrom, soaPage } from './paths';
import { withNavigation, type PackageParts } from './shell';
import { PACKAGE_STYLESHEET } from './styles';
import { NOT_IN_GIT, type AuditPackage, type PackageOptions } from './types';

export type { AuditPackage, FileHistory, LastChange, PackageCopy, PackageOptions } from './types';
export { NOT_IN_GIT } from './types';
export { GENERATOR } from './shell';

/**
 * The auditor package of a workspace (SPEC §12) as data: every page by its path in the
 * package, and the workspace files its pages link to, for the caller to copy in. Reads no
 * files and runs nothing: git history comes in with the options.
 */
export function buildAuditPackage(index: WorkspaceIndex, options: PackageOptions = {}): AuditPackage {
  const history = options.history ?? NOT_IN_GIT;
  const coverage = publicCoverage(index.coverage());
  const documents = packageDocuments(index.documents);
  const meta = packageMeta(index, documents);
  const copies = new Map<string, string>();
  const copy = (relPath: string): string | undefined => {
    if (!index.fileExists(relPath)) return undefined;
    copies.set(relPath, copiedFile(relPath));
    return copiedFile(relPath);
  };

  const evidence = evidenceListInput(index);
  const soas = SOA_FRAMEWORKS.filter((f) => index.frameworks.isEnabled(f)).flatMap((f) => statementOfApplicability(index, f) ?? []);
  const parts: PackageParts = {
    ...(index.config.organization ? { organization: index.config.organization } : {}),
    date: index.today,
    evidence: evidence !== undefined,
    soas: soas.map((s) => ({ framework: s.framework, name: s.name })),
  };
  const setting: DocumentSetting = { parts, documents, history, indexAnchors: indexAnchors(coverage), copy };
  const pageOfPath = new Map(documents.map((d) => [d.meta.relPath, d.page]));
  const documentHref = (relPath: string) => {
    const page = pageOfPath.get(relPath);
    return page === undefined ? undefined : hrefFrom(INDEX_PAGE, page);
  };
  const accepted = documents.flatMap((d) => (index.get(d.meta.relPath)?.suppressions ?? []).map((s) => ({ relPath: d.meta.relPath, codes: s.codes.map((c) => c.value), reason: s.reason })));

  const files = new Map<string, string>();
  files.set(STYLESHEET, PACKAGE_STYLESHEET);
  for (const soa of soas) files.set(soaPage(soa.framework), soaPageHtml(soa, meta, parts));
  if (evidence) files.set(EVIDENCE_PAGE, evidencePageHtml(evidence, copy, parts, options.futureSlackDays));
  for (const [page, html] of documentPages(setting)) files.set(page, html);
  files.set(BOOK_PAGE, bookPageHtml(setting));
  files.set(
    INDEX_PAGE,
    indexPageHtml({
      parts,
      coverage,
      meta,
      documents,
      history,
      ...(evidence ? { evidenceSummary: evidenceSummary(evidence, options.futureSlackDays) } : {}),
      soaSummaries: new Map(soas.map((s) => [s.framework, soaSummary(s)])),
      exceptions: exceptionsHtml(coverage, accepted, documentHref),
      findings: findingsHtml(buildReport(index).diagnostics, documentHref),
    }),
  );
  return { files, copies: [...copies].map(([from, to]) => ({ from, to })) };
}

/**
 * The coverage report's view of the documents, with each one's page as its path: the report's
 * own sections then link every document to its page in the package. A document without an id
 * is listed by its path, as coverage lists it.
 */
function packageMeta(index: WorkspaceIndex, documents: readonly PackagedDocument[]): ReportMeta {
  const byId = new Map<string, { title: string; relPath: string; type: string; status: string }>();
  for (const d of documents) {
    const key = d.meta.id ?? d.meta.relPath;
    if (!byId.has(key)) byId.set(key, { title: d.meta.title, relPath: d.page, type: d.meta.type, status: d.meta.status ?? '' });
  }
  return { ...(index.config.organization ? { organization: index.config.organization } : {}), date: index.today, documents: byId };
}

function soaPageHtml(soa: Soa, meta: ReportMeta, parts: PackageParts): string {
  return withNavigation(formatSoaHtml({ ...soa, meta }, ''), soaPage(soa.framework), parts);
}

/**
 * The evidence request list, its controls linked to their pages and its files to their copies.
 * An evidence path with no file behind it is said so instead of linked.
 */
function evidencePageHtml(input: EvidenceListInput, copy: (relPath: string) => string | undefined, parts: PackageParts, futureSlackDays: number | undefined): string {
  const located = (item: EvidenceItem): EvidenceItem => {
    if (item.path === undefined) return item;
    const path = evidencePath(item.path) ?? undefined;
    if (path !== undefined && copy(path) !== undefined) return { ...item, path };
    const { path: written, ...rest } = item;
    return { ...rest, name: item.name ? `${item.name} (no file at ${written})` : `No file at ${written}` };
  };
  const controls = input.controls.map((c) => ({ ...c, evidence: c.evidence.map(located) }));
  const html = formatEvidenceList({ ...input, controls }, 'html', {
    ...(futureSlackDays === undefined ? {} : { futureSlackDays }),
    linkBase: hrefFrom(EVIDENCE_PAGE, copiedFile('x')).replace(/x$/, ''),
    documentHref: (relPath) => hrefFrom(EVIDENCE_PAGE, documentPage(relPath)),
  });
  return withNavigation(html, EVIDENCE_PAGE, parts);
}

function evidenceSummary(input: EvidenceListInput, futureSlackDays: number | undefined): string {
  const list = buildEvidenceList(input, futureSlackDays === undefined ? {} : { futureSlackDays });
  return `${auditText(input.audit)}: ${plural(list.requests.length, 'request')}, ${WINDOW_STATUSES.map((s) => `${list.counts[s]} ${s}`).join(', ')}.`;
}
