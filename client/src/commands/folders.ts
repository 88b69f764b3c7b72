import * as vscode from 'vscode';
import { isEmptyFolder, type CoverageStore } from '../coverageStore';
import { folderChoice } from './folderChoice';

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
  const fromArg = folderFromArgument(arg);
  if (fromArg) return fromArg;
  const entries = (vscode.workspace.workspaceFolders ?? []).map((folder) => ({ folder, index: folder.index, uri: folder.uri.toString() }));
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeUri = active && vscode.workspace.getWorkspaceFolder(active)?.uri.toString();
  const choice = folderChoice(entries, options.anyFolder ? undefined : attestFolders(entries.map((e) => e.folder), options.store), activeUri);
  if (!choice) {
    const open = await vscode.window.showInformationMessage('Attest works on a workspace folder: open one first.', 'Open Folder…');
    if (open) await vscode.commands.executeCommand('workbench.action.files.openFolder');
    return undefined;
  }
  if ('take' in choice) return choice.take.folder;
  return askFolder(choice.ask.map((e) => e.folder), placeHolder, options.store, activeUri);
}

/** The URIs of the folders the server found Attest documents or an attest.yaml in; undefined before it said. */
function attestFolders(folders: readonly vscode.WorkspaceFolder[], store: CoverageStore | undefined): ReadonlySet<string> | undefined {
  if (!store?.hasCoverage) return undefined;
  const withDocuments = folders.filter((f) => {
    const coverage = store.folderOf(f.uri);
    return coverage !== undefined && !isEmptyFolder(coverage);
  });
  return new Set(withDocuments.map((f) => f.uri.toString()));
}

type FolderItem = vscode.QuickPickItem & { folder: vscode.WorkspaceFolder };

/** Asks among `ordered` (the active editor's folder first), each with its coverage. */
async function askFolder(ordered: readonly vscode.WorkspaceFolder[], placeHolder: string, store: CoverageStore | undefined, activeUri: string | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const items: FolderItem[] = ordered.map((folder) => {
    const coverage = store?.folderOf(folder.uri);
    const summary = coverage && !isEmptyFolder(coverage) ? `${coverage.coverage.summary.percent}% covered` : 'no Attest documents';
    const description = folder.uri.toString() === activeUri ? `${summary} · folder of the active editor` : summary;
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
