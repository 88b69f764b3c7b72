import * as vscode from 'vscode';
import { COVERED_STATUSES } from '../../server/src/shared/coverage';
import type { FolderCoverage, IndexingNotification } from '../../server/src/shared/protocol';

export type { FolderCoverage } from '../../server/src/shared/protocol';
export type CoverageStatus = FolderCoverage['coverage']['criteria'][number]['status'];
export type CriterionCoverage = FolderCoverage['coverage']['criteria'][number];
export type TopicCoverage = FolderCoverage['coverage']['ml'][number];
export type FrameworkCoverage = NonNullable<FolderCoverage['coverage']['frameworks']>[number];
export type FrameworkItemCoverage = FrameworkCoverage['items'][number];

/** Whether a status counts as covered in the percentage (the server's own definition). */
export function isCovered(status: CoverageStatus): boolean {
  return COVERED_STATUSES.has(status);
}

/** What the client knows about the workspace, for the view's welcome content (`attest.state`). */
export type WorkspaceState =
  /** No folder is open. */
  | 'noFolder'
  /** Folders are open, the server is not running: nothing looks like an Attest workspace. */
  | 'idle'
  /** The server is starting or indexing and has not reported coverage yet. */
  | 'loading'
  /** Coverage arrived but no folder has an attest.yaml or a document. */
  | 'empty'
  /** Coverage is shown. */
  | 'ready'
  /** The server stopped and will not be restarted. */
  | 'failed';

export interface IndexingState {
  readonly done: number;
  readonly total: number;
  readonly finished: boolean;
}

/** A folder with neither attest.yaml nor any document: nothing to show yet. */
export function isEmptyFolder(folder: FolderCoverage): boolean {
  return !folder.configUri && Object.keys(folder.documents).length === 0;
}

/**
 * The last coverage the server sent, the indexing progress and the workspace state. The
 * tree, the status bar and the commands read from here; only the language client writes.
 */
export class CoverageStore implements vscode.Disposable {
  private folderList: readonly FolderCoverage[] = [];
  private stateValue: WorkspaceState;
  private indexingValue: IndexingState | undefined;
  private readonly folderProgress = new Map<string, { done: number; total: number }>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when coverage, indexing or state change. */
  readonly onDidChange = this.changed.event;
  private waiters: Array<() => void> = [];
  /** Folders the server still indexes; coverage is provisional until this is 0. */
  private pendingFolders = 0;

  constructor() {
    this.stateValue = vscode.workspace.workspaceFolders?.length ? 'idle' : 'noFolder';
    void vscode.commands.executeCommand('setContext', 'attest.state', this.stateValue);
  }

  get folders(): readonly FolderCoverage[] {
    return this.folderList;
  }

  get state(): WorkspaceState {
    return this.stateValue;
  }

  get indexing(): IndexingState | undefined {
    return this.indexingValue;
  }

  /** True once coverage arrived at least once since the server (re)started. */
  get hasCoverage(): boolean {
    return this.stateValue === 'ready' || this.stateValue === 'empty';
  }

  /**
   * The server (re)starts and will index `folders` folders: coverage that arrives before
   * each has sent its final `attest/indexing` is kept but not shown as settled.
   */
  expectIndexing(folders: number): void {
    this.pendingFolders = folders;
    this.setState('loading');
  }

  setCoverage(folders: readonly FolderCoverage[]): void {
    this.folderList = folders;
    this.settle();
  }

  setIndexing(params: IndexingNotification.Params): void {
    if (params.finished && this.pendingFolders > 0) this.pendingFolders--;
    // Progress of all folders together, so that a multi-root workspace counts up once.
    this.folderProgress.set(params.folder, { done: params.done, total: params.total });
    let done = 0;
    let total = 0;
    for (const p of this.folderProgress.values()) {
      done += p.done;
      total += p.total;
    }
    this.indexingValue = { done, total, finished: params.finished && this.pendingFolders === 0 };
    // Not settled yet: the coverage computed after indexing is the next one the server sends
    // (the client also asks for it, see languageClient.ts).
    this.changed.fire();
  }

  /** True while the server has folders left to index since it (re)started. */
  get indexingPending(): boolean {
    return this.pendingFolders > 0;
  }

  private settle(): void {
    if (this.pendingFolders > 0) {
      this.changed.fire();
      return;
    }
    this.setState(this.folderList.length === 0 || this.folderList.every(isEmptyFolder) ? 'empty' : 'ready', false);
    this.changed.fire();
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }

  setState(state: WorkspaceState, fire = true): void {
    // Indexing is over when the server failed too: the status bar must show the failure, not a spinner.
    if (state === 'loading' || state === 'idle' || state === 'noFolder' || state === 'failed') {
      this.indexingValue = undefined;
      this.folderProgress.clear();
    }
    if (state === this.stateValue) return;
    this.stateValue = state;
    void vscode.commands.executeCommand('setContext', 'attest.state', state);
    if (fire) this.changed.fire();
    if (state === 'failed') {
      // Nothing more is coming: whoever waits for coverage finds the failure in `state`.
      const waiters = this.waiters;
      this.waiters = [];
      waiters.forEach((w) => w());
    }
  }

  /** Resolves once the coverage is settled (now, if it is). */
  whenSettled(): Promise<void> {
    return this.hasCoverage ? Promise.resolve() : this.nextCoverage();
  }

  /** Resolves with the next settled coverage. */
  nextCoverage(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The coverage of the folder holding `uri`, the deepest one. */
  folderOf(uri: vscode.Uri): FolderCoverage | undefined {
    const text = uri.toString();
    let best: FolderCoverage | undefined;
    for (const f of this.folderList) {
      const root = f.folder.endsWith('/') ? f.folder : f.folder + '/';
      if ((text === f.folder || text.startsWith(root)) && (!best || f.folder.length > best.folder.length)) best = f;
    }
    return best;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
