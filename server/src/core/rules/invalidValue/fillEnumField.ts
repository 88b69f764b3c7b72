import { isScalar } from 'yaml';
import { FIELD_BY_KEY } from '../../document/schema';
import { editsIn, findingData, quickFix, setField, type FixProvider } from '../../fixes/edits';

/**
 * An enum field left empty (`type:`, `status:`) or with a value nothing valid is near: one
 * fix per valid value, the value the document has by default preferred (the folder's type,
 * `draft` for a status).
 */
export const fillEnumField: FixProvider = (diagnostic, target) => {
  const { doc } = target;
  const name = findingData(diagnostic).name;
  const spec = name ? FIELD_BY_KEY.get(name) : undefined;
  const field = name ? doc?.fields.get(name) : undefined;
  if (!doc || !name || !field || spec?.kind !== 'enum' || !spec.values) return [];
  const written = isScalar(field.node) && field.node.value !== null ? String(field.node.value) : '';
  // Valid by now: the diagnostic predates an edit.
  if (spec.values.includes(written)) return [];
  const preferred = name === 'type' ? doc.type : name === 'status' ? 'draft' : undefined;
  return spec.values.map((value) => quickFix(`Set \`${name}: ${value}\``, editsIn(doc.uri, [setField(doc, name, value)]), [diagnostic], value === preferred));
};
