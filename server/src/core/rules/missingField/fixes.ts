import type { CodeAction } from 'vscode-languageserver-types';
import type { AttestDocument } from '../../document/model';
import { DOCUMENT_TYPES, type DocumentType } from '../../types';
import {
  ID_PREFIX,
  OWNER_PLACEHOLDER,
  CRITERION_PLACEHOLDER,
  editsIn,
  findingData,
  isEmptyValue,
  idWords,
  policyFor,
  quickFix,
  setField,
  unusedId,
  yamlScalar,
  type FixProvider,
  type FixTarget,
} from '../../fixes/edits';

/**
 * Adds a missing frontmatter field with a value that is valid as it stands, so that the
 * document checks clean at once and the author only refines it.
 */
export const addMissingField: FixProvider = (diagnostic, target) => {
  const { doc } = target;
  const name = findingData(diagnostic).name;
  if (!doc || !name || !doc.hasFrontmatter) return [];
  const existing = doc.fields.get(name);
  // Written since the diagnostic was made: adding it again would make a duplicate key. (A
  // `type` whose value is unusable is still missing, and its value is replaced.)
  if (existing && !isEmptyValue(doc, existing) && (name !== 'type' || doc.type)) return [];
  const add = (value: string, title = `Add \`${name}: ${value}\``, preferred = true): CodeAction =>
    quickFix(title, editsIn(doc.uri, [setField(doc, name, value)]), [diagnostic], preferred);
  if (name === 'type') {
    if (doc.type) return [add(doc.type)];
    return DOCUMENT_TYPES.map((type) => add(type, `Add \`type: ${type}\``, false));
  }
  const value = placeholder(name, doc, target);
  return value === undefined ? [] : [add(value)];
};

function placeholder(name: string, doc: AttestDocument, target: FixTarget): string | undefined {
  switch (name) {
    case 'id':
      return unusedId(target.index, idFor(doc));
    case 'acronym':
      return unusedId(target.index, idWords(baseName(doc.relPath)));
    case 'title':
    case 'name':
      return yamlScalar(titleOf(doc));
    case 'owner':
      return OWNER_PLACEHOLDER;
    case 'criteria':
      return `[${CRITERION_PLACEHOLDER}]`;
    case 'policy':
    case 'extends':
      // Without any policy there is nothing a reference could name.
      return policyFor(target.index, doc.criteria.map((c) => c.value), doc.uri)?.id?.value;
    default:
      return undefined;
  }
}

function baseName(relPath: string): string {
  return relPath.split('/').pop()?.replace(/\.md$/i, '') ?? relPath;
}

/** `controls/ac-01.md` → `CTL-AC-01`. */
export function idFor(doc: Pick<AttestDocument, 'relPath'> & { type?: DocumentType }): string {
  const words = idWords(baseName(doc.relPath));
  const prefix = doc.type ? ID_PREFIX[doc.type] : undefined;
  if (!prefix) return words;
  return words.startsWith(prefix + '-') ? words : `${prefix}-${words}`;
}

/** The document's own heading when it has one, else its file name in words. */
export function titleOf(doc: AttestDocument): string {
  const heading = doc.headings.find((h) => h.depth === 1)?.text;
  if (heading) return heading;
  const words = baseName(doc.relPath).replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
