import { nearestNewKeys } from '../../data/criteria';
import { APPROVAL_ALIASES, FIELDS, FIELD_BY_KEY, REVIEW_ALIASES, fieldsFor } from '../../document/schema';
import { moveIntoReview } from './moveIntoReview';
import { finding, pluralOf, withArticle, type DocumentRule } from '../rule';
import { replaceBySuggestion } from '../../fixes/replaceSuggestion';
import { unknownFrameworkKeys } from '../frameworkClaims/check';

export const unknownField: DocumentRule = {
  code: 'unknown-field',
  defaultSeverity: 'warning',
  description: 'A frontmatter field Attest does not know, or a `satisfies` key that names no framework (the nearest known one is suggested).',
  fixes: [replaceBySuggestion, moveIntoReview],
  safeFix: replaceBySuggestion,
  check(doc, ctx) {
    if (doc.syntaxProblems.length > 0) return [];
    // comply documents carry comply's own keys; converting them is a quick fix, not a warning.
    if (doc.dialect === 'comply') return unknownFrameworkKeys(doc, ctx);
    const allowed = fieldsFor(doc.type).map((f) => f.key);
    const found = [];
    const present = [...doc.fields.keys()];
    for (const field of doc.fields.values()) {
      // `x-` fields are extensions (compliance-trestle's `x-trestle-…`): never flagged.
      if (allowed.includes(field.key) || /^x-/i.test(field.key)) continue;
      const alias = aliasOf(field.key, present);
      if (alias) {
        found.push(finding('unknown-field', field.keyRange, alias.message, { ...(alias.rename ? { replacement: alias.rename } : {}), name: field.key }));
        continue;
      }
      const spec = FIELD_BY_KEY.get(field.key);
      if (spec?.types) {
        found.push(finding('unknown-field', field.keyRange, `\`${field.key}\` applies to ${spec.types.map(pluralOf).join(' and ')} only, not to ${withArticle(doc.type ?? 'document of unknown type')}: remove it.`, { name: field.key }));
        continue;
      }
      const near = nearestNewKeys(field.key.toLowerCase(), allowed, Math.max(2, Math.floor(field.key.length / 3)), present)[0]
        ?? nearestNewKeys(field.key.toLowerCase(), FIELDS.map((f) => f.key), 2, present)[0];
      const message = near
        ? `Unknown field \`${field.key}\`: did you mean \`${near}\`?`
        : `Unknown field \`${field.key}\`: ${withArticle(doc.type ?? 'document')} takes ${allowed.map((k) => `\`${k}\``).join(', ')}.`;
      found.push(finding('unknown-field', field.keyRange, message, near ? { replacement: near, name: field.key } : { name: field.key }));
    }
    return found.concat(unknownFrameworkKeys(doc, ctx));
  },
};

/** What another tool's name for a known field means in Attest (SPEC §10), with the rename when it is one. */
function aliasOf(key: string, present: readonly string[]): { message: string; rename?: string } | undefined {
  const lower = key.toLowerCase();
  const spec = FIELDS.find((f) => f.aliases?.includes(lower));
  if (spec) {
    const taken = present.includes(spec.key);
    return {
      message: taken ? `\`${key}\` is what Attest calls \`${spec.key}\`, which this document already has: keep one of them.` : `\`${key}\` is what Attest calls \`${spec.key}\`: rename it.`,
      ...(taken ? {} : { rename: spec.key }),
    };
  }
  const approval = APPROVAL_ALIASES[lower];
  if (approval) return { message: `\`${key}\` is \`approval.${approval}\` in Attest: write \`approval: { by: <role>, on: YYYY-MM-DD }\` (a role, not a person), so that approvals are checked.` };
  const review = REVIEW_ALIASES[lower];
  if (review === 'next') return { message: `Attest works \`${key}\` out from \`review\`: write \`review: { cycle: annual, last: YYYY-MM-DD }\` (the date of the last review) instead.` };
  if (review) return { message: `\`${key}\` is \`review.${review}\` in Attest: move it into \`review: { cycle: …, last: YYYY-MM-DD }\`, so that stale reviews are caught.` };
  return undefined;
}
