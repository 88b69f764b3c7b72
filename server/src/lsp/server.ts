import { fileURLToPath } from 'url';
import { ATTEST_VERSION } from '../shared/version';
import {
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CONFIG_FILE } from '../core/config';
import { WorkspaceIndex, type WorkspaceHost } from '../core/index/workspaceIndex';
import type { AttestDocument } from '../core/document/model';
import type { Diagnostic, Severity } from '../core/types';
import { loadBundledData } from '../node/bundledData';
import { FileSystemHost } from '../node/fileSystemHost';
import { OutlinePool } from '../node/outlinePool';
import { featureCapabilities, registerFeatures } from './features';
import { CoverageChangedNotification, CoverageRequest, IndexingNotification, type FolderCoverage } from '../shared/protocol';
import { toConfigDefaults, type AttestSettings } from './settings';
import { clientCommandsOf, type ClientCommands } from '../shared/commands';

/** A buffer whose last update took this long (ms) gathers the edits that follow for a moment. */
const SLOW_UPDATE_MS = 25;
/** How long it gathers them (ms): short beside the update itself. */
const GATHER_EDITS_MS = 8;

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'attest',
    message: d.message,
    ...(d.data ? { data: d.data } : {}),
    ...(d.related ? { relatedInformation: d.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message })) } : {}),
  };
}

/** One workspace folder: its index and what was last published for it. */
export interface Folder {
  readonly uri: string;
  readonly name: string;
  readonly index: WorkspaceIndex;
  /** The folder on disk, without the editor's unsaved buffers. */
  readonly disk: FileSystemHost;
  /** Settles when the first indexing of the folder ended; requests wait for it. */
  readonly ready: Promise<void>;
  readonly markReady: () => void;
  isReady: boolean;
}

/**
 * The language server: thin glue between LSP and the core. Every folder has a workspace
 * index; diagnostics are published for every document of it, opened or not.
 */
export class AttestServer {
  readonly documents = new TextDocuments(TextDocument);
  readonly folders: Folder[] = [];
  private readonly published = new Set<string>();
  /** The editor commands the client runs, which results may then carry. */
  clientCommands: ClientCommands = new Set();
  /** Buffers with an update queued that has not read their text yet. */
  private readonly updateQueued = new Set<string>();
  /** How long the last update of each buffer took, in ms. */
  private readonly updateCost = new Map<string, number>();
  private lastCoverage = '';
  /** Workspace-wide results (coverage, attest.yaml findings) wait for a pause in typing. */
  private workspaceRefresh: NodeJS.Timeout | undefined;
  static readonly WORKSPACE_REFRESH_DELAY_MS = 150;
  private supportsConfiguration = false;
  private supportsWatchRegistration = false;
  private supportsProgress = false;
  private supportsWorkspaceFolders = false;
  private roots: readonly { uri: string; name: string }[] = [];
  /** Workers that outline Markdown while a large folder is indexed. */
  private readonly outlines = new OutlinePool();

  constructor(readonly connection: Connection) {
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(this.inBackground('start', () => this.initialized()));
    connection.onDidChangeConfiguration(this.inBackground('settings', () => this.refreshSettings()));
    connection.onDidChangeWatchedFiles(this.inBackground('file events', (params) => this.filesChanged(params.changes)));
    connection.onRequest(CoverageRequest.method, async (): Promise<CoverageRequest.Result> => {
      await Promise.all(this.folders.map((f) => f.ready));
      return this.coverage();
    });
    this.documents.onDidChangeContent(this.inBackground('change', (e) => this.bufferChanged(e.document.uri)));
    this.documents.onDidClose(this.inBackground('close', (e) => this.bufferClosed(e.document.uri)));
    connection.onShutdown(async () => {
      if (this.workspaceRefresh) clearTimeout(this.workspaceRefresh);
      await this.outlines.close();
    });
    this.documents.listen(connection);
    registerFeatures(this);
  }

  private initialize(params: InitializeParams): InitializeResult {
    const capabilities = params.capabilities;
    this.clientCommands = clientCommandsOf(params.initializationOptions);
    this.supportsConfiguration = capabilities.workspace?.configuration === true;
    this.supportsWatchRegistration = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.supportsProgress = capabilities.window?.workDoneProgress === true;
    this.supportsWorkspaceFolders = capabilities.workspace?.workspaceFolders === true;
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
        ...featureCapabilities(),
      },
      serverInfo: { name: 'attest', version: ATTEST_VERSION },
    };
  }

  /**
   * One index per workspace folder. A folder nested in another is left out of the outer
   * one, so each file has one index and one set of diagnostics.
   */
  private createFolders(): void {
    const data = loadBundledData();
    const roots = this.roots.filter((r) => URI.parse(r.uri).scheme === 'file');
    this.folders.length = 0;
    for (const root of roots) {
      const path = URI.parse(root.uri).path.replace(/\/$/, '');
      const nested = roots.map((r) => URI.parse(r.uri).path.replace(/\/$/, '')).filter((p) => p.startsWith(path + '/')).map((p) => p.slice(path.length + 1));
      const disk = new FileSystemHost(fileURLToPath(root.uri), nested);
      const index: WorkspaceIndex = new WorkspaceIndex(root.uri, new EditorOverlayHost(disk, this.documents, (rel): string => index.uriOf(rel)), data, {
        outliner: this.outlines.available ? this.outlines.outliner : undefined,
      });
      // Not ready from the start: a request that comes before indexing must not see an empty index.
      let markReady = (): void => undefined;
      const ready = new Promise<void>((resolve) => (markReady = resolve));
      this.folders.push({ uri: root.uri, name: root.name, index, disk, ready, markReady, isReady: false });
    }
  }

  private async initialized(): Promise<void> {
    const indexing = this.folders.map((folder) => this.indexFolder(folder));
    if (this.supportsWorkspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders(this.inBackground('workspace folders', (event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        this.roots = [...this.roots.filter((r) => !removed.has(r.uri)), ...event.added];
        return this.reindexFolders();
      }));
    }
    if (this.supportsWatchRegistration) {
      await this.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] })
        .catch((error: unknown) => this.logError('Attest could not watch the workspace files', error));
    }
    await Promise.all(indexing);
  }

  /** Folders came or went: nesting may have changed too, so index them all again. */
  private async reindexFolders(): Promise<void> {
    await Promise.all(this.folders.map((f) => f.ready));
    this.createFolders();
    for (const uri of [...this.published]) if (!this.folderOf(uri)) this.clear(uri);
    await Promise.all(this.folders.map((folder) => this.indexFolder(folder)));
    this.coverageMayHaveChanged();
  }

  /**
   * Wraps a notification handler: its promise is awaited and an exception is logged, so
   * one bad document never ends the server.
   */
  private inBackground<P>(name: string, handler: (params: P) => Promise<void>): (params: P) => void {
    return (params: P) => {
      handler(params).catch((error: unknown) => this.logError(`Attest ${name} failed`, error));
    };
  }

  logError(what: string, error: unknown): void {
    this.connection.console.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  private async indexFolder(folder: Folder): Promise<void> {
    // A client that refuses progress or settings still gets its folder indexed.
    const progress = this.supportsProgress ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Attest: indexing policies', 0, folder.name, false);
    try {
      await this.applySettings(folder).catch((error: unknown) => this.logError(`Attest could not read the settings of ${folder.name}`, error));
      await folder.index.load((done, total) => {
        progress?.report(total ? Math.round((done / total) * 100) : 100, `${done} of ${total} files`);
        void this.connection.sendNotification(IndexingNotification.method, { folder: folder.uri, done, total, finished: false } satisfies IndexingNotification.Params);
      });
      // Open editor buffers win over the disk.
      for (const doc of this.documents.all()) {
        const rel = folder.index.relPathOf(doc.uri);
        if (rel !== undefined) await folder.index.update(rel, doc.getText(), doc.version);
      }
    } catch (error) {
      this.logError(`Attest could not index ${folder.name}`, error);
    } finally {
      folder.markReady();
      folder.isReady = true;
      progress?.done();
      void this.connection.sendNotification(IndexingNotification.method, { folder: folder.uri, done: folder.index.documentCount, total: folder.index.documentCount, finished: true } satisfies IndexingNotification.Params);
    }
    this.publishAll(folder);
    this.coverageMayHaveChanged();
  }

  private async applySettings(folder: Folder): Promise<void> {
    if (!this.supportsConfiguration) return;
    const settings = (await this.connection.workspace.getConfiguration({ scopeUri: folder.uri, section: 'attest' })) as AttestSettings | null;
    await folder.index.setDefaults(toConfigDefaults(settings));
  }

  private async refreshSettings(): Promise<void> {
    for (const folder of this.folders) {
      await folder.ready;
      await this.applySettings(folder);
      this.publishAll(folder);
    }
    this.coverageMayHaveChanged();
  }

  /**
   * The folder and the parsed document at `uri`, current with the editor buffer, for
   * feature requests; undefined for files that are not Attest documents.
   */
  async documentAt(uri: string): Promise<{ folder: Folder; doc: AttestDocument } | undefined> {
    const at = await this.locate(uri);
    if (!at) return undefined;
    const { folder, rel } = at;
    const buffer = this.documents.get(uri);
    const known = folder.index.get(rel);
    // Catch up a document the index holds but at an older version; a buffer new to the
    // index (attest.yaml, a README) is not a document, and its change is already queued.
    if (buffer && known && known.version !== buffer.version) {
      const change = await folder.index.updateFrom(rel, () => this.bufferState(uri));
      this.publish(folder, change.all ? undefined : change.affected);
    }
    const doc = folder.index.get(rel);
    return doc ? { folder, doc } : undefined;
  }

  /**
   * Wraps a request handler: an exception becomes a safe empty answer (and a log line),
   * never a crashed server or an error popup in the editor.
   */
  safely<P, R>(name: string, fallback: R, handler: (params: P) => Promise<R> | R): (params: P) => Promise<R> {
    return async (params: P) => {
      try {
        return await handler(params);
      } catch (error) {
        this.connection.console.error(`Attest ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
  }

  /** The folder a URI belongs to: the deepest one that contains it. */
  folderOf(uri: string): Folder | undefined {
    let best: Folder | undefined;
    for (const folder of this.folders) {
      if (folder.index.relPathOf(uri) !== undefined && (!best || folder.uri.length > best.uri.length)) best = folder;
    }
    return best;
  }

  /** The indexed folder of a URI and the URI's path in it, once the folder is indexed. */
  private async locate(uri: string): Promise<{ folder: Folder; rel: string } | undefined> {
    const folder = this.folderOf(uri);
    if (!folder) return undefined;
    await folder.ready;
    const rel = folder.index.relPathOf(uri);
    return rel === undefined ? undefined : { folder, rel };
  }

  /**
   * One queued update per buffer at a time: it reads the buffer when its turn comes, so
   * keystrokes that arrive while a large document is parsed cost one more parse, not one each.
   */
  private async bufferChanged(uri: string): Promise<void> {
    if (this.updateQueued.has(uri)) return;
    this.updateQueued.add(uri);
    let read = false;
    try {
      const at = await this.locate(uri);
      if (!at) return;
      // A buffer slow to check waits a moment, so that the edits already on their way join this update.
      if ((this.updateCost.get(uri) ?? 0) >= SLOW_UPDATE_MS) await new Promise((resolve) => setTimeout(resolve, GATHER_EDITS_MS));
      let started = 0;
      const change = await at.folder.index.updateFrom(at.rel, () => {
        // Timed from its turn in the queue: waiting behind another document's parse is not this one's cost.
        started = performance.now();
        read = true;
        this.updateQueued.delete(uri);
        return this.bufferState(uri);
      });
      if (read) this.updateCost.set(uri, performance.now() - started);
      this.publish(at.folder, change.all ? undefined : change.affected);
    } finally {
      if (!read) this.updateQueued.delete(uri);
    }
  }

  /** The text and version of an open buffer. */
  private bufferState(uri: string): { text: string; version: number } | undefined {
    const buffer = this.documents.get(uri);
    return buffer && { text: buffer.getText(), version: buffer.version };
  }

  private async bufferClosed(uri: string): Promise<void> {
    this.updateCost.delete(uri);
    const at = await this.locate(uri);
    if (!at) return;
    // The editor's unsaved text is gone: the disk is the truth again.
    const change = await at.folder.index.update(at.rel, await at.folder.disk.readFile(at.rel));
    this.publish(at.folder, change.all ? undefined : change.affected);
  }

  private async filesChanged(changes: readonly { uri: string; type: FileChangeType }[]): Promise<void> {
    const touched = new Map<Folder, Set<string> | undefined>();
    for (const change of changes) {
      const folder = this.folderOf(change.uri);
      if (!folder) continue;
      await folder.ready;
      const rel = folder.index.relPathOf(change.uri);
      // An open buffer wins over the disk until it is closed (closing re-reads the disk).
      if (rel === undefined || this.documents.get(change.uri)) continue;
      const deleted = change.type === FileChangeType.Deleted;
      // A created folder comes as one event (a renamed one too): index what is in it.
      const createdFolder = change.type === FileChangeType.Created && folder.disk.isDirectory(rel);
      const result = createdFolder ? await folder.index.addFolder(rel) : await folder.index.update(rel, deleted ? undefined : await folder.disk.readFile(rel));
      const sofar = touched.has(folder) ? touched.get(folder) : new Set<string>();
      if (result.all || sofar === undefined) touched.set(folder, undefined);
      else {
        result.affected.forEach((p) => sofar.add(p));
        touched.set(folder, sofar);
      }
    }
    for (const [folder, affected] of touched) this.publish(folder, affected);
  }

  /** Whether a folder is still one of the workspace's (a handler may outlive its folder). */
  private isCurrent(folder: Folder): boolean {
    return this.folders.includes(folder);
  }

  private publish(folder: Folder, affected: ReadonlySet<string> | undefined): void {
    if (!this.isCurrent(folder)) return;
    if (!affected) return this.publishAll(folder);
    for (const rel of affected) this.publishDocument(folder, rel);
    this.scheduleWorkspaceRefresh();
  }

  /**
   * Coverage and attest.yaml's findings cost a pass over the workspace: computed once
   * typing pauses, not on every keystroke.
   */
  private scheduleWorkspaceRefresh(): void {
    if (this.workspaceRefresh) clearTimeout(this.workspaceRefresh);
    this.workspaceRefresh = setTimeout(() => {
      this.workspaceRefresh = undefined;
      for (const folder of this.folders) this.publishConfig(folder);
      this.coverageMayHaveChanged();
    }, AttestServer.WORKSPACE_REFRESH_DELAY_MS);
  }

  private publishAll(folder: Folder): void {
    if (!this.isCurrent(folder)) return;
    const live = new Set<string>();
    for (const doc of folder.index.documents) {
      live.add(doc.uri);
      this.publishDocument(folder, doc.relPath);
    }
    // Files that stopped being documents (or vanished) lose their diagnostics.
    for (const uri of [...this.published]) {
      if (!live.has(uri) && this.folderOf(uri) === folder && uri !== folder.index.configUri) this.clear(uri);
    }
    this.publishConfig(folder);
    this.coverageMayHaveChanged();
  }

  private publishDocument(folder: Folder, rel: string): void {
    if (!this.isCurrent(folder)) return;
    const uri = folder.index.uriOf(rel);
    const doc = folder.index.get(rel);
    if (!doc) return this.clear(uri);
    const diagnostics = folder.index.diagnose(rel).map(toLspDiagnostic);
    this.published.add(uri);
    void this.connection.sendDiagnostics({ uri, version: this.checkedVersion(uri, doc), diagnostics });
  }

  /**
   * The buffer version whose text `doc` was checked at: the index's own version, which a
   * burst of edits may have passed; the buffer's, when the index read the buffer's current
   * text without its version (a re-index reads open buffers through the overlay host).
   */
  private checkedVersion(uri: string, doc: AttestDocument): number | undefined {
    const buffer = this.documents.get(uri);
    if (!buffer) return undefined;
    return doc.version === buffer.version || doc.text.getText() === buffer.getText() ? buffer.version : doc.version;
  }

  private publishConfig(folder: Folder): void {
    if (!this.isCurrent(folder) || !folder.isReady) return;
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

  coverage(): FolderCoverage[] {
    return this.folders.map((folder) => {
      const documents: Record<string, FolderCoverage['documents'][string]> = {};
      for (const doc of folder.index.documents) {
        if (!doc.id || documents[doc.id.value]) continue;
        const claims: Record<string, { line: number; character: number }> = {};
        for (const c of [...doc.criteria, ...doc.ml]) claims[c.value] ??= c.range.start;
        documents[doc.id.value] = { uri: doc.uri, title: doc.title?.value ?? doc.id.value, type: doc.type ?? 'document', status: doc.status?.value ?? 'draft', claims };
      }
      return { folder: folder.uri, name: folder.name, configUri: folder.index.configUri, coverage: folder.index.coverage(), documents };
    });
  }

  private coverageMayHaveChanged(): void {
    // Coverage of a folder still indexing would be partial: wait for it.
    if (!this.folders.every((f) => f.isReady)) return;
    const coverage = this.coverage();
    const text = JSON.stringify(coverage);
    if (text === this.lastCoverage) return;
    this.lastCoverage = text;
    void this.connection.sendNotification(CoverageChangedNotification.method, { folders: coverage } satisfies CoverageChangedNotification.Params);
  }
}

/** The index reads open editor buffers instead of the disk: unsaved text is what the user sees. */
class EditorOverlayHost implements WorkspaceHost {
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

export function startServer(): AttestServer {
  const connection = createConnection(ProposedFeatures.all);
  const server = new AttestServer(connection);
  process.on('unhandledRejection', (error) => server.logError('Attest: unexpected error', error));
  connection.listen();
  return server;
}
