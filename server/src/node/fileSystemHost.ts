import { promises as fs } from 'fs';
import * as path from 'path';
import type { WorkspaceHost } from '../core/index/workspaceIndex';

/** Folders never indexed: dependencies, build output, version control. */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.vscode-test']);

/** A workspace folder on disk. */
export class FileSystemHost implements WorkspaceHost {
  constructor(private readonly root: string) {}

  async listFiles(): Promise<string[]> {
    const found: string[] = [];
    const walk = async (dir: string, rel: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      await Promise.all(
        entries.map(async (entry) => {
          const childRel = rel ? `${rel}/${entry.name}` : entry.name;
          if (entry.isDirectory()) {
            if (!SKIPPED.has(entry.name) && !entry.name.startsWith('.')) await walk(path.join(dir, entry.name), childRel);
          } else if (entry.isFile() || entry.isSymbolicLink()) {
            found.push(childRel);
          }
        }),
      );
    };
    await walk(this.root, '');
    return found.sort();
  }

  async readFile(relPath: string): Promise<string | undefined> {
    try {
      return await fs.readFile(path.join(this.root, ...relPath.split('/')), 'utf8');
    } catch {
      return undefined;
    }
  }
}
