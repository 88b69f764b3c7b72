import * as vscode from 'vscode';
import type { Services } from '../services';
import { EvidenceListRequest } from '../../../server/src/shared/protocol';
import { pickFolder, requireTrust } from './folders';

type EvidenceFormat = EvidenceListRequest.Params['format'];

const EXTENSION: Readonly<Record<EvidenceFormat, string>> = { csv: 'csv', markdown: 'md', json: 'json', html: 'html' };

/**
 * `attest.exportEvidence`: the evidence request list of a folder's audit, as the server makes
 * it from its index (unsaved text included), written where the user says and opened.
 */
export async function exportEvidenceCommand(services: Services, arg?: unknown): Promise<vscode.Uri | undefined> {
  requireTrust('export the evidence request list');
  const folder = await pickFolder(arg, 'Folder whose evidence to list', { store: services.store });
  if (!folder) return undefined;
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'CSV', description: 'for a spreadsheet or an audit tracker', format: 'csv' as const },
      { label: 'HTML', description: 'a page the auditor can open and print', format: 'html' as const },
      { label: 'Markdown', description: 'for a pull request or wiki', format: 'markdown' as const },
      { label: 'JSON', description: 'for scripts', format: 'json' as const },
    ],
    { title: 'Export Evidence Request List', placeHolder: 'Format' },
  );
  if (!picked) return undefined;
  const target = await vscode.window.showSaveDialog({
    title: 'Save Evidence Request List',
    defaultUri: vscode.Uri.joinPath(folder.uri, `evidence-requests.${EXTENSION[picked.format]}`),
    filters: { [picked.label]: [EXTENSION[picked.format]] },
  });
  if (!target) return undefined;
  const params: EvidenceListRequest.Params = { folder: folder.uri.toString(), format: picked.format, output: target.toString() };
  const { text } = await services.request<EvidenceListRequest.Result>(EvidenceListRequest.method, params);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  if (picked.format === 'html') {
    const choice = await vscode.window.showInformationMessage(`Evidence request list written to ${vscode.workspace.asRelativePath(target)}.`, 'Open in Browser');
    if (choice) await vscode.env.openExternal(target);
  } else {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
  }
  return target;
}
