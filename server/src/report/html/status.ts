import { COVERAGE_STATUSES, COVERED_STATUSES, type CoverageStatus } from '../../core/coverage';
import { STATUS_LABEL } from '../coverage';
import { esc } from './escape';

/** A glyph per status, so the status never depends on colour alone. */
export const STATUS_ICON: Readonly<Record<CoverageStatus, string>> = {
  uncovered: '✕',
  drafted: '◌',
  documented: '◐',
  controlled: '●',
  implemented: '✔',
  excepted: '⊘',
};

/** What each status means, for the legend. */
export const STATUS_MEANING: Readonly<Record<CoverageStatus, string>> = {
  uncovered: 'no document claims the criterion',
  drafted: 'claimed only by drafts, which do not count until approved',
  documented: 'claimed only by policies or procedures, not by a control',
  controlled: 'a control claims it',
  implemented: 'a control with status implemented and current evidence claims it',
  excepted: 'declared not applicable in attest.yaml, with a reason',
};

export function chip(status: CoverageStatus, text: string = STATUS_LABEL[status]): string {
  return `<span class="chip st-${status}"><span class="icon" aria-hidden="true">${STATUS_ICON[status]}</span> ${esc(text)}</span>`;
}

export function countByStatus(items: readonly { readonly status: CoverageStatus }[]): Record<CoverageStatus, number> {
  const counts = Object.fromEntries(COVERAGE_STATUSES.map((s) => [s, 0])) as Record<CoverageStatus, number>;
  for (const item of items) counts[item.status]++;
  return counts;
}

export function countCovered(items: readonly { readonly status: CoverageStatus }[]): number {
  return items.filter((item) => COVERED_STATUSES.has(item.status)).length;
}

/** The statuses that occur, with their counts: `2 controlled, 1 uncovered` (not escaped). */
export function statusBreakdown(items: readonly { readonly status: CoverageStatus }[]): string {
  const counts = countByStatus(items);
  return COVERAGE_STATUSES.filter((st) => counts[st] > 0)
    .map((st) => `${counts[st]} ${STATUS_LABEL[st]}`)
    .join(', ');
}
