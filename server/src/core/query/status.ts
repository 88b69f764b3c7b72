import type { CoverageStatus } from '../../shared/coverage';
import type { AttestDocument } from '../document/model';
import type { RuleContext } from '../rules/rule';
import { isImplemented } from './evidence';

/** The status the claimants of a criterion, topic or framework item give it (exceptions aside). */
export function coverageStatusOf(claimants: readonly AttestDocument[], ctx: Pick<RuleContext, 'today' | 'fileExists'>): CoverageStatus {
  if (claimants.some((d) => isImplemented(d, ctx))) return 'implemented';
  if (claimants.some((d) => d.type === 'control')) return 'controlled';
  return claimants.length > 0 ? 'documented' : 'uncovered';
}
