import type { AttestDocument } from '../../document/model';
import { linkTarget } from '../../document/paths';
import { ID_PATTERN } from '../../document/schema';
import type { Finding, Range } from '../../types';
import { finding, withArticle, type DocumentRule } from '../rule';
import { createReferencedDocument, replaceByNearestId } from './fixes';

const CODE = 'unresolved-reference';

/** The keys that name another document, and the type that document must have. */
export const REFERENCE_KEYS = [
  ['policy', 'policy'],
  ['extends', 'policy'],
] as const;

export type ReferenceKey = (typeof REFERENCE_KEYS)[number][0];

/**
 * A reference to a missing document. Its fixes find the nearest existing ids when asked,
 * not here: the check runs on every document, and a search of the workspace per broken
 * reference would cost the whole workspace once per document.
 */
export const unresolvedReference: DocumentRule = {
  code: CODE,
  defaultSeverity: 'error',
  description: '`policy`, `extends` or a link names a document that does not exist (the nearest id is offered, or the document created).',
  fixes: [replaceByNearestId, createReferencedDocument],
  check(doc, ctx) {
    const found: Finding[] = [];
    for (const [key, expected] of REFERENCE_KEYS) {
      const ref = doc[key];
      if (!ref || !ID_PATTERN.test(ref.value) || !doc.fields.has(key)) continue;
      const targets = ctx.documentsWithId(ref.value);
      if (targets.length === 0) {
        found.push(finding(CODE, ref.range, `No document has the id \`${ref.value}\`: \`${key}\` must name an existing ${expected} (check the spelling, or create it).`, { name: ref.value }));
      } else if (!targets.some((t) => t.type === expected)) {
        found.push(finding(CODE, ref.range, `\`${ref.value}\` is ${withArticle(targets[0].type ?? 'document')}, not ${withArticle(expected)}: \`${key}\` must name ${withArticle(expected)}.`, { name: ref.value }));
      }
    }
    for (const link of doc.links) {
      const target = linkTarget(doc.relPath, link.url);
      if (target === undefined) continue;
      if (target === null || !ctx.fileExists(target)) {
        found.push(finding(CODE, link.range, `The link target \`${link.url}\` does not exist${target ? ` (looked for ${target})` : ''}: fix the path or create the document.`));
      }
    }
    return found;
  },
};

/**
 * The message of a reference to an id no document of this folder has, but a document of
 * another workspace folder does: each folder is a workspace of its own, checked apart.
 */
export function definedInOtherFolderMessage(ref: string, key: ReferenceKey, folders: readonly string[]): string {
  const where = folders.length === 1 ? `folder '${folders[0]}', which is checked separately` : `folders ${folders.map((f) => `'${f}'`).join(', ')}, which are checked separately`;
  return `\`${ref}\` is defined in ${where}: \`${key}\` must name a policy in this folder (copy it here, or open the folders as one).`;
}

/** The reference key of `doc` whose value a finding's range is on, if any. */
export function referenceKeyAt(doc: AttestDocument, range: Range): ReferenceKey | undefined {
  const same = (a: Range, b: Range) => a.start.line === b.start.line && a.start.character === b.start.character;
  return REFERENCE_KEYS.map(([key]) => key).find((key) => {
    const ref = doc[key];
    return ref !== undefined && same(ref.range, range);
  });
}
