import type { CriterionCoverage } from '../../../shared/coverage';
import type { Finding, Range } from '../../types';
import { andList } from '../../words';
import { finding, lowerFirst, sentence, type WorkspaceRule } from '../rule';
import { coverCriterion } from './fixes';

export const uncoveredCriterion: WorkspaceRule = {
  code: 'uncovered-criterion',
  defaultSeverity: 'information',
  description: 'An in-scope criterion that no document covers (reported on attest.yaml).',
  fixes: [coverCriterion],
  check(ctx, facts) {
    const found: Finding[] = [];
    // A category attest.yaml names gets its gaps one by one, on its entry; the gaps of one it
    // does not name (Security, always in scope) would all stack on one line: said once there.
    const unnamed = new Map<string, CriterionCoverage[]>();
    for (const c of facts.coverage.criteria) {
      if (c.status !== 'uncovered') continue;
      const key = ctx.criteria.get(c.id)?.category ?? '';
      const own = ctx.config.categoryRanges.get(key);
      if (own) found.push(gap(c, own));
      else unnamed.set(c.category, [...(unnamed.get(c.category) ?? []), c]);
    }
    for (const [category, gaps] of unnamed) {
      const range = ctx.config.categoriesRange;
      if (gaps.length === 1) {
        found.push(gap(gaps[0], range));
        continue;
      }
      const ids = gaps.map((c) => c.id);
      found.push(finding('uncovered-criterion', range, `${gaps.length} ${category} criteria are in scope but no document covers them: ${andList(ids)}. Write controls that claim them (the Coverage view lists them), or declare them not applicable under \`exceptions\` with a reason.`, { criterion: ids[0], alternatives: ids.slice(1) }));
    }
    return found;
  },
};

function gap(c: CriterionCoverage, range: Range): Finding {
  return finding('uncovered-criterion', range, `${c.id} (${c.category}) is in scope but no document covers it: ${sentence(lowerFirst(c.summary))} Write a control that claims it, or declare it not applicable under \`exceptions\` with a reason.`, { criterion: c.id });
}

export const uncoveredMlTopic: WorkspaceRule = {
  code: 'uncovered-ml-topic',
  defaultSeverity: 'information',
  description: 'An ML topic that no document addresses while the ML addenda apply (reported on attest.yaml).',
  check(ctx, facts) {
    return facts.coverage.ml
      .filter((t) => t.status === 'uncovered')
      .map((t) => finding('uncovered-ml-topic', ctx.config.mlRange ?? ctx.config.anchorRange, `The ML topic "${t.title}" (\`${t.topic}\`) is addressed by no document: ${sentence(lowerFirst(ctx.catalog.get(t.topic)?.auditor ?? 'an auditor will ask how it is done'))} Add it to the \`ml\` list of a policy or addendum, with a section.`, { name: t.topic }));
  },
};
