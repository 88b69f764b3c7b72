import type { WorkspaceHost } from './workspaceIndex';

/** A workspace held in memory: for tests, and for work that rewrites files before any is written (import). */
export class MemoryHost implements WorkspaceHost {
  readonly files: Map<string, string>;

  constructor(files: Iterable<readonly [string, string]>) {
    this.files = new Map(files);
  }

  async listFiles(under?: string): Promise<string[]> {
    return [...this.files.keys()].filter((f) => !under || f.startsWith(under + '/')).sort();
  }

  async readFile(relPath: string): Promise<string | undefined> {
    return this.files.get(relPath);
  }
}
