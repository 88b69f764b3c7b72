import * as vscode from 'vscode';
import type { Services } from '../services';
import { runCli } from './cli';
import { pickFolder } from './folders';

/**
 * `attest.init`: `attest init <folder>` (attest.yaml and the starter library; files that
 * exist are kept), then starts the server or lets its file watcher pick the files up, and
 * opens attest.yaml.
 */
export async function initCommand(services: Services, arg?: unknown): Promise<vscode.Uri | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showErrorMessage('Attest does not write files in Restricted Mode: trust the workspace first.');
    return undefined;
  }
  const folder = await pickFolder(arg, 'Folder to initialise', { askWhenSeveral: true });
  if (!folder) return undefined;
  if (folder.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(`Attest can only initialise a folder on disk; ${folder.name} is not one.`);
    return undefined;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Attest: initialising ${folder.name}…` },
    () => runCli(services.context, ['init', folder.uri.fsPath], folder.uri.fsPath),
  );
  if (result.code !== 0) {
    void vscode.window.showErrorMessage(`attest init failed (exit ${result.code}): ${(result.stderr || result.stdout).trim()}`);
    return undefined;
  }
  const written = (result.stdout.match(/^created /gm) ?? []).length;
  const kept = (result.stderr.match(/^kept /gm) ?? []).length;
  if (services.client.isRunning) await services.client.refreshCoverage().catch(() => undefined);
  else await services.ensureServer();
  const config = vscode.Uri.joinPath(folder.uri, 'attest.yaml');
  void vscode.window.showInformationMessage(`Attest: ${written} files created in ${folder.name}${kept ? `, ${kept} kept as they were` : ''}. Review attest.yaml first.`);
  await vscode.window.showTextDocument(config, { preview: false }).then(undefined, () => undefined);
  return config;
}
