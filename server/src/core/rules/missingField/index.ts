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
    const missing = fieldsFor(type)
      .filter((spec) => spec.requiredFor?.includes(type) && !present(spec.key))
      .map((spec) => {
        const spelling = comply ? COMPLY_SPELLING[spec.key] : undefined;
        const message = `This ${type} has no \`${spelling ?? spec.key}\`: add it. ${spec.description}`;
        // comply has no owners or parent policies: asking for them is one of Attest's stricter rules there.
        const strict = spec.strict || (comply && !spelling);
        return { ...finding('missing-field', range, message, { name: spelling ?? spec.key }), ...(strict ? { strict: true } : {}) };
      });
    // Not required by the format, but a control that claims nothing covers nothing, and a
    // misspelt `criteria` key would otherwise leave it silently so.
    if (type === 'control' && !comply && doc.criteria.length === 0 && doc.criteriaSpellings.length === 0) {
      const at = doc.fields.get('criteria')?.valueRange ?? range;
      missing.push(finding('missing-field', at, 'This control claims no criterion, so it covers nothing: list the criteria it meets in `criteria`, e.g. `criteria: [CC6.1]`.', doc.fields.has('criteria') ? undefined : { name: 'criteria' }));
    }
    return missing;
  },
};
