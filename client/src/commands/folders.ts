import * as vscode from 'vscode';
import { isEmptyFolder, type CoverageStore } from '../coverageStore';

export interface FolderPickOptions {
  /** Every folder is a candidate (initialising one), not only those with Attest documents. */
  readonly anyFolder?: boolean;
  /** What the client knows of each folder, to offer the Attest folders and show their figures. */
  readonly store?: CoverageStore;
}

/**
 * The workspace folder a command works on: the one passed as argument (a Uri, a folder, or a
 * tree node with `folder`), else the only candidate, else the user's choice. With several
 * folders it asks rather than guessing from the active editor: a report or a document written
 * into the wrong folder is worse than one question. The active editor's folder is offered first.
 */
export async function pickFolder(arg: unknown, placeHolder: string, options: FolderPickOptions = {}): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const fromArg = folderFromArgument(arg);
  if (fromArg) return fromArg;
  if (folders.length === 0) {
    const choice = await vscode.window.showInformationMessage('Attest works on a workspace folder: open one first.', 'Open Folder…');
    if (choice) await vscode.commands.executeCommand('workbench.action.files.openFolder');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  const candidates = options.anyFolder ? folders : attestFolders(folders, options.store);
  if (candidates.length === 1) return candidates[0];
  return askFolder(candidates.length ? candidates : folders, placeHolder, options.store);
}

/** The folders the server found Attest documents or an attest.yaml in. */
function attestFolders(folders: readonly vscode.WorkspaceFolder[], store: CoverageStore | undefined): readonly vscode.WorkspaceFolder[] {
  if (!store?.hasCoverage) return folders;
  return folders.filter((f) => {
    const coverage = store.folderOf(f.uri);
    return coverage !== undefined && !isEmptyFolder(coverage);
  });
}

type FolderItem = vscode.QuickPickItem & { folder: vscode.WorkspaceFolder };

async function askFolder(candidates: readonly vscode.WorkspaceFolder[], placeHolder: string, store: CoverageStore | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = active && vscode.workspace.getWorkspaceFolder(active);
  const ordered = [...candidates].sort((a, b) => Number(b === activeFolder) - Number(a === activeFolder) || a.index - b.index);
  const items: FolderItem[] = ordered.map((folder) => {
    const coverage = store?.folderOf(folder.uri);
    const summary = coverage && !isEmptyFolder(coverage) ? `${coverage.coverage.summary.percent}% covered` : 'no Attest documents';
    const description = folder.uri.toString() === activeFolder?.uri.toString() ? `${summary} · folder of the active editor` : summary;
    return { label: folder.name, description, detail: folder.uri.scheme === 'file' ? folder.uri.fsPath : folder.uri.toString(), folder };
  });
  const picked = await vscode.window.showQuickPick(items, { placeHolder, title: 'Attest: which workspace folder?' });
  return picked?.folder;
}

function folderFromArgument(arg: unknown): vscode.WorkspaceFolder | undefined {
  if (arg instanceof vscode.Uri) return vscode.workspace.getWorkspaceFolder(arg);
  if (arg && typeof arg === 'object') {
    const a = arg as { uri?: unknown; folder?: unknown };
    if (a.uri instanceof vscode.Uri && 'index' in a) return vscode.workspace.getWorkspaceFolder(a.uri);
    if (a.folder && typeof a.folder === 'object' && typeof (a.folder as { folder?: unknown }).folder === 'string') {
      return vscode.workspace.getWorkspaceFolder(vscode.Uri.parse((a.folder as { folder: string }).folder));
    }
  }
  if (typeof arg === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(arg)) return vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(arg));
  return undefined;
}

/**
 * Commands that write into the workspace need it trusted. The manifest disables them in
 * Restricted Mode, but the API and other extensions can still call them.
 */
export function requireTrust(what: string): void {
  if (!vscode.workspace.isTrusted) throw new Error(`Attest does not ${what} in Restricted Mode: trust the workspace first.`);
}
