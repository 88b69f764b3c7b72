import type { Finding } from '../../types';
import { finding, lowerFirst, sentence, type WorkspaceRule } from '../rule';
import { coverCriterion } from './fixes';

export const uncoveredCriterion: WorkspaceRule = {
  code: 'uncovered-criterion',
  defaultSeverity: 'information',
  description: 'An in-scope criterion that no document covers (reported on attest.yaml).',
  fixes: [coverCriterion],
  check(ctx, facts) {
    const found: Finding[] = [];
    for (const c of facts.coverage.criteria) {
      if (c.status !== 'uncovered') continue;
      const criterion = ctx.criteria.get(c.id);
      const range = (criterion && ctx.config.categoryRanges.get(criterion.category)) ?? ctx.config.anchorRange;
      found.push(finding('uncovered-criterion', range, `${c.id} (${c.category}) is in scope but no document covers it: ${sentence(lowerFirst(c.summary))} Write a control that claims it, or declare it not applicable under \`exceptions\` with a reason.`, { criterion: c.id }));
    }
    return found;
  },
};

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
