/** A workspace folder as the choice reads it: its place in the workspace and its URI. */
export interface FolderEntry {
  readonly index: number;
  readonly uri: string;
}

/**
 * Which folder a command works on when no argument says: the only folder, else the only
 * Attest folder (`attest`, the URIs of folders with Attest documents; undefined when not
 * known yet), else a question listing the candidates (every folder when none is an Attest
 * folder), the active editor's folder first. Undefined without folders.
 */
export function folderChoice<T extends FolderEntry>(folders: readonly T[], attest: ReadonlySet<string> | undefined, activeUri: string | undefined): { readonly take: T } | { readonly ask: readonly T[] } | undefined {
  if (folders.length === 0) return undefined;
  if (folders.length === 1) return { take: folders[0] };
  const candidates = attest ? folders.filter((f) => attest.has(f.uri)) : folders;
  if (candidates.length === 1) return { take: candidates[0] };
  const listed = candidates.length ? candidates : folders;
  return { ask: [...listed].sort((a, b) => Number(b.uri === activeUri) - Number(a.uri === activeUri) || a.index - b.index) };
}
