import type { FrameworkException } from './config';
import { shortName } from './data/frameworkCatalog';
import type { Framework } from './data/criteria';
import { claimantIds, itemClaimantsOf, type ClaimSource } from './query/claimants';
import { coverageStatusOf } from './query/status';
import type { RuleContext } from './rules/rule';
import { summarize, type FrameworkCoverage, type FrameworkItemCoverage } from '../shared/coverage';

/**
 * Coverage of one framework beyond the TSC: every item, with the same five statuses as the
 * criteria, from explicit claims under `satisfies` only (SPEC §11) and the exceptions
 * attest.yaml gives for it.
 */
export function frameworkCoverage(framework: Framework, ctx: Pick<RuleContext, 'config' | 'today' | 'fileExists'>, claims: ClaimSource): FrameworkCoverage {
  const exceptions: ReadonlyMap<string, FrameworkException> = ctx.config.frameworkExceptions.get(framework.id) ?? new Map<string, FrameworkException>();
  const items = framework.criteria.map((item): FrameworkItemCoverage => {
    const claimants = itemClaimantsOf(claims, framework.id, item.id);
    const exception = exceptions.get(item.id);
    return {
      id: item.id,
      status: exception ? 'excepted' : coverageStatusOf(claimants, ctx),
      documents: claimantIds(claimants),
      ...(item.title ? { title: item.title } : {}),
      group: item.seriesName,
      summary: item.summary,
      ...(exception ? { reason: exception.reason } : {}),
    };
  });
  return { id: framework.id, name: shortName(framework), title: framework.title, items, summary: summarize(items) };
}
