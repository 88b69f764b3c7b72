import picomatch from 'picomatch';
import { isScalar } from 'yaml';
import { nearestNames } from '../data/criteria';
import { DOCUMENT_TYPES, isOneOf, type DocumentType } from '../types';
import type { Field } from './frontmatter';

export interface Classification {
  /** The file lies in a configured document folder. */
  readonly inDocumentFolder: boolean;
  /** Type implied by the nearest folder named after a type (`controls/` → control). */
  readonly folderType?: DocumentType;
  /**
   * The file lies in a subfolder of a document folder (`policies/Incident Response/runbook.md`):
   * without frontmatter it is an attachment of the documents there, not a document itself.
   */
  readonly nested?: true;
}

const FOLDER_TYPES: Readonly<Record<string, DocumentType>> = {
  policies: 'policy',
  controls: 'control',
  procedures: 'procedure',
  narratives: 'narrative',
  addenda: 'addendum',
};

/**
 * Whether a path lies in one of the document folders (SPEC §10). A plain folder name is
 * found at any depth (`policies` matches `templates/policies/`), a path of folders too
 * (`compliance/controls`); one written from the root (`./policies`, `/policies`) only there;
 * a glob (`*-controls`, `docs/{hr,it}/policies`) is matched against the folders of the path.
 */
function folderMatcher(folders: readonly string[]): (dir: string) => boolean {
  const tests = folders.map((folder): ((dir: string) => boolean) => {
    const anchored = /^\.?\//.test(folder);
    const f = folder.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    if (f === '' || f === '.') return () => true;
    if (picomatch.scan(f).isGlob) return picomatch(anchored ? f : `{${f},**/${f}}`, { nocase: false, dot: false });
    return anchored ? (dir) => dir === f : (dir) => `/${dir}`.endsWith(`/${f}`);
  });
  // Whether `dir` is itself a document folder (not only below one).
  return (dir) => tests.some((test) => test(dir));
}

const MATCHERS = new WeakMap<readonly string[], (dir: string) => boolean>();

/** The type a folder's name says: `policies/`, and names that end in it (`access_control_policies/`, `hr-policies/`). */
function typeOfFolder(name: string): DocumentType | undefined {
  const lower = name.toLowerCase();
  const exact = FOLDER_TYPES[lower];
  if (exact) return exact;
  const suffix = /[_\- ]([a-z]+)$/.exec(lower)?.[1];
  return suffix ? FOLDER_TYPES[suffix] : undefined;
}

/** Whether a workspace-relative path can be a document at all, and what its folders say. */
export function classifyPath(relPath: string, documentFolders: readonly string[]): Classification | undefined {
  const segments = relPath.split('/');
  const base = segments[segments.length - 1];
  if (!/\.md$/i.test(base) || base.toLowerCase() === 'readme.md') return undefined;
  const folders = segments.slice(0, -1);
  const inFolder = MATCHERS.get(documentFolders) ?? folderMatcher(documentFolders);
  MATCHERS.set(documentFolders, inFolder);
  // The folders the file lies in, deepest first: the first that is a document folder says where it is.
  const prefixes = folders.map((_, i) => folders.slice(0, folders.length - i).join('/'));
  const depth = prefixes.findIndex((dir) => inFolder(dir));
  const atRoot = documentFolders.some((f) => /^\.?\/*\.?$/.test(f));
  const inDocumentFolder = depth >= 0 || atRoot;
  let folderType: DocumentType | undefined;
  for (let i = folders.length - 1; i >= 0 && !folderType; i--) folderType = typeOfFolder(folders[i]);
  return { inDocumentFolder, folderType, ...(depth > 0 ? { nested: true } : {}) };
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
