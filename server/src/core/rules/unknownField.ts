import { nearestNewKeys } from '../data/criteria';
import { FIELDS, FIELD_BY_KEY, fieldsFor } from '../document/schema';
import { finding, pluralOf, withArticle, type DocumentRule } from './rule';
import { replaceBySuggestion } from '../fixes/replaceSuggestion';
import { unknownFrameworkKeys } from './frameworkClaims/check';

export const unknownField: DocumentRule = {
  code: 'unknown-field',
  defaultSeverity: 'warning',
  description: 'A frontmatter field Attest does not know, or a `satisfies` key that names no framework (the nearest known one is suggested).',
  fixes: [replaceBySuggestion],
  check(doc, ctx) {
    if (doc.syntaxProblems.length > 0) return [];
    // comply documents carry comply's own keys; converting them is a quick fix, not a warning.
    if (doc.dialect === 'comply') return unknownFrameworkKeys(doc, ctx);
    const allowed = fieldsFor(doc.type).map((f) => f.key);
    const found = [];
    const present = [...doc.fields.keys()];
    for (const field of doc.fields.values()) {
      if (allowed.includes(field.key)) continue;
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
