import type { CriterionCoverage } from '../../core/coverage';
import type { ReportMeta } from '../coverage';
import { documentList } from './documents';
import { anchorOf, esc } from './escape';
import { chip, countCovered, statusBreakdown } from './status';

/** The matrix of Trust Services Criteria: one table per category, each row a criterion with its status and documents. */
export function criteriaTables(groups: ReadonlyMap<string, readonly CriterionCoverage[]>, meta: ReportMeta, linkBase: string): string[] {
  const out = ['<section aria-labelledby="criteria-h">', '<h2 id="criteria-h">Trust Services Criteria</h2>'];
  if (groups.size === 0) out.push('<p class="note">No criteria are in scope.</p>');
  for (const [category, list] of groups) {
    const catId = anchorOf('cat', category);
    out.push(`<section class="category" aria-labelledby="${esc(catId)}">`);
    out.push(
      `<div class="cat-head"><h3 id="${esc(catId)}">${esc(category)}</h3><span class="counts">${countCovered(list)} of ${list.length} covered · ${esc(statusBreakdown(list))}</span></div>`,
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
  return out;
}
