import * as vscode from 'vscode';
import {
  CloseAction,
  DidChangeConfigurationNotification,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CoverageChangedNotification, CoverageRequest, IndexingNotification } from '../../server/src/shared/protocol';
import type { CoverageStore } from './coverageStore';
import { serverModule, SETTINGS_SECTION } from './settings';
import { ALL_CLIENT_COMMANDS } from '../../server/src/shared/commands';

/** Restarts allowed within {@link RESTART_WINDOW_MINUTES} before the client gives up (the library's default). */
export const MAX_RESTARTS = 4;
const RESTART_WINDOW_MINUTES = 3;

/**
 * Owns the LanguageClient: starts `dist/attest.js lsp` over IPC, restarts it when it dies
 * (up to {@link MAX_RESTARTS} times in three minutes, then says so with a Restart button),
 * and feeds the coverage store from Attest's own notifications.
 */
export class AttestLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  /** Whether a server of this client ever started; until then a close is a failed start. */
  private startedOnce = false;
  private clientDisposables: vscode.Disposable[] = [];
  readonly output: vscode.LogOutputChannel;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly store: CoverageStore,
  ) {
    this.output = vscode.window.createOutputChannel('Attest', { log: true });
  }

  /** The running client, for tests and commands; undefined before the first start. */
  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  get isRunning(): boolean {
    return this.client?.state === State.Running;
  }

  /** Starts the server once; later calls wait for the same start. */
  start(): Promise<void> {
    if (this.client && this.client.state !== State.Stopped && this.client.state !== State.StartFailed) return this.starting ?? Promise.resolve();
    this.starting = this.doStart();
    return this.starting;
  }

  async restart(): Promise<void> {
    if (!this.client || this.client.state === State.Stopped || this.client.state === State.StartFailed) {
      await this.stop();
      return this.start();
    }
    await this.client.restart();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client && client.state !== State.Stopped) await client.stop().catch(() => undefined);
    await client?.dispose().catch(() => undefined);
  }

  /** Asks the server for the coverage again and updates the store. */
  async refreshCoverage(): Promise<void> {
    if (!this.client || !this.isRunning) return;
    const coverage = await this.client.sendRequest<CoverageRequest.Result>(CoverageRequest.method);
    this.store.setCoverage(coverage);
  }

  private async doStart(): Promise<void> {
    const module = serverModule(this.context);
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, args: ['lsp'] },
      debug: { module, transport: TransportKind.ipc, args: ['lsp'], options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      // Documents outside a workspace folder are nobody's: the server indexes folders on disk.
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'file', pattern: '**/attest.yaml' },
      ],
      // `workspace/configuration` requests for the `attest` section are answered by the
      // library from each folder's settings (pull model). No `synchronize`: its
      // `configurationSection` would also push the settings once at start-up, which the server
      // does not need; changes are forwarded below instead. No `fileEvents` either: the server
      // registers its own `**/*` watcher (dynamic registration of
      // workspace/didChangeWatchedFiles, which this client supports).
      outputChannel: this.output,
      // The server reports problems itself; Attest's output channel is there for the details.
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      markdown: { isTrusted: false, supportHtml: false },
      // The commands this extension runs (the lens's reveal, VS Code's suggest): the server
      // attaches them to lenses and completions only for a client that names them. In
      // Restricted Mode the server writes nothing into the workspace (no cache).
      initializationOptions: { clientCommands: [...ALL_CLIENT_COMMANDS], readOnly: !vscode.workspace.isTrusted },
      errorHandler: this.errorHandler(() => client),
    };
    const client = new LanguageClient('attest', 'Attest', serverOptions, clientOptions);
    this.client = client;
    const indexed = () => (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').length;
    this.store.expectIndexing(indexed());
    this.clientDisposables.forEach((d) => d.dispose());
    this.clientDisposables = [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS_SECTION) && client.state === State.Running) {
          // The server pulls the folders' `attest` settings again when told.
          void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
        }
      }),

      client.onNotification(CoverageChangedNotification.method, (params: CoverageChangedNotification.Params) => this.store.setCoverage(params.folders)),
      client.onNotification(IndexingNotification.method, (params: IndexingNotification.Params) => {
        this.store.setIndexing(params);
        // Every folder is indexed: ask for the coverage (the server answers once it is final).
        if (params.finished && !this.store.indexingPending) {
          void this.refreshCoverage().catch((error: unknown) => this.output.warn(`attest/coverage failed: ${String(error)}`));
        }
      }),
      client.onDidChangeState((e) => {
        // After a restart the server indexes again and then sends the coverage.
        if (e.newState === State.Starting) this.store.expectIndexing(indexed());
      }),
    ];
    try {
      await client.start();
      this.startedOnce = true;
    } catch (error) {
      this.store.setState('failed');
      this.output.error(`Attest could not start its language server: ${error instanceof Error ? error.message : String(error)}`);
      void this.showFailure('Attest could not start its language server.');
      return;
    }
    // The notification may have come before the handler saw it; ask once.
    await this.refreshCoverage().catch((error: unknown) => this.output.warn(`attest/coverage failed: ${String(error)}`));
  }

  /** The library's restart policy, with Attest's own message (and buttons) when it gives up. */
  private errorHandler(client: () => LanguageClient): ErrorHandler {
    let defaultHandler: ErrorHandler | undefined;
    const fallback = (): ErrorHandler => (defaultHandler ??= client().createDefaultErrorHandler(MAX_RESTARTS));
    return {
      error: (error, message, count): ErrorHandlerResult | Promise<ErrorHandlerResult> => {
        this.output.error(`Attest language server connection error: ${error.message}`);
        return fallback().error(error, message, count) ?? { action: ErrorAction.Continue };
      },
      closed: async (): Promise<CloseHandlerResult> => {
        // A server that dies before it ever started is reported once by start(), not restarted behind that message.
        if (!this.startedOnce) return { action: CloseAction.DoNotRestart, handled: true };
        const result = await fallback().closed();
        if (result.action === CloseAction.DoNotRestart) {
          this.store.setState('failed');
          void this.showFailure(
            `The Attest language server stopped ${MAX_RESTARTS + 1} times in ${RESTART_WINDOW_MINUTES} minutes and will not be restarted. Diagnostics and coverage are out of date.`,
          );
          return { action: CloseAction.DoNotRestart, handled: true };
        }
        this.output.warn('The Attest language server stopped; restarting it.');
        this.store.setState('loading');
        return { action: CloseAction.Restart, handled: true };
      },
    };
  }

  private async showFailure(message: string): Promise<void> {
    const choice = await vscode.window.showErrorMessage(message, 'Restart Server', 'Show Output');
    if (choice === 'Restart Server') await vscode.commands.executeCommand('attest.restartServer');
    else if (choice === 'Show Output') this.output.show();
  }

  dispose(): void {
    this.clientDisposables.forEach((d) => d.dispose());
    void this.stop();
    this.output.dispose();
  }
}
