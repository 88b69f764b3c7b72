import { TextEdit, type Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import { nearestNames } from '../../data/criteria';
import type { AttestDocument } from '../../document/model';
import { ID_PATTERN } from '../../document/schema';
import { ID_PREFIX, OWNER_PLACEHOLDER, createFileEdit, editsIn, eolOf, findingData, isWithin, joinPath, quickFix, slug, unusedPath, withEol, type FixContext, type FixProvider, type FixTarget } from '../../fixes/edits';
import { documentText, folderForType, sectionBlocks } from '../../fixes/newDocument';
import { placeholder } from '../../placeholders';

/** What a reference names: a policy, whether under `policy` (a control, a procedure) or `extends` (an addendum). */
const REFERENCED_TYPE = 'policy';

/** The id a reference diagnostic is about, while its range still holds it (the editor may hand back one from before an edit). */
function referencedId(diagnostic: LspDiagnostic, target: FixTarget): string | undefined {
  const name = findingData(diagnostic).name;
  if (!name || !target.doc || !isWithin(target.text, diagnostic.range)) return undefined;
  return target.text.getText(diagnostic.range) === name ? name : undefined;
}

/** Replaces a reference by each nearest id of a policy (`POL-HRX` → `POL-HR`); the only one is the preferred fix. */
export const replaceByNearestId: FixProvider = (diagnostic, target) => {
  const ref = referencedId(diagnostic, target);
  if (!ref || !target.doc) return [];
  const near = nearestIds(target.index, ref, REFERENCED_TYPE, target.doc);
  return near.map((id) => quickFix(`Change \`${ref}\` to \`${id}\``, editsIn(target.text.uri, [TextEdit.replace(diagnostic.range, id)]), [diagnostic], near.length === 1));
};

/**
 * Creates the policy a reference names, from the policy template: the id as written, a
 * placeholder for the rest (title, owner) and the required sections with their starting text.
 * Only where no document has the id (one of another type is not replaced).
 */
export const createReferencedDocument: FixProvider = (diagnostic, target) => {
  const ref = referencedId(diagnostic, target);
  if (!ref || !ID_PATTERN.test(ref) || target.index.documentsWithId(ref).length > 0) return [];
  const path = unusedPath(target.index, joinPath(folderForType(target.index, REFERENCED_TYPE), `${fileSlug(ref)}.md`));
  const text = withEol(referencedDocumentText(target.index, ref), eolOf(target.text));
  return [quickFix(`Create ${REFERENCED_TYPE} ${ref} (${path})`, createFileEdit(target.index.uriOf(path), text), [diagnostic])];
};

/** The text of a new policy with the id `id`, as New Document writes one, the title left to the author. */
export function referencedDocumentText(index: FixContext, id: string): string {
  const title = placeholder(`${REFERENCED_TYPE} title`);
  const frontmatter = [`id: ${id}`, `type: ${REFERENCED_TYPE}`, `title: ${title}`, `owner: ${OWNER_PLACEHOLDER}`, 'status: draft', 'review:', '  cycle: annual'];
  return documentText(frontmatter, title, sectionBlocks(index.config.sections[REFERENCED_TYPE]));
}

/** `POL-HR-ONBOARDING` → `hr-onboarding`: the id's words without its type's prefix. */
function fileSlug(id: string): string {
  const words = id.split('-');
  const rest = words.length > 1 && words[0] === ID_PREFIX[REFERENCED_TYPE] ? words.slice(1) : words;
  return slug(rest.join(' '), 8) || id.toLowerCase();
}

/**
 * The existing ids of `type` nearest to a reference that names none (`POL-HRX` → `POL-HR`):
 * the reference with a prefix it left out (`HR` → `POL-HR`); else a typo or two away (more
 * for longer ids), those with the reference's own prefix first.
 */
export function nearestIds(index: FixContext, ref: string, type: string, from: AttestDocument): string[] {
  const candidates = new Set<string>();
  for (const doc of index.documents) if (doc.type === type && doc.id && doc.uri !== from.uri && ID_PATTERN.test(doc.id.value)) candidates.add(doc.id.value);
  candidates.delete(ref);
  const all = [...candidates];
  const prefixed = all.filter((id) => id.endsWith(`-${ref}`));
  if (prefixed.length > 0) return prefixed.sort();
  const maxDistance = Math.max(1, Math.floor(ref.length / 4));
  const prefix = ref.split('-')[0];
  const samePrefix = nearestNames(ref, all.filter((id) => id.split('-')[0] === prefix), maxDistance);
  return (samePrefix.length > 0 ? samePrefix : nearestNames(ref, all, maxDistance)).sort();
}
