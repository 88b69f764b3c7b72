import type * as vscode from 'vscode';
import type { CoverageNode, CoverageTreeProvider } from './coverageTree';
import type { CoverageStore } from './coverageStore';
import type { AttestLanguageClient } from './languageClient';

/** What the commands work with. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly store: CoverageStore;
  readonly client: AttestLanguageClient;
  readonly tree: CoverageTreeProvider;
  readonly treeView: vscode.TreeView<CoverageNode>;
  /** Starts the server if it is not running (commands that need coverage call this). */
  ensureServer(): Promise<void>;
  /** Sends one of Attest's requests, starting the server first; fails when it cannot run. */
  request<R>(method: string, params: object): Promise<R>;
}
