import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE } from '../core/config';
import type { AttestDocument } from '../core/document/model';
import type { Diagnostic } from '../core/types';
import { toLspDiagnostic } from '../features/lspDiagnostic';
import type { CoverageFeed } from './coverageFeed';
import type { Folder, FolderSet } from './folders';

/**
 * Publishes diagnostics for every document of a folder, opened or not, and remembers what
 * it published so that a file that stops being a document loses its diagnostics.
 */
export class Publisher {
  private readonly published = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly buffers: TextDocuments<TextDocument>,
    private readonly folders: FolderSet,
    private readonly coverage: CoverageFeed,
  ) {}

  /** The documents a change touched (undefined: all of the folder's). */
  publish(folder: Folder, affected: ReadonlySet<string> | undefined): void {
    if (!this.folders.isCurrent(folder)) return;
    if (!affected) return this.publishAll(folder);
    for (const rel of affected) this.publishDocument(folder, rel);
    this.coverage.schedule(() => this.folders.all.forEach((f) => this.publishConfig(f)));
  }

  publishAll(folder: Folder): void {
    if (!this.folders.isCurrent(folder)) return;
    const live = new Set<string>();
    for (const doc of folder.index.documents) {
      live.add(doc.uri);
      this.publishDocument(folder, doc.relPath);
    }
    // Files that stopped being documents (or vanished) lose their diagnostics.
    for (const uri of [...this.published]) {
      if (!live.has(uri) && this.folders.folderOf(uri) === folder && uri !== folder.index.configUri) this.clear(uri);
    }
    this.publishConfig(folder);
    this.coverage.mayHaveChanged();
  }

  /**
   * Diagnostics of one buffer found before its folder is indexed (those that need no other
   * document). Only while the folder is not ready: from then on, the full set is published.
   */
  publishBeforeIndexed(folder: Folder, uri: string, version: number, diagnostics: readonly Diagnostic[]): void {
    if (!this.folders.isCurrent(folder) || folder.isReady) return;
    this.published.add(uri);
    void this.connection.sendDiagnostics({ uri, version, diagnostics: diagnostics.map(toLspDiagnostic) });
  }

  /** Clears what was published for files no current folder holds (after folders changed). */
  clearOrphans(): void {
    for (const uri of [...this.published]) if (!this.folders.folderOf(uri)) this.clear(uri);
  }

  private publishDocument(folder: Folder, rel: string): void {
    if (!this.folders.isCurrent(folder)) return;
    const uri = folder.index.uriOf(rel);
    const doc = folder.index.get(rel);
    if (!doc) return this.clear(uri);
    const diagnostics = folder.service.diagnostics(rel);
    this.published.add(uri);
    void this.connection.sendDiagnostics({ uri, version: this.checkedVersion(uri, doc), diagnostics });
  }

  /**
   * The buffer version whose text `doc` was checked at: the index's own version, which a
   * burst of edits may have passed; the buffer's, when the index read the buffer's current
   * text without its version (a re-index reads open buffers through the overlay host).
   */
  private checkedVersion(uri: string, doc: AttestDocument): number | undefined {
    const buffer = this.buffers.get(uri);
    if (!buffer) return undefined;
    return doc.version === buffer.version || doc.text.getText() === buffer.getText() ? buffer.version : doc.version;
  }

  /** attest.yaml's findings, and those of attest.yaml files below the root (which are not read). */
  private publishConfig(folder: Folder): void {
    if (!this.folders.isCurrent(folder) || !folder.isReady) return;
    for (const [rel, found] of folder.index.diagnoseIgnoredConfigs()) {
      const ignored = folder.index.uriOf(rel);
      if (found.length === 0) this.clear(ignored);
      else {
        this.published.add(ignored);
        void this.connection.sendDiagnostics({ uri: ignored, diagnostics: found.map(toLspDiagnostic) });
      }
    }
    const uri = folder.index.uriOf(CONFIG_FILE);
    if (!folder.index.configUri) return this.clear(uri);
    this.published.add(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: folder.index.diagnoseConfig().map(toLspDiagnostic) });
  }

  private clear(uri: string): void {
    if (!this.published.delete(uri)) return;
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
