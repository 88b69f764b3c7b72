import * as vscode from 'vscode';

/**
 * The workspace folder a command works on: the one passed as argument (a Uri, a folder, or a
 * tree node with `folder`), else the only folder, else the active editor's, else a pick.
 */
export async function pickFolder(arg: unknown, placeHolder: string, options: { askWhenSeveral?: boolean } = {}): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const fromArg = folderFromArgument(arg);
  if (fromArg) return fromArg;
  if (folders.length === 0) {
    const choice = await vscode.window.showInformationMessage('Attest works on a workspace folder: open one first.', 'Open Folder…');
    if (choice) await vscode.commands.executeCommand('workbench.action.files.openFolder');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  // Writing a library into a folder is not something to guess: ask.
  if (options.askWhenSeveral) return vscode.window.showWorkspaceFolderPick({ placeHolder });
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = active && vscode.workspace.getWorkspaceFolder(active);
  if (activeFolder) return activeFolder;
  return vscode.window.showWorkspaceFolderPick({ placeHolder });
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
