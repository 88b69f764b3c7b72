import { isPlaceholder } from '../placeholders';
import { finding, orList, type DocumentRule } from './rule';
import { replaceBySuggestion } from '../fixes/replaceSuggestion';
import { unknownFrameworkItems } from './frameworkClaims/check';
import { moveToFramework } from './frameworkClaims/fixes';

export const unknownCriterion: DocumentRule = {
  code: 'unknown-criterion',
  defaultSeverity: 'error',
  description: 'A criterion id that is not in the criteria map, or an id under `satisfies` that its framework does not have (the nearest real id is suggested).',
  fixes: [replaceBySuggestion, moveToFramework],
  safeFix: replaceBySuggestion,
  check(doc, ctx) {
    return doc.criteria
      .filter((c) => !ctx.criteria.get(c.value) && !isPlaceholder(c.value))
      .map((c) => {
        const series = [...ctx.criteria.all].filter((k) => k.series === c.value.toUpperCase());
        if (series.length > 0) {
          return finding('unknown-criterion', c.range, `\`${c.value}\` is a series (${series[0].seriesName}), not a criterion: list the criteria of it the document addresses, such as \`${series[0].id}\`.`, { criterion: c.value });
        }
        const near = ctx.criteria.nearest(c.value);
        const message = near.length
          ? `\`${c.value}\` is not a Trust Services Criterion: did you mean ${orList(near)}?`
          : `\`${c.value}\` is not a Trust Services Criterion: use an id such as \`CC6.1\` (hover a criterion or complete \`CC\` to see them).`;
        return finding('unknown-criterion', c.range, message, near.length ? { replacement: near[0], alternatives: near.slice(1), criterion: c.value } : { criterion: c.value });
      })
      .concat(unknownFrameworkItems(doc, ctx));
  },
};
