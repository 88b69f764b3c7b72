import { isScalar } from 'yaml';
import { nearestNames } from '../data/criteria';
import { DOCUMENT_TYPES, isOneOf, type DocumentType } from '../types';
import type { Field } from './frontmatter';

export interface Classification {
  /** The file lies in a configured document folder. */
  readonly inDocumentFolder: boolean;
  /** Type implied by the nearest folder named after a type (`controls/` → control). */
  readonly folderType?: DocumentType;
}

const FOLDER_TYPES: Readonly<Record<string, DocumentType>> = {
  policies: 'policy',
  controls: 'control',
  procedures: 'procedure',
  narratives: 'narrative',
  addenda: 'addendum',
};

/** Whether a workspace-relative path can be a document at all, and what its folders say. */
export function classifyPath(relPath: string, documentFolders: readonly string[]): Classification | undefined {
  const segments = relPath.split('/');
  const base = segments[segments.length - 1];
  if (!/\.md$/i.test(base) || base.toLowerCase() === 'readme.md') return undefined;
  const folders = segments.slice(0, -1);
  const inDocumentFolder = documentFolders.some((folder) => {
    const f = folder.replace(/^\.\//, '').replace(/\/+$/, '');
    return f === '' || f === '.' || relPath.startsWith(f + '/');
  });
  let folderType: DocumentType | undefined;
  for (let i = folders.length - 1; i >= 0 && !folderType; i--) folderType = FOLDER_TYPES[folders[i].toLowerCase()];
  return { inDocumentFolder, folderType };
}

/**
 * Whether frontmatter outside the document folders makes a file a document: its `type` is
 * one of ours, or so near one (`Policy`, `polcy`) beside an `id` or `criteria` field that the
 * author clearly meant it, and is better told of the typo than silently ignored. Other
 * Markdown (a site generator's `type: page`) stays no document.
 */
export function meantAsDocument(fields: readonly Field[]): boolean {
  const type = fields.find((f) => f.key === 'type');
  if (!type || !isScalar(type.value) || typeof type.value.value !== 'string') return false;
  if (isOneOf(DOCUMENT_TYPES, type.value.value)) return true;
  const attestLike = fields.some((f) => f.key === 'id' || f.key === 'criteria');
  return attestLike && nearestNames(type.value.value.toLowerCase(), DOCUMENT_TYPES, 2).length > 0;
}
