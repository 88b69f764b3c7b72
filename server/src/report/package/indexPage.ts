import type { Coverage } from '../../core/coverage';
import { plural } from '../../core/words';
import type { ReportMeta } from '../coverage';
import { groupByCategory } from '../html/categories';
import { criteriaTables } from '../html/criteriaTable';
import { anchorOf, esc } from '../html/escape';
import { frameworkSections } from '../html/frameworks';
import { pageHeader } from '../html/headline';
import { mlTopicsTable } from '../html/mlTable';
import { criteriaOverview } from '../html/overview';
import { lastChangeHtml } from './documentHeader';
import type { PackagedDocument } from './documents';
import { BOOK_PAGE, EVIDENCE_PAGE, INDEX_PAGE, hrefFrom, soaPage } from './paths';
import { packagePage, packageTitle, type PackageParts } from './shell';
import type { FileHistory } from './types';

export interface IndexContent {
  readonly parts: PackageParts;
  readonly coverage: Coverage;
  /** Documents by id (and by path where they have none), each with its page as its path. */
  readonly meta: ReportMeta;
  readonly documents: readonly PackagedDocument[];
  readonly history: FileHistory;
  /** One line each on the evidence list and each statement of applicability, for the contents. */
  readonly evidenceSummary?: string;
  readonly soaSummaries: ReadonlyMap<string, string>;
  readonly exceptions: readonly string[];
  readonly findings: readonly string[];
}

/** The ids of the rows a document's claims link back to: criteria, ML topics and framework items. */
export function indexAnchors(coverage: Coverage): Set<string> {
  return new Set([
    ...coverage.criteria.map((c) => anchorOf('crit', c.id)),
    ...coverage.ml.map((t) => anchorOf('ml', t.topic)),
    ...(coverage.frameworks ?? []).flatMap((f) => f.items.map((i) => anchorOf(`fw-${f.id}`, i.id))),
  ]);
}

/**
 * The package's front page: the coverage report (its own sections, with each document linked
 * to its page), what else the package holds, the exceptions and open findings, and every
 * document with its fields and the criteria it claims.
 */
export function indexPageHtml(content: IndexContent): string {
  const { coverage, meta } = content;
  const groups = groupByCategory(coverage.criteria);
  const main = [
    // The report's legend speaks of the workspace's files; here the documents open as pages.
    ...pageHeader(coverage, meta).map((line) => line.replace('its documents link to the files in the workspace', 'its documents link to their pages in this package')),
    '<main>',
    ...contents(content),
    ...criteriaOverview(groups),
    ...criteriaTables(groups, meta, ''),
    ...mlTopicsTable(coverage.ml, meta, ''),
    ...frameworkSections(coverage.frameworks ?? [], meta, ''),
    ...content.exceptions,
    ...content.findings,
    ...documentsTable(content),
    '</main>',
  ];
  return packagePage(INDEX_PAGE, packageTitle(content.parts), content.parts, main);
}

function contents(content: IndexContent): string[] {
  const { coverage, parts } = content;
  const card = (href: string, label: string, text: string) => `<li><a href="${esc(href)}">${esc(label)}</a><p>${text}</p></li>`;
  const s = coverage.summary;
  const items = [card('#criteria-h', 'Coverage by criterion', `${s.covered} of ${plural(s.inScope, 'in-scope criterion', 'in-scope criteria')} covered (${s.percent}%), each with the documents that claim it.`)];
  if (coverage.ml.length > 0) items.push(card('#ml-h', 'ML topics', `${plural(coverage.ml.length, 'topic')} of the ML addenda and the documents that address them.`));
  for (const f of coverage.frameworks ?? []) items.push(card(`#${anchorOf('fw', f.id)}`, `Coverage of ${f.name}`, `${f.summary.percent}% covered: ${f.summary.covered} of ${f.summary.inScope} items.`));
  for (const s of parts.soas) items.push(card(soaPage(s.framework), `Statement of Applicability: ${s.name}`, esc(content.soaSummaries.get(s.framework) ?? '')));
  if (content.evidenceSummary !== undefined) items.push(card(EVIDENCE_PAGE, 'Evidence requests', esc(content.evidenceSummary)));
  items.push(card('#exceptions-h', 'Exceptions', 'What is declared not applicable, and findings accepted in documents, each with its reason.'));
  items.push(card('#findings-h', 'Open findings and remediation', 'What the checks find today, each with what to do.'));
  items.push(card('#pkg-documents', 'Documents', `${plural(content.documents.length, 'document')} with owner, status, version, approval and last change; each opens as its own page.`));
  items.push(card(BOOK_PAGE, 'All documents, for printing', 'Every document on one page, each starting a new sheet when printed.'));
  return ['<section aria-labelledby="contents-h">', '<h2 id="contents-h">In this package</h2>', `<ul class="contents">${items.join('')}</ul>`, '</section>'];
}

function documentsTable(content: IndexContent): string[] {
  const anchors = indexAnchors(content.coverage);
  const out = [
    '<section aria-labelledby="pkg-documents">',
    '<h2 id="pkg-documents">Documents</h2>',
    '<p class="note">In reading order: each policy, then the documents that extend or implement it. A criterion links to its row above; the row links back to the document.</p>',
  ];
  if (content.documents.length === 0) return [...out, '<p class="note">The workspace has no documents.</p>', '</section>'];
  out.push('<table class="documents index">', '<thead><tr><th scope="col">Document</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Owner</th><th scope="col">Last change</th><th scope="col">Criteria</th></tr></thead>', '<tbody>');
  for (const d of content.documents) {
    const m = d.meta;
    const criteria = m.criteria.map((c) => (anchors.has(anchorOf('crit', c)) ? `<a class="mono" href="#${esc(anchorOf('crit', c))}">${esc(c)}</a>` : `<span class="mono">${esc(c)}</span>`));
    const status = [m.status ?? '—', m.version ? `v${m.version}` : undefined, m.approval?.on ? `approved ${m.approval.on}` : undefined].filter((p) => p !== undefined).join(' · ');
    out.push(
      `<tr><th scope="row"><a class="doc-id" href="${esc(hrefFrom(INDEX_PAGE, d.page))}">${esc(m.id ?? m.relPath)}</a><br><span class="doc-meta">${esc(m.type)}</span></th>` +
        `<td><span class="doc-title">${esc(m.title)}</span><br><span class="doc-meta mono">${esc(m.relPath)}</span></td>` +
        `<td>${esc(status)}</td><td>${m.owner ? esc(m.owner) : '<span class="none">none</span>'}</td>` +
        `<td>${lastChangeHtml(m.relPath, content.history)}</td>` +
        `<td class="crit">${criteria.join(' ') || '<span class="none">none</span>'}</td></tr>`,
    );
  }
  out.push('</tbody>', '</table>', '</section>');
  return out;
}
