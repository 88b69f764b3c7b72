/** Folders never indexed: dependencies, build output, version control, hidden folders. */
const IGNORED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'out', 'dist']);

/**
 * Whether a workspace-relative path lies in a folder Attest never indexes. The same rule
 * serves the first walk of the folder and later file events, so both see the same files.
 */
export function isIgnoredPath(relPath: string): boolean {
  const folders = relPath.split('/').slice(0, -1);
  return folders.some((f) => IGNORED_FOLDERS.has(f) || f.startsWith('.'));
}
