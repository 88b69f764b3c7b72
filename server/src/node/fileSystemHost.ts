import * as fs from 'fs';
import * as path from 'path';
import { isIgnoredPath } from '../core/index/ignored';
import type { WorkspaceHost } from '../core/index/workspaceIndex';

/** A workspace folder on disk. */
export class FileSystemHost implements WorkspaceHost {
  /**
   * @param root the folder's path
   * @param excluded workspace-relative folders left to another index (a nested workspace folder)
   */
  constructor(
    private readonly root: string,
    private readonly excluded: readonly string[] = [],
  ) {}

  async listFiles(under = ''): Promise<string[]> {
    const found: string[] = [];
    const walk = async (rel: string): Promise<void> => {
      if (this.excluded.includes(rel)) return;
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(this.resolve(rel), { withFileTypes: true });
      } catch {
        return;
      }
      await Promise.all(
        entries.map(async (entry) => {
          const child = rel ? `${rel}/${entry.name}` : entry.name;
          if (entry.isDirectory()) {
            if (!isIgnoredPath(`${child}/x`)) await walk(child);
          } else if (entry.isFile() || entry.isSymbolicLink()) {
            found.push(child);
          }
        }),
      );
    };
    await walk(under);
    return found.sort();
  }

  /**
   * Read synchronously: the index reads in batches of a few dozen small files, and Node's
   * asynchronous readFile costs several times as much per file (an fstat, a handle and
   * chunked reads through the thread pool), which on 10,000 documents is seconds.
   */
  async readFile(relPath: string): Promise<string | undefined> {
    try {
      return fs.readFileSync(this.resolve(relPath), 'utf8');
    } catch {
      return undefined;
    }
  }

  exists(relPath: string): boolean {
    return fs.existsSync(this.resolve(relPath));
  }

  isDirectory(relPath: string): boolean {
    try {
      return fs.statSync(this.resolve(relPath)).isDirectory();
    } catch {
      return false;
    }
  }

  private resolve(relPath: string): string {
    return path.join(this.root, ...relPath.split('/').filter(Boolean));
  }
}
