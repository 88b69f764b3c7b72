import { COVERAGE_STATUSES, COVERED_STATUSES, type Coverage } from '../../core/coverage';
import { plural } from '../../core/words';
import { STATUS_LABEL, type ReportMeta } from '../coverage';
import { esc } from './escape';
import { organizationOf } from './page';
import { chip, countByStatus, STATUS_ICON, STATUS_MEANING } from './status';

/** The page header: title, organization, date, the headline figure, the count per status and the legend. */
export function pageHeader(coverage: Coverage, meta: ReportMeta): string[] {
  const s = coverage.summary;
  const counts = countByStatus(coverage.criteria);
  const org = organizationOf(meta);
  const out = ['<header class="page">', '<h1>SOC 2 coverage report</h1>'];
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
  return out;
}
