import { fieldsFor } from '../../document/schema';
import { finding, lineRange, type DocumentRule } from '../rule';
import { addMissingField } from './fixes';

/** How a comply document spells a field: its id is `acronym`, its title `name`, its type its folder. */
const COMPLY_SPELLING: Readonly<Record<string, string>> = { id: 'acronym', title: 'name' };

export const missingField: DocumentRule = {
  code: 'missing-field',
  defaultSeverity: 'error',
  description: 'A required frontmatter field is absent.',
  fixes: [addMissingField],
  check(doc) {
    if (!doc.hasFrontmatter || doc.syntaxProblems.length > 0) return [];
    const comply = doc.dialect === 'comply';
    // Reported on the opening `---` line (comply: the first line), where the field would go.
    const range = lineRange(doc, doc.frontmatterRange.start.line);
    if (!doc.type) {
      return [finding('missing-field', range, 'The frontmatter has no valid `type`: add `type:` with policy, control, procedure, narrative or addendum.', { name: 'type' })];
    }
    const type = doc.type;
    // The folder says the type (SPEC §10): `type` is required only where nothing else says it.
    const present = (key: string): boolean =>
      key === 'type' || (comply ? (key === 'id' ? !!doc.id : key === 'title' ? !!doc.title : doc.fields.has(key)) : doc.fields.has(key));
    return fieldsFor(type)
      .filter((spec) => spec.requiredFor?.includes(type) && !present(spec.key))
      .map((spec) => {
        const spelling = comply ? COMPLY_SPELLING[spec.key] : undefined;
        const message = `This ${type} has no \`${spelling ?? spec.key}\`: add it. ${spec.description}`;
        // comply has no owners or parent policies: asking for them is one of Attest's stricter rules there.
        const strict = spec.strict || (comply && !spelling);
        return { ...finding('missing-field', range, message, { name: spelling ?? spec.key }), ...(strict ? { strict: true } : {}) };
      });
  },
};
