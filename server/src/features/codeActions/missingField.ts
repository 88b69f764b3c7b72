import { isScalar } from 'yaml';
import { TextEdit, type CodeAction } from 'vscode-languageserver-types';
import type { AttestDocument, DocumentField } from '../../core/document/model';
import { FIELD_BY_KEY } from '../../core/document/schema';
import { DOCUMENT_TYPES, type DocumentType } from '../../core/types';
import {
  ID_PREFIX,
  OWNER_PLACEHOLDER,
  editsIn,
  endOfLine,
  eolOf,
  findingData,
  idWords,
  policyFor,
  quickFix,
  unusedId,
  yamlScalar,
  type FixProvider,
  type FixTarget,
} from './edits';

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
  if (existing && !isEmpty(doc, existing) && (name !== 'type' || doc.type)) return [];
  const add = (value: string, title = `Add \`${name}: ${value}\``, preferred = true): CodeAction =>
    quickFix(title, editsIn(doc.uri, [setField(doc, name, value)]), [diagnostic], preferred);
  if (name === 'type') {
    if (doc.type) return [add(doc.type)];
    return DOCUMENT_TYPES.map((type) => add(type, `Add \`type: ${type}\``, false));
  }
  const value = placeholder(name, doc, target);
  return value === undefined ? [] : [add(value)];
};

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

function isEmpty(doc: AttestDocument, field: DocumentField): boolean {
  return doc.text.getText(field.valueRange).trim() === '';
}

/** Sets a top-level field: its value replaced when it is there, else a line added before the closing `---`. */
function setField(doc: AttestDocument, name: string, value: string): TextEdit {
  const existing = doc.fields.get(name);
  if (!existing) return TextEdit.insert({ line: doc.frontmatterEndLine, character: 0 }, `${name}: ${value}${eolOf(doc.text)}`);
  // An empty value (`type:`) has an empty range right after the colon: rewrite from the key.
  if (isEmpty(doc, existing)) return TextEdit.replace({ start: existing.keyRange.end, end: endOfLine(doc.text, existing.keyRange.end.line) }, `: ${value}`);
  return TextEdit.replace(existing.valueRange, value);
}

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
