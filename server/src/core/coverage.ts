import { claimantIds, claimantsOf, topicClaimantsOf, type ClaimSource } from './query/claimants';

export type { ClaimSource } from './query/claimants';
import { frameworkCoverage } from './frameworkCoverage';
import { coverageStatusOf as statusOf } from './query/status';
import type { RuleContext } from './rules/rule';
import { summarize, type Coverage, type CriterionCoverage, type TopicCoverage } from '../shared/coverage';

export { COVERAGE_STATUSES, COVERED_STATUSES, type Coverage, type CoverageStatus, type CriterionCoverage, type FrameworkCoverage, type FrameworkItemCoverage, type TopicCoverage } from '../shared/coverage';

/**
 * Coverage of every in-scope criterion, every ML topic when the ML addenda apply, and every
 * item of each framework turned on. Retired documents claim nothing.
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
  return {
    criteria,
    ml,
    summary: summarize(criteria),
    frameworks: ctx.frameworks.enabled.map((framework) => frameworkCoverage(framework, ctx, claims)),
  };
}
