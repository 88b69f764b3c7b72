import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection,
  CodeLensRefreshRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  ConfigurationRequest,
  type Diagnostic,
  type FileEvent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ServerCapabilities,
} from 'vscode-languageserver-protocol/node';
import { REPO } from '../helpers';
import { stopServer } from '../../scripts/bench/lspClient';

/** Default deadline for waiting on the server; tests wait for events, never sleep. */
export const DEADLINE_MS = 10_000;

/**
 * The real language server (the `dist/attest.js` bundle, as the extension ships it),
 * started over stdio on a temporary workspace folder, with a minimal LSP client.
 */
export class ServerHarness {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Every publication, in order: which file, for which version of its buffer. */
  readonly publications: { readonly uri: string; readonly version?: number }[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  /** How many publishDiagnostics notifications arrived. */
  published = 0;
  /** How many times the server asked the client to ask for code lenses again. */
  lensRefreshes = 0;
  private readonly listeners = new Set<() => void>();
  private stderr = '';
  settings: Record<string, unknown> = {};
  refuseProgress = false;
  /** What the server announced in its answer to `initialize`. */
  capabilities: ServerCapabilities = {};

  private constructor(
    readonly root: string,
    private readonly child: ChildProcess,
  ) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.publications.push({ uri: params.uri, version: params.version });
      this.published++;
      this.changed();
    });
    this.connection.onUnhandledNotification((message) => {
      this.notifications.push({ method: message.method, params: message.params });
      this.changed();
    });
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(CodeLensRefreshRequest.type, () => {
      this.lensRefreshes++;
      this.changed();
    });
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => {
      if (this.refuseProgress) throw new Error('this client shows no progress');
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    this.connection.listen();
  }

  /** Writes `files` into a new temporary folder and starts the server on it. */
  static async start(
    files: Record<string, string>,
    options: { settings?: Record<string, unknown>; refuseProgress?: boolean; initializationOptions?: unknown; folders?: readonly string[] } = {},
  ): Promise<ServerHarness> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-lsp-'));
    for (const [rel, text] of Object.entries(files)) writeFile(root, rel, text);
    const child = spawn(process.execPath, [path.join(REPO, 'dist', 'attest.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const harness = new ServerHarness(root, child);
    if (options.settings) harness.settings = options.settings;
    harness.refuseProgress = options.refuseProgress === true;
    const rootUri = pathToFileURL(root).toString();
    const initialized = await harness.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      // `folders`: subfolders of the temporary folder opened as a multi-root workspace.
      workspaceFolders: options.folders ? options.folders.map((name) => ({ uri: harness.uri(name), name })) : [{ uri: rootUri, name: path.basename(root) }],
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true }, codeLens: { refreshSupport: true } },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
      },
    });
    harness.capabilities = initialized.capabilities;
    await harness.connection.sendNotification(InitializedNotification.type, {});
    return harness;
  }

  uri(rel: string): string {
    return pathToFileURL(path.join(this.root, rel)).toString();
  }

  /** Resolves when `predicate` holds, checking after every message from the server. */
  waitFor<T>(what: string, predicate: () => T | undefined | false, deadline = DEADLINE_MS): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const value = predicate();
        if (value === undefined || value === false) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out after ${deadline} ms waiting for ${what}. Server stderr:\n${this.stderr}`));
      }, deadline);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = () => void check();
      this.listeners.add(listener);
      check();
    });
  }

  /** Waits until the diagnostics of `rel` satisfy `predicate`, and returns them. */
  diagnosticsOf(rel: string, predicate: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const uri = this.uri(rel);
    return this.waitFor(`diagnostics of ${rel}`, () => {
      const d = this.diagnostics.get(uri);
      return d && predicate(d) ? d : undefined;
    });
  }

  async open(rel: string, text?: string): Promise<void> {
    const content = text ?? fs.readFileSync(path.join(this.root, rel), 'utf8');
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: this.uri(rel), languageId: rel.endsWith('.yaml') ? 'yaml' : 'markdown', version: 1, text: content },
    });
  }

  async close(rel: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: this.uri(rel) } });
  }

  async change(rel: string, text: string, version: number): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri(rel), version },
      contentChanges: [{ text }],
    });
  }

  /** Changes files on disk and tells the server, as the client's file watcher would. */
  async writeFiles(files: Record<string, string | undefined>): Promise<void> {
    const changes: FileEvent[] = [];
    for (const [rel, text] of Object.entries(files)) {
      const existed = fs.existsSync(path.join(this.root, rel));
      if (text === undefined) {
        fs.rmSync(path.join(this.root, rel), { force: true });
        changes.push({ uri: this.uri(rel), type: 3 });
      } else {
        writeFile(this.root, rel, text);
        changes.push({ uri: this.uri(rel), type: existed ? 2 : 1 });
      }
    }
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async stop(): Promise<void> {
    await stopServer(this.connection, this.child, 2000);
    fs.rmSync(this.root, { recursive: true, force: true });
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function writeFile(root: string, rel: string, text: string): void {
  const target = path.join(root, ...rel.split('/'));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
}
