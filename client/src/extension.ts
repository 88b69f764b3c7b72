import * as vscode from 'vscode';
import { isAttestDocument, looksLikeAttestWorkspace } from './activation';
import { registerCommands } from './commands';
import { exportCoverage, type ExportFormat, type ExportOptions } from './commands/exportCoverage';
import { exportSoa, type SoaFormat, type SoaFramework, type SoaOptions } from './commands/exportSoa';
import { createDocument, type NewDocumentSpec } from './commands/newDocument';
import { revealCoverage } from './commands/reveal';
import { CoverageStore } from './coverageStore';
import { CoverageTreeProvider, VIEW_ID, type CoverageNode } from './coverageTree';
import { registerEvidenceView } from './evidenceView';
import { AttestLanguageClient } from './languageClient';
import type { Services } from './services';
import { CoverageStatusBar } from './statusBar';
import { attestPreviewPlugin, type MarkdownIt } from './preview/plugin';

/** What `activate` returns: used by the extension-host tests, and by other extensions if they care. */
export interface AttestApi {
  readonly coverageTree: CoverageTreeProvider;
  readonly coverageView: vscode.TreeView<CoverageNode>;
  readonly store: CoverageStore;
  readonly statusBar: vscode.StatusBarItem;
  /** The language client wrapper (its `languageClient` is undefined until the server starts). */
  readonly client: AttestLanguageClient;
  /** Starts the server if needed and resolves once coverage has arrived. */
  whenReady(): Promise<void>;
  /** `attest.exportCoverage` without the quick pick: writes the report and returns its URI. */
  exportCoverage(format: ExportFormat, options?: ExportOptions): Promise<vscode.Uri>;
  /** `attest.exportSoa` without the prompts: writes the Statement of Applicability and returns its URI. */
  exportSoa(framework: SoaFramework, format: SoaFormat, options?: SoaOptions): Promise<vscode.Uri>;
  /** `attest.newDocument` without the prompts. */
  createDocument(folder: vscode.Uri, spec: NewDocumentSpec): Promise<vscode.Uri>;
  /** `attest.revealCoverage` for a criterion, topic or document id. */
  reveal(id: string): Promise<CoverageNode | undefined>;
  /** VS Code's Markdown preview calls it (`markdown.markdownItPlugins`): the frontmatter card. */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

let services: Services | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<AttestApi> {
  const store = new CoverageStore();
  const client = new AttestLanguageClient(context, store);
  const tree = new CoverageTreeProvider(store);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const statusBar = new CoverageStatusBar(store);
  context.subscriptions.push(store, client, tree, treeView, statusBar);

  const ensureServer = async (): Promise<void> => {
    if (!vscode.workspace.workspaceFolders?.length) {
      store.setState('noFolder');
      return;
    }
    await client.start();
  };
  const request = async <R>(method: string, params: object): Promise<R> => {
    await ensureServer();
    const running = client.languageClient;
    if (!running) throw new Error('The Attest language server is not running.');
    return running.sendRequest<R>(method, params);
  };
  services = { context, store, client, tree, treeView, ensureServer, request };
  const s = services;
  context.subscriptions.push(...registerCommands(s), registerEvidenceView(s));
  // Trusted now: start again without the read-only promise, so that the server keeps its cache.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => (client.isRunning ? client.restart() : undefined)));

  // Start the server only where there is something Attest reads (see activation.ts).
  const startIfAttest = async (): Promise<void> => {
    if (client.languageClient) return;
    if (!vscode.workspace.workspaceFolders?.length) return store.setState('noFolder');
    store.setState('idle');
    if (await looksLikeAttestWorkspace()) await ensureServer();
  };
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/attest.yaml', false, true, true);
  context.subscriptions.push(
    configWatcher,
    configWatcher.onDidCreate(() => void startIfAttest()),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (!client.languageClient && isAttestDocument(doc)) void ensureServer();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void startIfAttest()),
  );
  void startIfAttest().catch((error: unknown) => client.output.error(`Attest could not start: ${String(error)}`));

  return {
    coverageTree: tree,
    coverageView: treeView,
    store,
    statusBar: statusBar.item,
    client,
    async whenReady() {
      if (!vscode.workspace.workspaceFolders?.length) throw new Error('Attest has no workspace folder to index.');
      await ensureServer();
      await store.whenSettled();
    },
    exportCoverage: (format, options) => exportCoverage(s, format, options),
    exportSoa: (framework, format, options) => exportSoa(s, framework, format, options),
    createDocument: (folder, spec) => createDocument(s, folder, spec),
    reveal: (id) => revealCoverage(s, id),
    extendMarkdownIt: (md) => md.use(attestPreviewPlugin),
  };
}

export async function deactivate(): Promise<void> {
  await services?.client.stop();
  services = undefined;
}
