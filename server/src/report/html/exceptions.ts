import type { CriterionCoverage } from '../../core/coverage';
import { plural } from '../../core/words';
import { anchorOf, esc } from './escape';

/** The criteria declared not applicable, each with its reason and a link to its row. */
export function exceptionsSection(criteria: readonly CriterionCoverage[]): string[] {
  const excepted = criteria.filter((c) => c.status === 'excepted');
  const out = ['<section aria-labelledby="exceptions-h">', '<h2 id="exceptions-h">Exceptions</h2>'];
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
  return out;
}
