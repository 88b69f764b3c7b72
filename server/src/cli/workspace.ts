import * as path from 'path';
import { pathToFileURL } from 'url';
import { WorkspaceIndex } from '../core/index/workspaceIndex';
import { loadBundledData } from '../node/bundledData';
import { FileSystemHost } from '../node/fileSystemHost';
import { withOutliner } from '../node/outlinePool';

/** Indexes a folder on disk with the bundled data: what `check`, `coverage` and the benchmark share. */
export function openWorkspace(dir: string, today?: string): Promise<WorkspaceIndex> {
  const root = path.resolve(dir);
  return withOutliner(async (outliner) => {
    const index = new WorkspaceIndex(pathToFileURL(root).toString(), new FileSystemHost(root), loadBundledData(), { outliner, ...(today ? { today: () => today } : {}) });
    await index.load();
    return index;
  });
}
