import { COVERAGE_STATUSES, type CoverageStatus, type FrameworkCoverage } from '../core/coverage';

/** The pieces of the coverage page a framework section is drawn with, so that it looks like the rest. */
export interface HtmlParts {
  esc(text: string): string;
  chip(status: CoverageStatus): string;
  /** The documents of an item, each linked to its file. */
  documents(ids: readonly string[]): string;
  anchor(prefix: string, id: string): string;
  label(status: CoverageStatus): string;
}

/**
 * One section per framework turned on besides the TSC (SPEC §11): its own percentage, then
 * a table per group (clause, function) with every item's status and documents, or the reason
 * it does not apply.
 */
export function frameworkSectionsHtml(frameworks: readonly FrameworkCoverage[], parts: HtmlParts): string {
  const { esc } = parts;
  const out: string[] = [];
  for (const f of frameworks) {
    const heading = parts.anchor('fw', f.id);
    const counts = COVERAGE_STATUSES.map((st) => [st, f.items.filter((i) => i.status === st).length] as const).filter(([, n]) => n > 0);
    out.push(`<section aria-labelledby="${esc(heading)}">`, `<h2 id="${esc(heading)}">${esc(f.name)}</h2>`);
    out.push(
      `<p class="note">${esc(f.title)}: <strong>${esc(String(f.summary.percent))}%</strong> covered, ${f.summary.covered} of ${f.summary.inScope} items controlled, implemented or excepted ` +
        `(${esc(counts.map(([st, n]) => `${n} ${parts.label(st)}`).join(', '))}). Only explicit claims under <code>satisfies: { ${esc(f.id)}: [...] }</code> count; this is not part of the percentage above.</p>`,
    );
    const groups = new Map<string, FrameworkCoverage['items'][number][]>();
    for (const item of f.items) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
    for (const [group, items] of groups) {
      const covered = items.filter((i) => i.status === 'controlled' || i.status === 'implemented' || i.status === 'excepted').length;
      out.push('<section class="category">', `<div class="cat-head"><h3>${esc(group)}</h3><span class="counts">${covered} of ${items.length} covered</span></div>`);
      out.push('<table>', `<caption class="vh">${esc(f.name)}: ${esc(group)}</caption>`);
      out.push('<colgroup><col class="c-id"><col class="c-status"><col class="c-summary"><col class="c-docs"></colgroup>');
      out.push('<thead><tr><th scope="col">Item</th><th scope="col">Status</th><th scope="col">Summary</th><th scope="col">Documents</th></tr></thead>', '<tbody>');
      for (const i of items) {
        const docs = i.status === 'excepted' ? `<span class="na">not applicable: ${esc(i.reason ?? '')}</span>` : parts.documents(i.documents);
        out.push(
          `<tr id="${esc(parts.anchor(`fw-${f.id}`, i.id))}" class="row-${i.status}">` +
            `<th scope="row" class="crit-id">${esc(i.id)}</th>` +
            `<td class="status">${parts.chip(i.status)}</td>` +
            `<td class="summary">${i.title ? `<strong>${esc(i.title)}.</strong> ` : ''}${esc(i.summary)}</td>` +
            `<td>${docs}</td>` +
            '</tr>',
        );
      }
      out.push('</tbody>', '</table>', '</section>');
    }
    out.push('</section>');
  }
  return out.join('\n');
}
