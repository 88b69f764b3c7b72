import { FileChangeType, type PublishDiagnosticsParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AttestDocument } from '../core/document/model';
import type { Change } from '../core/index/workspaceIndex';
import { DetachedBuffers } from './detachedBuffers';
import type { Folder, FolderSet } from './folders';
import type { Publisher } from './publisher';

/** A buffer whose last update took this long (ms) gathers the edits that follow for a moment. */
const SLOW_UPDATE_MS = 25;
/** How long it gathers them (ms): short beside the update itself. */
const GATHER_EDITS_MS = 8;

/**
 * Keeps each folder's index in step with the editor's buffers and the disk, and publishes
 * what each change touched.
 */
export class BufferSync {
  /** Buffers with an update queued that has not read their text yet. */
  private readonly updateQueued = new Set<string>();
  /** How long the last update of each buffer took, in ms. */
  private readonly updateCost = new Map<string, number>();
  private readonly detached: DetachedBuffers;

  constructor(
    private readonly buffers: TextDocuments<TextDocument>,
    private readonly folders: FolderSet,
    private readonly publisher: Publisher,
    sendDiagnostics: (params: PublishDiagnosticsParams) => void,
  ) {
    this.detached = new DetachedBuffers(sendDiagnostics);
  }

  /**
   * The folder and the parsed document at `uri`, current with the editor buffer, for
   * feature requests; undefined for files that are not Attest documents.
   */
  async documentAt(uri: string): Promise<{ folder: Folder; doc: AttestDocument } | undefined> {
    const at = await this.folders.locate(uri);
    if (!at) return undefined;
    const { folder, rel } = at;
    const buffer = this.buffers.get(uri);
    if (buffer && this.detached.isDetached(folder, rel)) {
      const doc = this.detached.documentOf(folder, rel, buffer);
      return doc ? { folder, doc } : undefined;
    }
    const known = folder.index.get(rel);
    // Catch up a document the index holds but at an older version; a buffer new to the
    // index (attest.yaml, a README) is not a document, and its change is already queued.
    if (buffer && known && known.version !== buffer.version) {
      const change = await folder.index.updateFrom(rel, () => this.bufferState(uri));
      this.publisher.publish(folder, change.all ? undefined : change.affected);
    }
    const doc = folder.index.get(rel);
    return doc ? { folder, doc } : undefined;
  }

  /**
   * One queued update per buffer at a time: it reads the buffer when its turn comes, so
   * keystrokes that arrive while a large document is parsed cost one more parse, not one each.
   * A buffer whose file is not on disk is no document of the workspace (see `DetachedBuffers`).
   */
  async bufferChanged(uri: string): Promise<void> {
    void this.checkBeforeIndexed(uri);
    if (this.updateQueued.has(uri)) return;
    this.updateQueued.add(uri);
    let read = false;
    try {
      const at = await this.folders.locate(uri);
      if (!at) return;
      const buffer = this.buffers.get(uri);
      if (buffer && this.detached.isDetached(at.folder, at.rel)) {
        await this.forget(at.folder, at.rel);
        return this.detached.publish(at.folder, at.rel, buffer);
      }
      // Its file is on disk (saved with no file event): the index holds it from now on.
      this.detached.drop(uri);
      // A buffer slow to check waits a moment, so that the edits already on their way join this update.
      if ((this.updateCost.get(uri) ?? 0) >= SLOW_UPDATE_MS) await new Promise((resolve) => setTimeout(resolve, GATHER_EDITS_MS));
      const idBefore = idAt(at.folder, at.rel);
      let started = 0;
      const change = await at.folder.index.updateFrom(at.rel, () => {
        // Timed from its turn in the queue: waiting behind another document's parse is not this one's cost.
        started = performance.now();
        read = true;
        this.updateQueued.delete(uri);
        return this.bufferState(uri);
      });
      if (read) this.updateCost.set(uri, performance.now() - started);
      this.publisher.publish(at.folder, change.all ? undefined : change.affected);
      this.republishReferencesTo(at.folder, [idBefore, idAt(at.folder, at.rel)]);
      this.detached.refresh(at.folder, (u) => this.buffers.get(u));
    } finally {
      if (!read) this.updateQueued.delete(uri);
    }
  }

  /**
   * A buffer opened or edited while its folder is being indexed gets, at once, the findings
   * that need no other document; the rest follow with the folder's (see Publisher).
   */
  private async checkBeforeIndexed(uri: string): Promise<void> {
    const folder = this.folders.folderOf(uri);
    const rel = folder?.index.relPathOf(uri);
    const buffer = this.buffers.get(uri);
    if (!folder || folder.isReady || rel === undefined || !buffer) return;
    const version = buffer.version;
    // Best effort: should it fail, the buffer still gets its diagnostics with the folder's.
    const diagnostics = await folder.index.diagnoseAlone(rel, buffer.getText(), version).catch(() => undefined);
    // A newer edit has its own check on the way.
    if (diagnostics && this.buffers.get(uri)?.version === version) this.publisher.publishBeforeIndexed(folder, uri, version, diagnostics);
  }

  async bufferClosed(uri: string): Promise<void> {
    this.updateCost.delete(uri);
    this.detached.drop(uri);
    const at = await this.folders.locate(uri);
    if (!at) return;
    const idBefore = idAt(at.folder, at.rel);
    // The editor's unsaved text is gone: the disk is the truth again (a deleted file leaves the index).
    const change = await at.folder.index.update(at.rel, await at.folder.disk.readFile(at.rel));
    this.publisher.publish(at.folder, change.all ? undefined : change.affected);
    this.republishReferencesTo(at.folder, [idBefore, idAt(at.folder, at.rel)]);
  }

  /**
   * Files changed on disk. A deletion counts at once, even while a buffer still shows the file:
   * VS Code keeps a closed tab's document for minutes before it says so. A file that appears
   * while its buffer is open (a new file's first save, a deleted file's tab saved again) is
   * read from the buffer.
   */
  async filesChanged(changes: readonly { uri: string; type: FileChangeType }[]): Promise<void> {
    const touched = new Map<Folder, Set<string> | undefined>();
    const ids = new Map<Folder, (string | undefined)[]>();
    for (const change of changes) {
      const folder = this.folders.folderOf(change.uri);
      // The cache's own writes: asking who links there would read every document's links.
      if (!folder || folder.cache?.owns(change.uri)) continue;
      await folder.ready;
      const rel = folder.index.relPathOf(change.uri);
      if (rel === undefined) continue;
      const before = idAt(folder, rel);
      const result = await this.applyFileEvent(folder, rel, change);
      ids.set(folder, [...(ids.get(folder) ?? []), before, idAt(folder, rel)]);
      const sofar = touched.has(folder) ? touched.get(folder) : new Set<string>();
      if (result.all || sofar === undefined) touched.set(folder, undefined);
      else {
        result.affected.forEach((p) => sofar.add(p));
        touched.set(folder, sofar);
      }
    }
    for (const [folder, affected] of touched) {
      this.publisher.publish(folder, affected);
      this.detached.refresh(folder, (u) => this.buffers.get(u));
    }
    for (const [folder, changed] of ids) this.republishReferencesTo(folder, changed);
  }

  private async applyFileEvent(folder: Folder, rel: string, change: { uri: string; type: FileChangeType }): Promise<Change> {
    if (change.type === FileChangeType.Deleted) {
      if (this.buffers.get(change.uri)) this.detached.markDeleted(change.uri);
      return folder.index.update(rel, undefined);
    }
    // A created folder comes as one event (a renamed one too): index what is in it.
    if (change.type === FileChangeType.Created && folder.disk.isDirectory(rel)) return folder.index.addFolder(rel);
    if (this.buffers.get(change.uri)) {
      // An open buffer wins over the disk, and its edits are indexed already; a file that
      // appears under it (a deleted file's tab saved again) brings the buffer back into the index.
      if (change.type !== FileChangeType.Created) return { affected: new Set<string>(), all: false };
      this.detached.drop(change.uri);
      return folder.index.updateFrom(rel, () => this.bufferState(change.uri));
    }
    return folder.index.update(rel, await folder.disk.readFile(rel));
  }

  /**
   * After every folder is indexed: the references of each folder to ids only another folder
   * has, published before that folder was read, now say where the id is.
   */
  republishCrossFolderReferences(): void {
    if (this.folders.all.length < 2) return;
    for (const folder of this.folders.all) {
      const affected = new Set<string>();
      for (const doc of folder.index.documents) {
        for (const ref of [doc.policy, doc.extends]) {
          if (ref && folder.index.documentsWithId(ref.value).length === 0 && this.folders.otherFoldersWithId(folder.uri, ref.value).length > 0) affected.add(doc.relPath);
        }
      }
      if (affected.size > 0) this.publisher.publish(folder, affected);
    }
  }

  /**
   * A document id appeared in or left `changed`'s folder: the other folders' references to it
   * say whether a sibling folder has it (see `documentDiagnostics`).
   */
  private republishReferencesTo(changed: Folder, ids: readonly (string | undefined)[]): void {
    if (this.folders.all.length < 2) return;
    const wanted = new Set(ids.filter((id): id is string => id !== undefined));
    // The same id before and after: nothing appeared or left.
    if (ids.length === 2 && ids[0] === ids[1]) return;
    for (const other of this.folders.all) {
      if (other === changed || !other.isReady) continue;
      const affected = new Set<string>();
      for (const id of wanted) for (const doc of other.index.referencesTo(id)) affected.add(doc.relPath);
      if (affected.size > 0) this.publisher.publish(other, affected);
    }
  }

  /** Takes a path out of the index (when it was there) and clears what was published for it. */
  private async forget(folder: Folder, rel: string): Promise<void> {
    const idBefore = idAt(folder, rel);
    const change = folder.index.get(rel) ? await folder.index.update(rel, undefined) : { affected: new Set([rel]), all: false };
    this.publisher.publish(folder, change.all ? undefined : change.affected);
    this.republishReferencesTo(folder, [idBefore, undefined]);
  }

  /** The text and version of an open buffer. */
  private bufferState(uri: string): { text: string; version: number } | undefined {
    const buffer = this.buffers.get(uri);
    return buffer && { text: buffer.getText(), version: buffer.version };
  }
}

/** The id of the document at `rel`, if it has one. */
function idAt(folder: Folder, rel: string): string | undefined {
  return folder.index.get(rel)?.id?.value;
}
