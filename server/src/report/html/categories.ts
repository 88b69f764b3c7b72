import type { CriterionCoverage } from '../../core/coverage';

/** Criteria by category, categories in the order they first occur. */
export function groupByCategory(criteria: readonly CriterionCoverage[]): Map<string, CriterionCoverage[]> {
  const groups = new Map<string, CriterionCoverage[]>();
  for (const c of criteria) {
    const list = groups.get(c.category);
    if (list) list.push(c);
    else groups.set(c.category, [c]);
  }
  return groups;
}
