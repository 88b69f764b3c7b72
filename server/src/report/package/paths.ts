import { posix } from 'path';

/** Where each part of the package lies, relative to its root folder. */
export const INDEX_PAGE = 'index.html';
export const STYLESHEET = 'style.css';
export const EVIDENCE_PAGE = 'evidence.html';
export const BOOK_PAGE = 'documents.html';
const DOCUMENTS_FOLDER = 'documents';
const FILES_FOLDER = 'files';

export function soaPage(framework: string): string {
  return `soa-${framework.replace(/[^A-Za-z0-9_-]+/g, '-')}.html`;
}

/** A document's page: its workspace path under `documents/`, `.html` for `.md` (`documents/controls/ac-01.html`). */
export function documentPage(relPath: string): string {
  return `${DOCUMENTS_FOLDER}/${relPath.replace(/\.md$/i, '')}.html`;
}

/** Where a linked workspace file is copied to: its workspace path under `files/`, so that nothing collides with a page. */
export function copiedFile(relPath: string): string {
  return `${FILES_FOLDER}/${relPath}`;
}

/**
 * A relative URL from the page at `fromPage` to the package path `to`, each segment
 * percent-encoded (`../../index.html#crit-CC6-1`); just the fragment when both are one page.
 */
export function hrefFrom(fromPage: string, to: string, fragment?: string): string {
  const hash = fragment === undefined ? '' : `#${encodeURIComponent(fragment)}`;
  if (to === fromPage && hash) return hash;
  const relative = posix.relative(posix.dirname(fromPage), to);
  return relative.split('/').map(encodeURIComponent).join('/') + hash;
}

/**
 * A heading's id as GitHub makes it, so that links written for GitHub (`x.md#evidence`) keep
 * working: lower case, punctuation dropped, spaces to hyphens.
 */
export function slugOf(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/**
 * A workspace-relative path for a relative URL written in the document at `fromRelPath`;
 * undefined for one that leaves the workspace or is not a path.
 */
export function workspacePathOf(fromRelPath: string, url: string): string | undefined {
  if (url === '' || url.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  let path = url;
  try {
    path = decodeURIComponent(url);
  } catch {
    // A stray `%` is kept as written.
  }
  const joined = posix.normalize(posix.join(posix.dirname(fromRelPath), path)).replace(/\/$/, '');
  return joined === '..' || joined.startsWith('../') || joined === '.' ? undefined : joined;
}
