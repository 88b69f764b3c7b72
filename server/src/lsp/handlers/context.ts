import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BufferSync } from '../bufferSync';
import type { FolderSet } from '../folders';
import type { Logger } from '../runSafe';

/** What request handlers may use of the server: they find a document, then ask its folder's language service. */
export interface HandlerContext {
  readonly connection: Connection;
  readonly buffers: TextDocuments<TextDocument>;
  readonly folders: FolderSet;
  /** Finds a document, current with its editor buffer. */
  readonly sync: Pick<BufferSync, 'documentAt'>;
  readonly log: Logger;
}

/** A group of handlers: the capabilities it announces and the handlers it adds. */
export interface HandlerGroup {
  readonly capabilities: ServerCapabilities;
  register(context: HandlerContext): void;
}
