import { fileURLToPath } from 'url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CONFIG_FILE } from '../core/config';
import type { BundledData } from '../core/data/bundled';
import { WorkspaceIndex, type Outliner } from '../core/index/workspaceIndex';
import type { CriterionEntry } from '../features/definition';
import { createLanguageService, type AttestLanguageService } from '../features/languageService';
import type { DocumentCacheFile } from '../node/documentCacheFile';
import { FileSystemHost } from '../node/fileSystemHost';
import type { ClientCommands } from '../shared/commands';
import { EditorOverlayHost } from './overlayHost';

/** One workspace folder: its index, its language service and whether its first indexing ended. */
export interface Folder {
  readonly uri: string;
  readonly name: string;
  readonly index: WorkspaceIndex;
  readonly service: AttestLanguageService;
  /** The folder on disk, without the editor's unsaved buffers. */
  readonly disk: FileSystemHost;
  /** The folder's path on disk. */
  readonly path: string;
  /** Its persistent cache, unless `attest.cache.enabled` is off. */
  cache?: DocumentCacheFile;
  /** Settles when the first indexing of the folder ended; requests wait for it. */
  readonly ready: Promise<void>;
  readonly markReady: () => void;
  isReady: boolean;
}

export interface Root {
  readonly uri: string;
  readonly name: string;
}

export interface FolderOptions {
  readonly buffers: TextDocuments<TextDocument>;
  readonly data: BundledData;
  readonly clientCommands: ClientCommands;
  readonly outliner?: Outliner;
  /** Where the bundled data defines a criterion, for go to definition. */
  readonly criterionEntry?: CriterionEntry;
}

/** The workspace folders the server indexes, and which of them a URI belongs to. */
export class FolderSet {
  private current: Folder[] = [];

  get all(): readonly Folder[] {
    return this.current;
  }

  /**
   * One index per workspace folder (only `file:` folders: the index reads the disk). A
   * folder nested in another is left out of the outer one, so each file has one index and
   * one set of diagnostics.
   */
  replace(roots: readonly Root[], options: FolderOptions): void {
    const local = roots.filter((r) => URI.parse(r.uri).scheme === 'file');
    const paths = local.map((r) => URI.parse(r.uri).path.replace(/\/$/, ''));
    this.current = local.map((root, i) => {
      const path = paths[i];
      const nested = paths.filter((p) => p.startsWith(path + '/')).map((p) => p.slice(path.length + 1));
      const folderPath = fileURLToPath(root.uri);
      const disk = new FileSystemHost(folderPath, nested);
      const index: WorkspaceIndex = new WorkspaceIndex(root.uri, new EditorOverlayHost(disk, options.buffers, (rel): string => index.uriOf(rel)), options.data, {
        outliner: options.outliner,
      });
      // Not ready from the start: a request that comes before indexing must not see an empty index.
      let markReady = (): void => undefined;
      const ready = new Promise<void>((resolve) => (markReady = resolve));
      const service = createLanguageService(index, {
        clientCommands: options.clientCommands,
        otherFoldersWithId: (id) => this.otherFoldersWithId(root.uri, id),
        criterionEntry: options.criterionEntry,
      });
      return { uri: root.uri, name: root.name, index, service, disk, path: folderPath, ready, markReady, isReady: false };
    });
  }

  /** The names of the indexed folders other than `exceptUri` that have a document with `id`. */
  otherFoldersWithId(exceptUri: string, id: string): string[] {
    return this.current.filter((f) => f.uri !== exceptUri && f.isReady && f.index.documentsWithId(id).length > 0).map((f) => f.name);
  }

  /** Whether a folder is still one of the workspace's (a handler may outlive its folder). */
  isCurrent(folder: Folder): boolean {
    return this.current.includes(folder);
  }

  /** Settles once every folder has been indexed once. */
  async allReady(): Promise<void> {
    await Promise.all(this.current.map((f) => f.ready));
  }

  get everyReady(): boolean {
    return this.current.every((f) => f.isReady);
  }

  /** The folder a URI belongs to: the deepest one that contains it. */
  folderOf(uri: string): Folder | undefined {
    let best: Folder | undefined;
    for (const folder of this.current) {
      if (folder.index.relPathOf(uri) !== undefined && (!best || folder.uri.length > best.uri.length)) best = folder;
    }
    return best;
  }

  /** A folder named by its own URI (or by a URI inside it), once it is indexed. */
  async folderNamed(uri: string): Promise<Folder | undefined> {
    const folder = this.current.find((f) => f.uri === uri) ?? this.folderOf(uri);
    await folder?.ready;
    return folder;
  }

  /** The indexed folder of a URI and the URI's path in it, once the folder is indexed. */
  async locate(uri: string): Promise<{ folder: Folder; rel: string } | undefined> {
    const folder = this.folderOf(uri);
    if (!folder) return undefined;
    await folder.ready;
    const rel = folder.index.relPathOf(uri);
    return rel === undefined ? undefined : { folder, rel };
  }

  /** attest.yaml of a folder, as the editor has it (else as the index read it), when `uri` is that file. */
  async configAt(uri: string, buffers: TextDocuments<TextDocument>): Promise<{ folder: Folder; text: TextDocument } | undefined> {
    const at = await this.locate(uri);
    if (!at || at.rel !== CONFIG_FILE) return undefined;
    const text = buffers.get(uri) ?? at.folder.index.config.file?.text;
    return text ? { folder: at.folder, text } : undefined;
  }
}
