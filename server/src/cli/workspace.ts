import * as path from 'path';
import { pathToFileURL } from 'url';
import { WorkspaceIndex } from '../core/index/workspaceIndex';
import { loadBundledData } from '../node/bundledData';
import { currentBuild, DEFAULT_CACHE_FOLDER, DocumentCacheFile } from '../node/documentCacheFile';
import { FileSystemHost } from '../node/fileSystemHost';
import { withOutliner } from '../node/outlinePool';

/**
 * Indexes a folder on disk with the bundled data: what `check`, `coverage` and the benchmark
 * share. With a cache, parses and diagnostics it holds are taken from it (the caller saves it).
 */
export function openWorkspace(dir: string, today?: string, cache?: DocumentCacheFile): Promise<WorkspaceIndex> {
  const root = path.resolve(dir);
  return withOutliner(async (outliner) => {
    const index = new WorkspaceIndex(pathToFileURL(root).toString(), new FileSystemHost(root), loadBundledData(), { outliner, ...(today ? { today: () => today } : {}) });
    index.useCache(cache);
    await index.load();
    return index;
  });
}

/** The cache of `dir` for `--cache`: in `location` (from the current folder), else in `.attest-cache` of `dir`. */
export function openCache(dir: string, location: string | undefined): DocumentCacheFile {
  const root = path.resolve(dir);
  const folder = location === undefined ? path.join(root, DEFAULT_CACHE_FOLDER) : path.resolve(location);
  return DocumentCacheFile.open(folder, { attest: currentBuild(), root: pathToFileURL(root).toString() });
}
