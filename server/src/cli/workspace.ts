import * as path from 'path';
import { pathToFileURL } from 'url';
import { WorkspaceIndex } from '../core/index/workspaceIndex';
import { loadBundledData } from '../node/bundledData';
import { currentBuild, DEFAULT_CACHE_FOLDER, DocumentCacheFile } from '../node/documentCacheFile';
import { FileSystemHost } from '../node/fileSystemHost';

/**
 * Indexes a folder on disk with the bundled data: what `check`, `coverage` and the benchmark
 * share. With a cache, parses and diagnostics it holds are taken from it (the caller saves it).
 * On one thread: since most bodies are outlined by the line scanner, sending texts to worker
 * threads costs more than it saves (10,000 documents: 5.3 s and 370 MB without, 5.5 s and
 * 393 MB with). The language server keeps its workers, where they keep remark's slow bodies
 * off the thread that answers requests.
 */
export async function openWorkspace(dir: string, today?: string, cache?: DocumentCacheFile): Promise<WorkspaceIndex> {
  const root = path.resolve(dir);
  const index = new WorkspaceIndex(pathToFileURL(root).toString(), new FileSystemHost(root), loadBundledData(), today ? { today: () => today } : {});
  index.useCache(cache);
  await index.load();
  return index;
}

/** The cache of `dir` for `--cache`: in `location` (from the current folder), else in `.attest-cache` of `dir`. */
export function openCache(dir: string, location: string | undefined): DocumentCacheFile {
  const root = path.resolve(dir);
  const folder = location === undefined ? path.join(root, DEFAULT_CACHE_FOLDER) : path.resolve(location);
  return DocumentCacheFile.open(folder, { attest: currentBuild(), root: pathToFileURL(root).toString() });
}
