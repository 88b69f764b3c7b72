import type { CoverageStatus } from '../../shared/coverage';
import type { AttestDocument } from '../document/model';
import type { RuleContext } from '../rules/rule';
import { isAdopted } from './claimants';
import { isImplemented } from './evidence';

/**
 * The status the claimants of a criterion, topic or framework item give it (exceptions
 * aside). Claimed is not done: only approved and implemented documents cover; drafts only draft.
 */
export function coverageStatusOf(claimants: readonly AttestDocument[], ctx: Pick<RuleContext, 'today' | 'fileExists' | 'config'>): CoverageStatus {
  const adopted = claimants.filter(isAdopted);
  if (adopted.some((d) => isImplemented(d, ctx))) return 'implemented';
  if (adopted.some((d) => d.type === 'control')) return 'controlled';
  if (adopted.length > 0) return 'documented';
  return claimants.length > 0 ? 'drafted' : 'uncovered';
}
