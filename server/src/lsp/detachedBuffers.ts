import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument, type AttestDocument } from '../core/document/model';
import type { Folder } from './folders';

/**
 * Open buffers whose file is not on disk: a new file not saved yet, a file deleted while its
 * tab is open, or a document VS Code still caches minutes after its tab closed (and sends
 * again when the server restarts). None is a document of the workspace: it counts in no
 * coverage, reference, lens or report. Saving one writes the file, and the file event brings
 * it into the index.
 *
 * Until then a buffer still gets its own diagnostics, checked against the workspace, and
 * completion, hovers and navigation work in it, so that a new document can be written before
 * it is first saved (SPEC §14: an opened document is checked at once). A file deleted while
 * its buffer is open gets none: the deletion was seen, and its problems would stay in the
 * Problems panel for minutes after its tab closed. A document re-sent after a restart cannot
 * be told from a new unsaved one; its diagnostics last until the editor closes it.
 */
export class DetachedBuffers {
  private readonly parsed = new Map<string, { readonly folder: Folder; readonly rel: string; readonly doc: AttestDocument | undefined }>();
  /** Buffers whose file was deleted while they were open. */
  private readonly deleted = new Set<string>();
  /** Buffers this class published diagnostics for, to clear. */
  private readonly published = new Set<string>();

  constructor(private readonly send: (params: PublishDiagnosticsParams) => void) {}

  /** Whether the buffer of `rel` has no file on disk. */
  isDetached(folder: Folder, rel: string): boolean {
    return !folder.disk.exists(rel);
  }

  /** The buffer parsed as a document of the folder (once per version), or undefined when it is not one. */
  documentOf(folder: Folder, rel: string, buffer: TextDocument): AttestDocument | undefined {
    const known = this.parsed.get(buffer.uri);
    if (known?.folder === folder && known.doc?.version === buffer.version && known.doc.text.getText() === buffer.getText()) return known.doc;
    const doc = parseDocument({ uri: buffer.uri, relPath: rel, text: buffer.getText(), version: buffer.version }, folder.index.config.folders);
    this.parsed.set(buffer.uri, { folder, rel, doc });
    return doc;
  }

  /** Publishes the buffer's own diagnostics (none for a deleted file, or a file that is no document). */
  publish(folder: Folder, rel: string, buffer: TextDocument): void {
    const doc = this.deleted.has(buffer.uri) ? undefined : this.documentOf(folder, rel, buffer);
    if (!doc) return this.clear(buffer.uri);
    this.published.add(buffer.uri);
    this.send({ uri: buffer.uri, version: buffer.version, diagnostics: folder.service.detachedDiagnostics(doc) });
  }

  /** The workspace around the detached buffers of `folder` changed: their diagnostics again. */
  refresh(folder: Folder, bufferOf: (uri: string) => TextDocument | undefined): void {
    for (const [uri, entry] of this.parsed) {
      const buffer = bufferOf(uri);
      if (entry.folder === folder && buffer && this.isDetached(folder, entry.rel)) this.publish(folder, entry.rel, buffer);
    }
  }

  /** The file of an open buffer was deleted. */
  markDeleted(uri: string): void {
    this.deleted.add(uri);
  }

  /** The buffer's file is on disk (again), so the index holds it; or the buffer closed. */
  drop(uri: string): void {
    this.parsed.delete(uri);
    this.deleted.delete(uri);
    this.clear(uri);
  }

  private clear(uri: string): void {
    if (this.published.delete(uri)) this.send({ uri, diagnostics: [] });
  }
}
