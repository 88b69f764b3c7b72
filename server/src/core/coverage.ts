import type { AttestDocument } from './document/model';
import { claimantIds, claimantsOf, isAdopted, topicClaimantsOf, type ClaimSource } from './query/claimants';

export type { ClaimSource } from './query/claimants';
import { isImplemented } from './query/evidence';
import type { RuleContext } from './rules/rule';
import { COVERED_STATUSES, type Coverage, type CoverageStatus, type CriterionCoverage, type TopicCoverage } from '../shared/coverage';

export { COVERAGE_STATUSES, COVERED_STATUSES, type Coverage, type CoverageStatus, type CriterionCoverage, type TopicCoverage } from '../shared/coverage';

/** Claimed is not done: only approved and implemented documents cover; drafts only draft. */
function statusOf(claimants: readonly AttestDocument[], ctx: Pick<RuleContext, 'today' | 'fileExists' | 'config'>): CoverageStatus {
  const adopted = claimants.filter(isAdopted);
  if (adopted.some((d) => isImplemented(d, ctx))) return 'implemented';
  if (adopted.some((d) => d.type === 'control')) return 'controlled';
  if (adopted.length > 0) return 'documented';
  return claimants.length > 0 ? 'drafted' : 'uncovered';
}

/**
 * Coverage of every in-scope criterion and, when the ML addenda apply, every ML topic.
 * Retired documents claim nothing.
 */
export function computeCoverage(ctx: RuleContext, claims: ClaimSource): Coverage {
  const criteria: CriterionCoverage[] = [];
  for (const criterion of ctx.criteria.all) {
    if (!ctx.config.categories.has(criterion.category)) continue;
    const claimants = claimantsOf(claims, criterion.id);
    const exception = ctx.config.exceptions.get(criterion.id);
    criteria.push({
      id: criterion.id,
      category: ctx.criteria.categoryName(criterion.category),
      status: exception ? 'excepted' : statusOf(claimants, ctx),
      documents: claimantIds(claimants),
      summary: criterion.summary,
      ...(exception ? { reason: exception.reason } : {}),
    });
  }
  const ml: TopicCoverage[] = !ctx.mlActive
    ? []
    : ctx.catalog.topics.map((topic) => {
        const claimants = topicClaimantsOf(claims, topic.id);
        return { topic: topic.id, title: topic.title, status: statusOf(claimants, ctx), documents: claimantIds(claimants) };
      });
  const covered = criteria.filter((c) => COVERED_STATUSES.has(c.status)).length;
  const drafted = criteria.filter((c) => c.status === 'drafted').length;
  return {
    criteria,
    ml,
    summary: { inScope: criteria.length, covered, percent: criteria.length ? Math.round((covered / criteria.length) * 1000) / 10 : 100, drafted },
  };
}
