import { posix } from 'path';

/**
 * The workspace-relative path a Markdown link points at: undefined for links Attest does
 * not check (web addresses, anchors, non-Markdown files), null for a path that leaves the
 * workspace.
 */
export function linkTarget(fromRelPath: string, url: string): string | null | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#') || url.startsWith('/')) return undefined;
  let path = url.split('#')[0].split('?')[0];
  if (!/\.md$/i.test(path)) return undefined;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the text as written
  }
  const joined = posix.normalize(posix.join(posix.dirname(fromRelPath), path));
  return joined.startsWith('../') || joined === '..' ? null : joined;
}

/** The workspace-relative path of an evidence file, or null when it leaves the workspace. */
export function evidencePath(path: string): string | null {
  const normalized = posix.normalize(path.replace(/\\/g, '/').replace(/^\.\//, ''));
  return normalized.startsWith('../') || normalized.startsWith('/') || normalized === '..' ? null : normalized.replace(/\/$/, '');
}
