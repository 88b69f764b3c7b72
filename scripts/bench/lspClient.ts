/**
 * A minimal LSP client for timing the language server as an editor drives it: the real
 * `bin/attest.js lsp --stdio` in a child process, spoken to over the protocol only, so the
 * benchmark keeps measuring whatever the server does inside.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import {
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  WorkDoneProgressCreateRequest,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { procMemoryMb } from './processes';

interface Publication {
  readonly uri: string;
  readonly version?: number;
  readonly at: number;
}

export class LspClient {
  readonly connection: ProtocolConnection;
  /** When each uri's diagnostics were first published. */
  readonly firstPublished = new Map<string, number>();
  /** When the server said it finished indexing the folder (its `attest/indexing` notification). */
  indexedAt: number | undefined;
  syncKind: TextDocumentSyncKind = TextDocumentSyncKind.Full;
  private readonly waiters = new Set<(p: Publication) => void>();
  private readonly child: ChildProcess;
  private stderr = '';

  constructor(
    repo: string,
    readonly root: string,
  ) {
    this.child = spawn(process.execPath, [path.join(repo, 'bin', 'attest.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const publication = { uri: params.uri, version: params.version, at: performance.now() };
      if (!this.firstPublished.has(params.uri)) this.firstPublished.set(params.uri, publication.at);
      for (const waiter of [...this.waiters]) waiter(publication);
    });
    this.connection.onNotification('attest/indexing', (params: { finished?: boolean }) => {
      if (params.finished && this.indexedAt === undefined) this.indexedAt = performance.now();
    });
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({})));
    this.connection.listen();
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  uri(rel: string): string {
    return pathToFileURL(path.join(this.root, rel)).toString();
  }

  async initialize(): Promise<void> {
    const rootUri = pathToFileURL(this.root).toString();
    const result: InitializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(this.root) }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, hover: { contentFormat: ['markdown', 'plaintext'] }, completion: { completionItem: { snippetSupport: true } } },
      },
    });
    const sync = result.capabilities.textDocumentSync;
    this.syncKind = typeof sync === 'number' ? sync : (sync?.change ?? TextDocumentSyncKind.None);
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  async open(rel: string, text: string): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: this.uri(rel), languageId: 'markdown', version: 1, text } });
  }

  /** Sends one edit, incremental when the server accepts it (as editors do), else the whole text. */
  async change(rel: string, version: number, text: string, edit: TextDocumentContentChangeEvent): Promise<void> {
    const contentChanges = this.syncKind === TextDocumentSyncKind.Incremental ? [edit] : [{ text }];
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: this.uri(rel), version }, contentChanges });
  }

  /** Resolves at the first publication for `uri` that `accept` takes (with its time), or rejects after `deadlineMs`. */
  nextPublication(uri: string, deadlineMs: number, accept: (p: Publication) => boolean = () => true): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no diagnostics for ${uri} within ${deadlineMs} ms; server stderr: ${this.stderr}`));
      }, deadlineMs);
      const waiter = (p: Publication) => {
        if (p.uri !== uri || !accept(p)) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(p.at);
      };
      this.waiters.add(waiter);
    });
  }

  /** Resolves when every uri of `uris` has had diagnostics published (the time of the last), or undefined after `deadlineMs`. */
  allPublished(uris: readonly string[], deadlineMs: number): Promise<number | undefined> {
    const missing = new Set(uris.filter((u) => !this.firstPublished.has(u)));
    if (missing.size === 0) return Promise.resolve(Math.max(...uris.map((u) => this.firstPublished.get(u)!)));
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(undefined);
      }, deadlineMs);
      const waiter = (p: Publication) => {
        missing.delete(p.uri);
        if (missing.size > 0) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(p.at);
      };
      this.waiters.add(waiter);
    });
  }

  /** Milliseconds a hover request takes to be answered, and whether the answer had content. */
  async hover(rel: string, position: Position): Promise<{ ms: number; answered: boolean }> {
    const start = performance.now();
    const hover = await this.connection.sendRequest(HoverRequest.type, { textDocument: { uri: this.uri(rel) }, position });
    return { ms: performance.now() - start, answered: hover !== null };
  }

  async completion(rel: string, position: Position): Promise<{ ms: number; answered: boolean }> {
    const start = performance.now();
    const list = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: this.uri(rel) }, position });
    const items = Array.isArray(list) ? list : (list?.items ?? []);
    return { ms: performance.now() - start, answered: items.length > 0 };
  }

  memoryMb(): { rss: number | undefined; peak: number | undefined } {
    return { rss: procMemoryMb(this.pid, 'VmRSS'), peak: procMemoryMb(this.pid, 'VmHWM') };
  }

  stop(): Promise<void> {
    return stopServer(this.connection, this.child, 5000);
  }
}

/**
 * Ends a language server as a client should: `shutdown` (waiting at most `graceMs` for its
 * answer), `exit`, then the process is killed if it is still there.
 */
export async function stopServer(connection: ProtocolConnection, child: ChildProcess, graceMs: number): Promise<void> {
  try {
    await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, graceMs))]);
    await connection.sendNotification(ExitNotification.type);
  } catch {
    // the server may be gone already
  }
  connection.dispose();
  if (child.exitCode === null) child.kill();
}
