import { isMap, isScalar } from 'yaml';
import { rangeOfNode, type AttestDocument } from '../document/model';
import type { Finding } from '../types';
import { daysBetween, isIsoDate } from '../document/schema';
import { finding, withArticle, type DocumentRule } from './rule';
import { valueOf } from '../yamlMap';

/** How many calendar months each review cycle allows. */
export const CYCLE_MONTHS: Readonly<Record<string, number>> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };

export const staleReview: DocumentRule = {
  code: 'stale-review',
  defaultSeverity: 'warning',
  description: '`review.last` is older than the review cycle allows.',
  strict: true,
  check(doc, ctx) {
    const review = doc.fields.get('review');
    if (!review && doc.revisions.length > 0) return staleRevisions(doc.revisions, ctx.today);
    if (!review || !isMap(review.node)) return [];
    const get = (key: string) => valueOf(review.node, key);
    const cycle = get('cycle');
    const last = get('last');
    if (!isScalar(cycle) || !isScalar(last) || !last.range) return [];
    const cycleName = String(cycle.value).toLowerCase();
    const date = String(last.value);
    const months = CYCLE_MONTHS[cycleName];
    if (!months || !isIsoDate(date)) return [];
    // Due on the same day of the month a cycle later: reviewed 2024-06-01, an annual review
    // is due by 2025-06-01 and is late from 2025-06-02.
    const due = reviewDueDate(date, months);
    if (ctx.today <= due) return [];
    const range = rangeOfNode(doc, last);
    return [finding('stale-review', range, `Last reviewed ${date}, ${daysBetween(date, ctx.today)} days ago: ${withArticle(cycleName)} review was due by ${due}. Review the document and update \`review.last\`.`)];
  },
};

/** The date `months` calendar months after `date` (YYYY-MM-DD), on the month's last day where it is shorter. */
export function reviewDueDate(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * comply's `majorRevisions` are a document's review history (SPEC §10): the newest one is its
 * last review, and a policy is reviewed at least once a year.
 */
function staleRevisions(revisions: AttestDocument['revisions'], today: string): Finding[] {
  const newest = revisions.reduce((a, b) => (b.value > a.value ? b : a));
  const due = reviewDueDate(newest.value, CYCLE_MONTHS.annual);
  if (today <= due) return [];
  return [finding('stale-review', newest.range, `Last revised ${newest.value}, ${daysBetween(newest.value, today)} days ago: an annual review was due by ${due}. Review the document and add the review to \`majorRevisions\`.`)];
}
