import {
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { loadBundledData } from '../node/bundledData';
import { OutlinePool } from '../node/outlinePool';
import { clientCommandsOf, type ClientCommands } from '../shared/commands';
import { readOnlyOf } from '../shared/settings';
import { ATTEST_VERSION } from '../shared/version';
import { BufferSync } from './bufferSync';
import { CoverageFeed } from './coverageFeed';
import { bundledCriterionEntries } from './dataEntries';
import { FolderSet, type Root } from './folders';
import { handlerCapabilities, registerHandlers } from './handlers';
import { Indexer, type ClientSupport } from './indexing';
import { Publisher } from './publisher';
import { describeError, inBackground, type Logger } from './runSafe';

/**
 * The language server: wiring only. Folders and their language services live in
 * `FolderSet`, buffers and file events in `BufferSync`, publication in `Publisher`,
 * coverage notifications in `CoverageFeed`, indexing in `Indexer`, requests in `handlers/`.
 */
export class AttestServer {
  readonly buffers = new TextDocuments(TextDocument);
  readonly folders = new FolderSet();
  private readonly coverage: CoverageFeed;
  private readonly publisher: Publisher;
  private readonly sync: BufferSync;
  private readonly indexer: Indexer;
  /** Workers that outline Markdown while a large folder is indexed. */
  private readonly outlines = new OutlinePool();
  private clientCommands: ClientCommands = new Set();
  private support: ClientSupport & { readonly watchRegistration: boolean; readonly workspaceFolders: boolean; readonly lensRefresh: boolean } = {
    configuration: false,
    progress: false,
    readOnly: false,
    watchRegistration: false,
    workspaceFolders: false,
    lensRefresh: false,
  };
  private roots: readonly Root[] = [];
  private readonly criterionEntry = bundledCriterionEntries();
  readonly log: Logger = (what, error) => this.connection.console.error(`${what}: ${describeError(error)}`);

  constructor(readonly connection: Connection) {
    this.coverage = new CoverageFeed(connection, this.folders, () => this.support.lensRefresh);
    this.publisher = new Publisher(connection, this.buffers, this.folders, this.coverage);
    this.sync = new BufferSync(this.buffers, this.folders, this.publisher, (params) => void connection.sendDiagnostics(params));
    this.indexer = new Indexer(connection, this.buffers, this.folders, this.publisher, this.coverage, () => this.support, this.log);
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(inBackground(this.log, 'start', () => this.initialized()));
    connection.onDidChangeConfiguration(inBackground(this.log, 'settings', () => this.indexer.refreshSettings()));
    connection.onDidChangeWatchedFiles(inBackground(this.log, 'file events', (params) => this.sync.filesChanged(params.changes)));
    this.buffers.onDidChangeContent(inBackground(this.log, 'change', (e) => this.sync.bufferChanged(e.document.uri)));
    this.buffers.onDidClose(inBackground(this.log, 'close', (e) => this.sync.bufferClosed(e.document.uri)));
    connection.onShutdown(async () => {
      this.coverage.dispose();
      await this.outlines.close();
      // What changed since the folders were indexed (edits, file events) is kept for the next session.
      await Promise.all(this.folders.all.flatMap((f) => (f.cache ? [f.cache.save()] : [])));
    });
    this.buffers.listen(connection);
    registerHandlers({ connection, buffers: this.buffers, folders: this.folders, sync: this.sync, log: this.log });
  }

  private initialize(params: InitializeParams): InitializeResult {
    const capabilities = params.capabilities;
    this.clientCommands = clientCommandsOf(params.initializationOptions);
    this.support = {
      configuration: capabilities.workspace?.configuration === true,
      progress: capabilities.window?.workDoneProgress === true,
      readOnly: readOnlyOf(params.initializationOptions),
      watchRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      workspaceFolders: capabilities.workspace?.workspaceFolders === true,
      lensRefresh: capabilities.workspace?.codeLens?.refreshSupport === true,
    };
    this.roots = params.workspaceFolders?.length
      ? params.workspaceFolders
      : params.rootUri
        ? [{ uri: params.rootUri, name: URI.parse(params.rootUri).path.split('/').pop() ?? 'workspace' }]
        : [];
    this.createFolders();
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...handlerCapabilities(),
      },
      serverInfo: { name: 'attest', version: ATTEST_VERSION },
    };
  }

  private createFolders(): void {
    this.folders.replace(this.roots, {
      buffers: this.buffers,
      data: loadBundledData(),
      clientCommands: this.clientCommands,
      outliner: this.outlines.available ? this.outlines.outliner : undefined,
      criterionEntry: this.criterionEntry,
    });
  }

  private async initialized(): Promise<void> {
    const indexing = this.folders.all.map((folder) => this.indexer.indexFolder(folder));
    if (this.support.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders(
        inBackground(this.log, 'workspace folders', (event) => {
          const removed = new Set(event.removed.map((f) => f.uri));
          this.roots = [...this.roots.filter((r) => !removed.has(r.uri)), ...event.added];
          return this.reindexFolders();
        }),
      );
    }
    if (this.support.watchRegistration) {
      await this.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] })
        .catch((error: unknown) => this.log('Attest could not watch the workspace files', error));
    }
    await Promise.all(indexing);
    this.sync.republishCrossFolderReferences();
  }

  /** Folders came or went: nesting may have changed too, so index them all again. */
  private async reindexFolders(): Promise<void> {
    await this.folders.allReady();
    this.createFolders();
    this.publisher.clearOrphans();
    await Promise.all(this.folders.all.map((folder) => this.indexer.indexFolder(folder)));
    this.sync.republishCrossFolderReferences();
    this.coverage.mayHaveChanged();
  }
}

export function startServer(): AttestServer {
  const connection = createConnection(ProposedFeatures.all);
  const server = new AttestServer(connection);
  process.on('unhandledRejection', (error) => server.log('Attest: unexpected error', error));
  connection.listen();
  return server;
}
