import * as vscode from 'vscode';
import { treeItemOf, type EvidenceNode, type FolderEvidence } from './evidenceItems';
import type { EvidenceRow } from './evidenceModel';

export type { EvidenceNode, FolderEvidence } from './evidenceItems';

export const EVIDENCE_VIEW_ID = 'attest.evidence';

/** What the view's welcome content says when the tree is empty (`attest.evidenceState`). */
export type EvidenceViewState =
  /** Coverage has not arrived yet: the lists are asked for once it has. */
  | 'loading'
  /** No folder's attest.yaml names an audit. */
  | 'noAudit'
  /** The lists are shown. */
  | 'ready'
  /** The server is not running here (see the Coverage view's welcome content for why). */
  | 'unavailable';

/**
 * The Evidence view: for each workspace folder (a group per folder when there are several),
 * "Due next", "Missing", then every window of the audit with each control's state in it.
 * The nodes are built from the lists the server last gave; the view (evidenceView.ts) asks
 * for them again when coverage or diagnostics change.
 */
export class EvidenceTreeProvider implements vscode.TreeDataProvider<EvidenceNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private folders: readonly FolderEvidence[] = [];
  private stateValue: EvidenceViewState = 'loading';

  constructor() {
    void vscode.commands.executeCommand('setContext', 'attest.evidenceState', this.stateValue);
  }

  get state(): EvidenceViewState {
    return this.stateValue;
  }

  /** The folders and their lists as last set. */
  get shown(): readonly FolderEvidence[] {
    return this.folders;
  }

  /** Shows the folders' lists: the tree when any folder has an audit, the welcome content on declaring one otherwise. */
  show(folders: readonly FolderEvidence[]): void {
    this.folders = folders;
    this.updateState(folders.length === 0 ? 'unavailable' : folders.every((f) => f.result.kind === 'noAudit') ? 'noAudit' : 'ready');
    this.changed.fire();
  }

  /** No lists to show (yet): the welcome content says why. */
  clear(state: Exclude<EvidenceViewState, 'ready'>): void {
    if (state === this.stateValue && this.folders.length === 0) return;
    this.folders = [];
    this.updateState(state);
    this.changed.fire();
  }

  private updateState(state: EvidenceViewState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    void vscode.commands.executeCommand('setContext', 'attest.evidenceState', state);
  }

  getChildren(node?: EvidenceNode): EvidenceNode[] {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'folder':
        return folderChildren(node.folder);
      case 'group':
        return node.rows.map((row) => requestNode(node.folder, row, `${node.key}/`, true));
      case 'window':
        return node.window.rows.map((row) => requestNode(node.folder, row, `${node.key}/`, false));
      case 'request':
        return node.row.state === 'collected'
          ? node.row.request.evidence.map((item, i) => ({ kind: 'evidence', key: `${node.key}/${i}`, folder: node.folder, item }) as const)
          : [];
      case 'evidence':
      case 'note':
        return [];
    }
  }

  getTreeItem(node: EvidenceNode): vscode.TreeItem {
    const item = treeItemOf(node);
    item.id = node.key;
    return item;
  }

  private roots(): EvidenceNode[] {
    if (this.stateValue !== 'ready') return [];
    // One folder: its groups and windows at the top, as the Coverage view does.
    if (this.folders.length === 1) return this.folders[0].result.kind === 'noAudit' ? [] : folderChildren(this.folders[0]);
    return this.folders.map((folder) => ({ kind: 'folder', key: folder.folder, folder }));
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function requestNode(folder: FolderEvidence, row: EvidenceRow, prefix: string, inGroup: boolean): EvidenceNode {
  return { kind: 'request', key: `${prefix}${row.request.id}`, folder, row, inGroup };
}

function folderChildren(folder: FolderEvidence): EvidenceNode[] {
  const result = folder.result;
  const key = folder.folder;
  if (result.kind === 'noAudit') {
    const command = { command: 'attest.openAuditConfig', title: 'Open attest.yaml', arguments: [vscode.Uri.parse(folder.folder)] };
    return [{ kind: 'note', key: `${key}#noAudit`, folder, text: 'No audit declared: add audit: { type: 2, period: … } to attest.yaml', command }];
  }
  if (result.kind === 'error') return [{ kind: 'note', key: `${key}#error`, folder, text: result.message }];
  const { groups, list } = result;
  return [
    { kind: 'group', key: `${key}#dueNext`, folder, group: 'dueNext', rows: groups.dueNext },
    { kind: 'group', key: `${key}#missing`, folder, group: 'missing', rows: groups.missing },
    ...groups.windows.map((window) => ({ kind: 'window', key: `${key}#window:${window.label}`, folder, window, today: list.today }) as const),
  ];
}
