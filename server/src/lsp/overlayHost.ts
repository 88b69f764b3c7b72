import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceHost } from '../core/index/workspaceIndex';
import type { FileSystemHost } from '../node/fileSystemHost';

/**
 * The index reads open editor buffers instead of the disk: unsaved text is what the user sees.
 * A buffer whose file is gone from disk is not read: the editor may hold a deleted file's
 * document for minutes, and a deleted document must not count (see `BufferSync`).
 */
export class EditorOverlayHost implements WorkspaceHost {
  constructor(
    private readonly disk: FileSystemHost,
    private readonly buffers: TextDocuments<TextDocument>,
    private readonly uriOf: (relPath: string) => string,
  ) {}

  listFiles(under?: string): Promise<string[]> {
    return this.disk.listFiles(under);
  }

  async readFile(relPath: string): Promise<string | undefined> {
    const buffer = this.buffers.get(this.uriOf(relPath));
    return buffer && this.disk.exists(relPath) ? buffer.getText() : this.disk.readFile(relPath);
  }

  exists(relPath: string): boolean {
    return this.disk.exists(relPath);
  }
}
