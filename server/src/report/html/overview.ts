import type { CriterionCoverage } from '../../core/coverage';
import { STATUS_LABEL } from '../coverage';
import { anchorOf, esc } from './escape';
import { countCovered, STATUS_ICON } from './status';

/** Criteria at a glance: every criterion as a tile linking to its row, per category; nothing when no criterion is in scope. */
export function criteriaOverview(groups: ReadonlyMap<string, readonly CriterionCoverage[]>): string[] {
  if (groups.size === 0) return [];
  const out = ['<section aria-labelledby="overview-h">', '<h2 id="overview-h">Criteria at a glance</h2>', '<div class="card overview">'];
  for (const [category, list] of groups) {
    out.push(`<h3>${esc(category)}<small>${countCovered(list)} of ${list.length} covered</small></h3>`);
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
  return out;
}
