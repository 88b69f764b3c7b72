import type { FrameworkCoverage } from '../../core/coverage';
import type { ReportMeta } from '../coverage';
import { documentList } from './documents';
import { anchorOf, esc } from './escape';
import { chip, countCovered, statusBreakdown } from './status';

/**
 * One section per framework turned on besides the TSC (SPEC §11): its own percentage, then
 * a table per group (clause, function) with every item's status and documents, or the reason
 * it does not apply. Apart from the criteria: it is not part of the headline percentage.
 */
export function frameworkSections(frameworks: readonly FrameworkCoverage[], meta: ReportMeta, linkBase: string): string[] {
  const out: string[] = [];
  for (const f of frameworks) {
    const heading = anchorOf('fw', f.id);
    out.push(`<section aria-labelledby="${esc(heading)}">`, `<h2 id="${esc(heading)}">${esc(f.name)}</h2>`);
    out.push(
      `<p class="note">${esc(f.title)}: <strong>${esc(String(f.summary.percent))}%</strong> covered, ${f.summary.covered} of ${f.summary.inScope} items controlled, implemented or excepted ` +
        `(${esc(statusBreakdown(f.items))}). Only explicit claims under <code>satisfies: { ${esc(f.id)}: [...] }</code> count; this is not part of the percentage above.</p>`,
    );
    const groups = new Map<string, FrameworkCoverage['items'][number][]>();
    for (const item of f.items) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
    for (const [group, items] of groups) {
      out.push('<section class="category">', `<div class="cat-head"><h3>${esc(group)}</h3><span class="counts">${countCovered(items)} of ${items.length} covered</span></div>`);
      out.push('<table>', `<caption class="vh">${esc(f.name)}: ${esc(group)}</caption>`);
      out.push('<colgroup><col class="c-id"><col class="c-status"><col class="c-summary"><col class="c-docs"></colgroup>');
      out.push('<thead><tr><th scope="col">Item</th><th scope="col">Status</th><th scope="col">Summary</th><th scope="col">Documents</th></tr></thead>', '<tbody>');
      for (const i of items) {
        const docs = i.status === 'excepted' ? `<span class="na">not applicable: ${esc(i.reason ?? '')}</span>` : documentList(i.documents, meta, linkBase);
        out.push(
          `<tr id="${esc(anchorOf(`fw-${f.id}`, i.id))}" class="row-${i.status}">` +
            `<th scope="row" class="crit-id">${esc(i.id)}</th>` +
            `<td class="status">${chip(i.status)}</td>` +
            `<td class="summary">${i.title ? `<strong>${esc(i.title)}.</strong> ` : ''}${esc(i.summary)}</td>` +
            `<td>${docs}</td>` +
            '</tr>',
        );
      }
      out.push('</tbody>', '</table>', '</section>');
    }
    out.push('</section>');
  }
  return out;
}
