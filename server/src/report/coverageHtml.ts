import { COVERAGE_STATUSES, COVERED_STATUSES, type Coverage, type CoverageStatus, type CriterionCoverage } from '../core/coverage';
import { STATUS_LABEL, type ReportMeta } from './coverage';
import { plural } from '../core/words';
import { frameworkSectionsHtml } from './frameworksHtml';

/**
 * The coverage report as one self-contained HTML page: inline CSS, no scripts,
 * no external resources; the only links go to the document files, relative to
 * the workspace root or, given `linkBase`, to wherever the report is written.
 */

export interface HtmlOptions {
  /**
   * The URL of the workspace root relative to the report's own folder, percent-encoded and
   * ending in `/` (`../../` for a report written to `deep/r/` inside the workspace), or a
   * `file:` URL where no relative one exists. Empty or absent: the report sits at the root.
   */
  readonly linkBase?: string;
}

/** A glyph per status, so the status never depends on colour alone. */
const STATUS_ICON: Readonly<Record<CoverageStatus, string>> = {
  uncovered: '✕',
  documented: '◐',
  controlled: '●',
  implemented: '✔',
  excepted: '⊘',
};

/** What each status means, for the legend. */
const STATUS_MEANING: Readonly<Record<CoverageStatus, string>> = {
  uncovered: 'no document claims the criterion',
  documented: 'claimed only by policies or procedures, not by a control',
  controlled: 'a control claims it',
  implemented: 'a control with status implemented and current evidence claims it',
  excepted: 'declared not applicable in attest.yaml, with a reason',
};

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A relative URL for a workspace path: each segment percent-encoded, so no path can become a scheme or escape the attribute. */
function hrefOf(relPath: string, linkBase: string): string {
  return linkBase + relPath
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** A fragment id for a criterion (`CC6.1` → `crit-CC6-1`). */
function anchorOf(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

function chip(status: CoverageStatus, text: string = STATUS_LABEL[status]): string {
  return `<span class="chip st-${status}"><span class="icon" aria-hidden="true">${STATUS_ICON[status]}</span> ${esc(text)}</span>`;
}

function countByStatus(items: readonly { readonly status: CoverageStatus }[]): Record<CoverageStatus, number> {
  const counts = Object.fromEntries(COVERAGE_STATUSES.map((s) => [s, 0])) as Record<CoverageStatus, number>;
  for (const item of items) counts[item.status]++;
  return counts;
}

/** The documents of a criterion or topic: each linked to its file, titled, with type and status. */
function documentList(ids: readonly string[], meta: ReportMeta, linkBase: string): string {
  if (ids.length === 0) return '<span class="none">none</span>';
  const items = ids.map((id) => {
    const doc = meta.documents.get(id);
    if (!doc) return `<li><code class="doc-id">${esc(id)}</code> <span class="doc-meta">not found in the workspace</span></li>`;
    const info = [doc.type, doc.status].filter((s) => s).join(' · ');
    return (
      `<li><a class="doc-id" href="${esc(hrefOf(doc.relPath, linkBase))}" title="${esc(doc.title)}">${esc(id)}</a>` +
      (info ? ` <span class="doc-meta">${esc(info)}</span>` : '') +
      '</li>'
    );
  });
  return `<ul class="docs">${items.join('')}</ul>`;
}

function groupByCategory(criteria: readonly CriterionCoverage[]): Map<string, CriterionCoverage[]> {
  const groups = new Map<string, CriterionCoverage[]>();
  for (const c of criteria) {
    const list = groups.get(c.category);
    if (list) list.push(c);
    else groups.set(c.category, [c]);
  }
  return groups;
}

/** Every document the report refers to, so that a printed copy names them too. */
function documentIndex(coverage: Coverage, meta: ReportMeta, linkBase: string): string {
  const ids = new Set<string>();
  for (const c of coverage.criteria) if (c.status !== 'excepted') for (const id of c.documents) ids.add(id);
  for (const t of coverage.ml) for (const id of t.documents) ids.add(id);
  const rank = (type: string) => (type === 'control' ? 0 : type === 'procedure' ? 1 : type === 'policy' ? 2 : 3);
  const rows = [...ids]
    .flatMap((id) => {
      const doc = meta.documents.get(id);
      return doc ? [{ id, ...doc }] : [];
    })
    .sort((a, b) => rank(a.type) - rank(b.type) || a.id.localeCompare(b.id));
  if (rows.length === 0) return '';
  const out = ['<section aria-labelledby="documents-h">', '<h2 id="documents-h">Documents referenced</h2>', '<table class="index">'];
  out.push('<thead><tr><th scope="col">Document</th><th scope="col">Title</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">File</th></tr></thead>', '<tbody>');
  for (const d of rows) {
    out.push(
      `<tr><th scope="row" class="doc-id">${esc(d.id)}</th><td>${esc(d.title)}</td><td>${esc(d.type)}</td><td>${esc(d.status)}</td>` +
        `<td class="path"><a class="mono" href="${esc(hrefOf(d.relPath, linkBase))}">${esc(d.relPath)}</a></td></tr>`,
    );
  }
  out.push('</tbody>', '</table>', '</section>');
  return out.join('\n');
}

const CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --paper: #ffffff; --wash: #f6f8fa; --link: #0a4fb0; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--wash); color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
main, header.page, footer.page { max-width: 1120px; margin: 0 auto; padding: 0 28px; }
header.page { padding-top: 28px; }
a { color: var(--link); }
a:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
h1 { font-size: 28px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 0; }
.org { font-size: 18px; color: var(--ink); margin: 0; }
.generated { color: var(--muted); margin: 2px 0 0; }
.card { background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; padding: 18px 20px; }
.headline { display: grid; grid-template-columns: auto 1fr; gap: 8px 28px; align-items: center; margin-top: 20px; }
.percent { font-size: 52px; font-weight: 700; line-height: 1; font-variant-numeric: tabular-nums; }
.percent small { display: block; font-size: 13px; font-weight: 600; color: var(--muted); letter-spacing: 0.04em; text-transform: uppercase; margin-top: 6px; }
.headline p { margin: 0 0 8px; }
.bar { display: flex; height: 14px; border-radius: 7px; overflow: hidden; border: 1px solid var(--rule); background: var(--wash); }
.bar span { display: block; height: 100%; }
.strip { display: flex; flex-wrap: wrap; gap: 8px; margin: 14px 0 0; padding: 0; list-style: none; }
.strip li { display: flex; }
.strip .chip { font-size: 14px; padding: 4px 12px; }
.strip .chip b { font-variant-numeric: tabular-nums; margin-right: 2px; }
.legend { margin: 16px 0 0; color: var(--ink); }
.legend .chip { font-size: 12px; padding: 0 7px; }
.chip { display: inline-flex; align-items: center; gap: 4px; white-space: nowrap; border-radius: 999px; padding: 1px 9px; font-size: 13px; font-weight: 600; border: 1px solid; }
.icon { font-weight: 700; }
/* Okabe–Ito hues (distinguishable with the common colour-vision deficiencies), as tints with dark text for contrast. */
.st-uncovered   { background: #fbe3d4; color: #6e2800; border-color: #d55e00; }
.st-documented  { background: #fdf0c8; color: #5c4000; border-color: #e69f00; }
.st-controlled  { background: #dcedfa; color: #0b3d66; border-color: #56b4e9; }
.st-implemented { background: #d2f0e5; color: #00513b; border-color: #009e73; }
.st-excepted    { background: repeating-linear-gradient(135deg, #eeeeee 0 6px, #e2e2e2 6px 12px); color: #333333; border-color: #8c8c8c; }
.bar .st-uncovered { background: #d55e00; } .bar .st-documented { background: #e69f00; } .bar .st-controlled { background: #56b4e9; }
.bar .st-implemented { background: #009e73; } .bar .st-excepted { background: #9a9a9a; }
.overview { display: grid; grid-template-columns: minmax(150px, max-content) 1fr; gap: 8px 16px; align-items: start; }
.overview h3 { padding-top: 3px; }
.overview h3 small { display: block; font-weight: 400; color: var(--muted); font-size: 12px; }
.tiles { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; list-style: none; }
.tiles a { display: inline-flex; gap: 4px; align-items: center; border-radius: 4px; padding: 2px 7px; font-size: 12px; font-weight: 600; text-decoration: none; border: 1px solid; min-width: 66px; }
.tiles a:hover { text-decoration: underline; }
section.category { margin-top: 28px; break-inside: auto; }
.cat-head { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: baseline; justify-content: space-between; margin-bottom: 8px; }
.cat-head .counts { color: var(--muted); font-size: 13px; }
table { width: 100%; border-collapse: separate; border-spacing: 0; background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; overflow: hidden; }
caption { text-align: left; font-weight: 700; font-size: 16px; padding: 0 0 8px; }
th, td { text-align: left; vertical-align: top; padding: 8px 12px; border-bottom: 1px solid var(--rule); }
tr:last-child > th, tr:last-child > td { border-bottom: 0; }
thead th { background: var(--wash); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
tbody th { font-weight: 700; border-left: 6px solid var(--rule); }
tbody th.crit-id { white-space: nowrap; }
tr.row-uncovered > th { border-left-color: #d55e00; } tr.row-documented > th { border-left-color: #e69f00; }
tr.row-controlled > th { border-left-color: #56b4e9; } tr.row-implemented > th { border-left-color: #009e73; }
tr.row-excepted > th { border-left-color: #9a9a9a; }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
tbody th.crit-id { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 14px; }
tbody tr:target { outline: 3px solid var(--link); outline-offset: -3px; }
td.status { white-space: nowrap; width: 1%; }
td.summary { color: var(--ink); }
col.c-id { width: 8em; } col.c-docs { width: 34%; } col.c-topic { width: 38%; }
table.index td.path { overflow-wrap: anywhere; }
table.index tbody th { border-left: 1px solid var(--rule); font-weight: 600; white-space: nowrap; }
.docs { list-style: none; margin: 0; padding: 0; }
.docs li { margin: 0 0 2px; }
.doc-id { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 13px; }
.doc-meta { color: var(--muted); font-size: 12px; }
.none { color: var(--muted); font-style: italic; }
.na { font-style: italic; }
.exceptions { margin: 0; padding: 0; list-style: none; }
.exceptions li { background: var(--paper); border: 1px solid var(--rule); border-left: 6px solid #8c8c8c; border-radius: 6px; padding: 8px 12px; margin-bottom: 6px; }
.exceptions .crit-id { font-weight: 700; margin-right: 6px; }
.exceptions .cat { color: var(--muted); font-size: 13px; }
.note { color: var(--muted); }
footer.page { color: var(--muted); font-size: 13px; padding-bottom: 32px; margin-top: 36px; }
footer.page p { margin: 0; padding-top: 12px; border-top: 1px solid var(--rule); }
@media (max-width: 720px) {
  main, header.page, footer.page { padding: 0 12px; }
  .headline, .overview { grid-template-columns: 1fr; }
}
@media print {
  @page { size: A4 portrait; margin: 14mm 12mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #ffffff; font-size: 10.5pt; }
  main, header.page, footer.page { max-width: none; padding: 0; }
  .card, table { border-radius: 0; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  .cat-head, caption, thead { break-after: avoid; }
  tr, .exceptions li, .overview > * { break-inside: avoid; }
  thead { display: table-header-group; }
  .tiles a { min-width: 0; }
}
`;

export function formatCoverageHtml(coverage: Coverage, meta: ReportMeta, options: HtmlOptions = {}): string {
  const linkBase = options.linkBase ?? '';
  const s = coverage.summary;
  const counts = countByStatus(coverage.criteria);
  const groups = groupByCategory(coverage.criteria);
  const org = meta.organization?.trim();
  const out: string[] = [];

  out.push(
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>SOC 2 coverage report${org ? ` — ${esc(org)}` : ''} (${esc(meta.date)})</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
  );

  // Header: title, organization, date, headline figure, summary strip, legend.
  out.push('<header class="page">', '<h1>SOC 2 coverage report</h1>');
  if (org) out.push(`<p class="org">${esc(org)}</p>`);
  out.push(`<p class="generated">Generated <time datetime="${esc(meta.date)}">${esc(meta.date)}</time></p>`);
  out.push('<section class="card headline" aria-label="Overall coverage">');
  out.push(`<div class="percent">${esc(String(s.percent))}%<small>covered</small></div>`);
  out.push('<div>');
  out.push(
    `<p><strong>${s.covered} of ${plural(s.inScope, 'in-scope criterion', 'in-scope criteria')}</strong> ${s.covered === 1 ? 'is' : 'are'} covered. ` +
      'The percentage counts <strong>controlled</strong>, <strong>implemented</strong> and <strong>excepted</strong> criteria as covered; ' +
      'criteria that are only documented or uncovered are not.</p>',
  );
  if (s.inScope > 0) {
    const segments = COVERAGE_STATUSES.filter((st) => counts[st] > 0).map(
      (st) => `<span class="st-${st}" style="width:${((counts[st] / s.inScope) * 100).toFixed(3)}%"></span>`,
    );
    out.push(`<div class="bar" aria-hidden="true">${segments.join('')}</div>`);
  }
  out.push('<ul class="strip" aria-label="Criteria by status">');
  for (const st of COVERAGE_STATUSES) {
    out.push(
      `<li><span class="chip st-${st}"><span class="icon" aria-hidden="true">${STATUS_ICON[st]}</span> <b>${counts[st]}</b> ${esc(STATUS_LABEL[st])}</span></li>`,
    );
  }
  out.push('</ul>', '</div>', '</section>');
  out.push(
    '<p class="legend"><strong>Legend.</strong> ' +
      COVERAGE_STATUSES.map((st) => `${chip(st)} ${esc(STATUS_MEANING[st])}${COVERED_STATUSES.has(st) ? ' (counts as covered)' : ''}`).join('; ') +
      '. Each criterion shows its status as a colour, a symbol and a word; its documents link to the files in the workspace.</p>',
  );
  out.push('</header>');

  out.push('<main>');

  // At a glance: every criterion as a tile, per category.
  if (coverage.criteria.length > 0) {
    out.push('<section aria-labelledby="overview-h">', '<h2 id="overview-h">Criteria at a glance</h2>', '<div class="card overview">');
    for (const [category, list] of groups) {
      const covered = list.filter((c) => COVERED_STATUSES.has(c.status)).length;
      out.push(`<h3>${esc(category)}<small>${covered} of ${list.length} covered</small></h3>`);
      out.push(`<ul class="tiles" aria-label="${esc(category)}">`);
      for (const c of list) {
        out.push(
          `<li><a class="st-${c.status}" href="#${esc(anchorOf('crit', c.id))}" title="${esc(`${c.id}: ${STATUS_LABEL[c.status]} — ${c.summary}`)}">` +
            `<span class="icon" aria-hidden="true">${STATUS_ICON[c.status]}</span> <span class="mono">${esc(c.id)}</span>` +
            `<span class="vh">: ${esc(STATUS_LABEL[c.status])}</span></a></li>`,
        );
      }
      out.push('</ul>');
    }
    out.push('</div>', '</section>');
  }

  // The matrix: one table per category.
  out.push('<section aria-labelledby="criteria-h">', '<h2 id="criteria-h">Trust Services Criteria</h2>');
  if (coverage.criteria.length === 0) out.push('<p class="note">No criteria are in scope.</p>');
  for (const [category, list] of groups) {
    const c2 = countByStatus(list);
    const covered = list.filter((c) => COVERED_STATUSES.has(c.status)).length;
    const breakdown = COVERAGE_STATUSES.filter((st) => c2[st] > 0)
      .map((st) => `${c2[st]} ${STATUS_LABEL[st]}`)
      .join(', ');
    const catId = anchorOf('cat', category);
    out.push(`<section class="category" aria-labelledby="${esc(catId)}">`);
    out.push(
      `<div class="cat-head"><h3 id="${esc(catId)}">${esc(category)}</h3><span class="counts">${covered} of ${list.length} covered · ${esc(breakdown)}</span></div>`,
    );
    out.push('<table>', `<caption class="vh">${esc(category)} criteria</caption>`);
    out.push('<colgroup><col class="c-id"><col class="c-status"><col class="c-summary"><col class="c-docs"></colgroup>');
    out.push('<thead><tr><th scope="col">Criterion</th><th scope="col">Status</th><th scope="col">Summary</th><th scope="col">Documents</th></tr></thead>');
    out.push('<tbody>');
    for (const c of list) {
      const docs = c.status === 'excepted' ? `<span class="na">not applicable: ${esc(c.reason ?? '')}</span>` : documentList(c.documents, meta, linkBase);
      out.push(
        `<tr id="${esc(anchorOf('crit', c.id))}" class="row-${c.status}">` +
          `<th scope="row" class="crit-id">${esc(c.id)}</th>` +
          `<td class="status">${chip(c.status)}</td>` +
          `<td class="summary">${esc(c.summary)}</td>` +
          `<td>${docs}</td>` +
          '</tr>',
      );
    }
    out.push('</tbody>', '</table>', '</section>');
  }
  out.push('</section>');

  // ML topics.
  if (coverage.ml.length > 0) {
    const mc = countByStatus(coverage.ml);
    const breakdown = COVERAGE_STATUSES.filter((st) => mc[st] > 0)
      .map((st) => `${mc[st]} ${STATUS_LABEL[st]}`)
      .join(', ');
    out.push('<section aria-labelledby="ml-h">', '<h2 id="ml-h">ML topics</h2>');
    out.push(`<p class="note">${plural(coverage.ml.length, 'topic')} of the ML addenda: ${esc(breakdown)}. ML topics are not part of the percentage above.</p>`);
    out.push('<table>');
    out.push('<colgroup><col class="c-topic"><col class="c-status"><col class="c-docs"></colgroup>');
    out.push('<thead><tr><th scope="col">Topic</th><th scope="col">Status</th><th scope="col">Documents</th></tr></thead>', '<tbody>');
    for (const t of coverage.ml) {
      out.push(
        `<tr id="${esc(anchorOf('ml', t.topic))}" class="row-${t.status}">` +
          `<th scope="row">${esc(t.title)}<br><code class="doc-meta">${esc(t.topic)}</code></th>` +
          `<td class="status">${chip(t.status)}</td>` +
          `<td>${documentList(t.documents, meta, linkBase)}</td>` +
          '</tr>',
      );
    }
    out.push('</tbody>', '</table>', '</section>');
  }

  out.push(frameworkSectionsHtml(coverage.frameworks ?? [], { esc, chip: (st) => chip(st), documents: (ids) => documentList(ids, meta, linkBase), anchor: anchorOf, label: (st) => STATUS_LABEL[st] }));

  // Exceptions.
  const excepted = coverage.criteria.filter((c) => c.status === 'excepted');
  out.push('<section aria-labelledby="exceptions-h">', '<h2 id="exceptions-h">Exceptions</h2>');
  if (excepted.length === 0) {
    out.push('<p class="note">No criteria are excepted.</p>');
  } else {
    out.push(
      `<p class="note">${plural(excepted.length, 'criterion is', 'criteria are')} declared not applicable; ${excepted.length === 1 ? 'it counts' : 'they count'} as covered.</p>`,
    );
    out.push('<ul class="exceptions">');
    for (const c of excepted) {
      out.push(
        `<li><a class="crit-id mono" href="#${esc(anchorOf('crit', c.id))}">${esc(c.id)}</a> <span class="cat">${esc(c.category)}</span><br>` +
          `Not applicable: ${c.reason ? esc(c.reason) : '<span class="none">no reason given</span>'}</li>`,
      );
    }
    out.push('</ul>');
  }
  out.push('</section>');

  out.push(documentIndex(coverage, meta, linkBase));

  out.push('</main>');
  out.push(
    `<footer class="page"><p>SOC 2 coverage report${org ? ` for ${esc(org)}` : ''} · generated <time datetime="${esc(meta.date)}">${esc(meta.date)}</time>. ` +
      `Document links ${/^[a-z][a-z0-9+.-]*:/i.test(linkBase) ? 'point to the workspace folder itself' : `are relative to ${linkBase ? 'the folder this report was written to' : 'the workspace root'}`}.</p></footer>`,
  );
  out.push('</body>', '</html>');
  return out.join('\n') + '\n';
}
