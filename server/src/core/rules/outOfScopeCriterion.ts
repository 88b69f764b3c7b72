import type { Criterion } from '../data/criteria';
import type { Located } from '../types';
import { andList } from '../words';
import { finding, type DocumentRule } from './rule';
import { frameworksNotEnabled } from './frameworkClaims/check';
import { enableFramework } from './frameworkClaims/fixes';

/**
 * Criteria of categories attest.yaml leaves out of scope: told once per document and
 * category, on the first such entry, naming them all (a privacy policy claims eighteen).
 */
export const outOfScopeCriterion: DocumentRule = {
  code: 'out-of-scope-criterion',
  defaultSeverity: 'information',
  description: 'Criteria of a category that attest.yaml does not put in scope (once per document and category), or claims of a bundled framework it does not turn on (once per framework).',
  fixes: [enableFramework],
  check(doc, ctx) {
    const byCategory = new Map<string, { first: Located<string>; ids: string[]; criterion: Criterion }>();
    for (const c of doc.criteria) {
      const criterion = ctx.criteria.get(c.value);
      if (!criterion || ctx.config.categories.has(criterion.category)) continue;
      const group = byCategory.get(criterion.category);
      if (!group) byCategory.set(criterion.category, { first: c, ids: [c.value], criterion });
      else if (!group.ids.includes(c.value)) group.ids.push(c.value);
    }
    return [...byCategory.values()].map(({ first, ids, criterion }) => {
      const name = ctx.criteria.categoryName(criterion.category);
      const which = ids.length === 1 ? `${ids[0]} belongs` : `${andList(ids)} belong`;
      return finding('out-of-scope-criterion', first.range,
        `${which} to ${name}, which is not in scope: ${ids.length === 1 ? 'it does' : 'they do'} not count towards coverage. Add \`${criterion.category}\` to \`categories\` in attest.yaml if the audit includes it.`,
        { criterion: ids[0] });
    }).concat(frameworksNotEnabled(doc, ctx));
  },
};
