import * as path from 'path';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { currentBuild, DEFAULT_CACHE_FOLDER, DocumentCacheFile } from '../node/documentCacheFile';
import { IndexingNotification } from '../shared/protocol';
import type { AttestSettings } from '../shared/settings';
import type { CoverageFeed } from './coverageFeed';
import type { Folder, FolderSet } from './folders';
import type { Publisher } from './publisher';
import type { Logger } from './runSafe';
import { toConfigDefaults } from './settings';

/** What the client said it supports, which indexing adapts to. */
export interface ClientSupport {
  readonly configuration: boolean;
  readonly progress: boolean;
  /** Nothing may be written into the workspace (see `readOnlyOf`). */
  readonly readOnly: boolean;
}

/** Indexes folders with progress, and applies the editor's settings to them. */
export class Indexer {
  constructor(
    private readonly connection: Connection,
    private readonly buffers: TextDocuments<TextDocument>,
    private readonly folders: FolderSet,
    private readonly publisher: Publisher,
    private readonly coverage: CoverageFeed,
    private readonly support: () => ClientSupport,
    private readonly log: Logger,
  ) {}

  async indexFolder(folder: Folder): Promise<void> {
    // A client that refuses progress or settings still gets its folder indexed.
    const progress = this.support().progress ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Attest: indexing policies', 0, folder.name, false);
    try {
      await this.applySettings(folder).catch((error: unknown) => this.log(`Attest could not read the settings of ${folder.name}`, error));
      await folder.index.load((done, total) => {
        progress?.report(total ? Math.round((done / total) * 100) : 100, `${done} of ${total} files`);
        void this.connection.sendNotification(IndexingNotification.method, { folder: folder.uri, done, total, finished: false } satisfies IndexingNotification.Params);
      });
      // Open editor buffers win over the disk; a buffer of a deleted file is no document (see BufferSync).
      for (const doc of this.buffers.all()) {
        const rel = folder.index.relPathOf(doc.uri);
        if (rel !== undefined && folder.disk.exists(rel)) await folder.index.update(rel, doc.getText(), doc.version);
      }
    } catch (error) {
      this.log(`Attest could not index ${folder.name}`, error);
    } finally {
      folder.markReady();
      folder.isReady = true;
      progress?.done();
      const count = folder.index.documentCount;
      void this.connection.sendNotification(IndexingNotification.method, { folder: folder.uri, done: count, total: count, finished: true } satisfies IndexingNotification.Params);
    }
    this.publisher.publishAll(folder);
    this.coverage.mayHaveChanged();
    // After publishing: the diagnostics found for it are what the cache keeps beside the parses.
    await folder.cache?.save();
  }

  /** Settings changed: each folder takes them, once it has been indexed. */
  async refreshSettings(): Promise<void> {
    for (const folder of this.folders.all) {
      await folder.ready;
      await this.applySettings(folder);
      this.publisher.publishAll(folder);
    }
    this.coverage.mayHaveChanged();
  }

  private async applySettings(folder: Folder): Promise<void> {
    if (!this.support().configuration) return this.useCache(folder, true);
    const settings = (await this.connection.workspace.getConfiguration({ scopeUri: folder.uri, section: 'attest' })) as AttestSettings | null;
    this.useCache(folder, settings?.cache?.enabled !== false);
    await folder.index.setDefaults(toConfigDefaults(settings));
  }

  /**
   * Opens the folder's cache, or drops it (nothing more is written) when the setting is off.
   * One opened later serves what is parsed from then on: a whole folder on its next indexing.
   */
  private useCache(folder: Folder, wanted: boolean): void {
    const enabled = wanted && !this.support().readOnly;
    if (enabled === (folder.cache !== undefined)) return;
    folder.cache = enabled ? DocumentCacheFile.open(path.join(folder.path, DEFAULT_CACHE_FOLDER), { attest: currentBuild(), root: folder.uri }) : undefined;
    folder.index.useCache(folder.cache);
  }
}
