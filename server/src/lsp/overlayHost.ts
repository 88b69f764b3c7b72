import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceHost } from '../core/index/workspaceIndex';
import type { FileSystemHost } from '../node/fileSystemHost';

/** The index reads open editor buffers instead of the disk: unsaved text is what the user sees. */
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
    return this.buffers.get(this.uriOf(relPath))?.getText() ?? this.disk.readFile(relPath);
  }

  exists(relPath: string): boolean {
    return this.disk.exists(relPath);
  }
}
