import { finding, type DocumentRule } from './rule';
import { frameworksNotEnabled } from './frameworkClaims/check';
import { enableFramework } from './frameworkClaims/fixes';

export const outOfScopeCriterion: DocumentRule = {
  code: 'out-of-scope-criterion',
  defaultSeverity: 'information',
  description: 'A criterion of a category that attest.yaml does not put in scope, or claims of a bundled framework it does not turn on.',
  fixes: [enableFramework],
  check(doc, ctx) {
    return doc.criteria.flatMap((c) => {
      const criterion = ctx.criteria.get(c.value);
      if (!criterion || ctx.config.categories.has(criterion.category)) return [];
      const name = ctx.criteria.categoryName(criterion.category);
      return [finding('out-of-scope-criterion', c.range,
        `${c.value} belongs to ${name}, which is not in scope: it does not count towards coverage. Add \`${criterion.category}\` to \`categories\` in attest.yaml if the audit includes it.`,
        { criterion: c.value })];
    }).concat(frameworksNotEnabled(doc, ctx));
  },
};
