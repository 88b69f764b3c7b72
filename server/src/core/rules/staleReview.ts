import { isMap, isScalar } from 'yaml';
import { rangeOfNode } from '../document/model';
import { daysBetween, isIsoDate } from '../document/schema';
import { finding, type DocumentRule } from './rule';

/** How many days each review cycle allows. */
export const CYCLE_DAYS: Readonly<Record<string, number>> = { monthly: 31, quarterly: 92, semiannual: 183, annual: 366 };

export const staleReview: DocumentRule = {
  code: 'stale-review',
  defaultSeverity: 'warning',
  description: '`review.last` is older than the review cycle allows.',
  strict: true,
  check(doc, ctx) {
    const review = doc.fields.get('review');
    if (!review || !isMap(review.node)) return [];
    const get = (key: string) => (review.node && isMap(review.node) ? review.node.items.find((p) => isScalar(p.key) && p.key.value === key)?.value : undefined);
    const cycle = get('cycle');
    const last = get('last');
    if (!isScalar(cycle) || !isScalar(last) || !last.range) return [];
    const cycleName = String(cycle.value);
    const date = String(last.value);
    const allowed = CYCLE_DAYS[cycleName];
    if (!allowed || !isIsoDate(date)) return [];
    const age = daysBetween(date, ctx.today);
    if (age <= allowed) return [];
    const range = rangeOfNode(doc, last);
    return [finding('stale-review', range, `Last reviewed ${date}, ${age} days ago: a ${cycleName} review was due by ${addDays(date, allowed)}. Review the document and update \`review.last\`.`)];
  },
};

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
}
