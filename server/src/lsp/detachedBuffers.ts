import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument, type AttestDocument } from '../core/document/model';
import type { Folder } from './folders';

/**
 * Open buffers whose file is not on disk: a new file not saved yet, a file deleted while its
 * tab is open, or a document VS Code still caches minutes after its tab closed (and sends
 * again when the server restarts). None is a document of the workspace: it counts in no
 * coverage, reference, lens or report, and gets no diagnostics, which would list in the
 * Problems panel a file that does not exist. Saving one writes the file, and the file event
 * brings it into the index. Completion, hovers and navigation still work in it, read
 * against the workspace, so that a new document can be written before it is first saved.
 */
export class DetachedBuffers {
  private readonly parsed = new Map<string, AttestDocument>();

  /** Whether the buffer of `rel` has no file on disk. */
  isDetached(folder: Folder, rel: string): boolean {
    return !folder.disk.exists(rel);
  }

  /** The buffer parsed as a document of the folder (once per version), or undefined when it is not one. */
  documentOf(folder: Folder, rel: string, buffer: TextDocument): AttestDocument | undefined {
    const known = this.parsed.get(buffer.uri);
    if (known?.version === buffer.version && known.text.getText() === buffer.getText()) return known;
    const doc = parseDocument({ uri: buffer.uri, relPath: rel, text: buffer.getText(), version: buffer.version }, folder.index.config.folders);
    if (doc) this.parsed.set(buffer.uri, doc);
    else this.parsed.delete(buffer.uri);
    return doc;
  }

  /** The buffer closed, or its file appeared on disk: its parse is no longer needed. */
  drop(uri: string): void {
    this.parsed.delete(uri);
  }
}
