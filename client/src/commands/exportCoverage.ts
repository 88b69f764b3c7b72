import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Services } from '../services';
import { ReportRequest } from '../../../server/src/shared/protocol';
import { pickFolder, requireTrust } from './folders';

export const EXPORT_FORMATS = ['html', 'markdown', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const EXTENSION: Readonly<Record<ExportFormat, string>> = { html: 'html', markdown: 'md', csv: 'csv' };

export interface ExportOptions {
  /** The workspace folder to report on; asked for (or the only one) when absent. */
  readonly folder?: vscode.Uri;
  /** File to write; default `<folder>/coverage-report.<ext>`. */
  readonly output?: string;
  /** Open the report afterwards (default true). */
  readonly open?: boolean;
}

/**
 * Writes the coverage report of a folder and returns the file written. The server makes
 * the report from its own index, so it matches the Coverage view: unsaved editor text and
 * the `attest.*` settings included. No UI unless `open`; the command below adds the pickers.
 */
export async function exportCoverage(services: Services, format: ExportFormat, options: ExportOptions = {}): Promise<vscode.Uri> {
  if (!EXPORT_FORMATS.includes(format)) throw new Error(`Unknown report format \`${format}\`: use ${EXPORT_FORMATS.join(', ')}.`);
  requireTrust('export a coverage report');
  const folder = options.folder ?? (await pickFolder(undefined, 'Folder to report on', { store: services.store }))?.uri;
  if (!folder) throw new Error('No workspace folder to report on.');
  const uri = options.output ? vscode.Uri.file(options.output) : vscode.Uri.joinPath(folder, `coverage-report.${EXTENSION[format]}`);
  const params: ReportRequest.Params = { folder: folder.toString(), format, output: uri.toString() };
  const { text } = await services.request<ReportRequest.Result>(ReportRequest.method, params);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  if (options.open !== false) await openReport(services, uri, format);
  return uri;
}

/** Opens a written report: text formats in an editor, HTML in the browser or a preview. */
export async function openReport(services: Services, uri: vscode.Uri, format: ExportFormat): Promise<void> {
  if (format !== 'html') {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    return;
  }
  // A local desktop window can hand the file to the browser; a remote or web one cannot
  // reach the file, so the report is shown in a webview there (it is self-contained).
  if (vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName) {
    const choice = await vscode.window.showInformationMessage(`Coverage report written to ${vscode.workspace.asRelativePath(uri)}.`, 'Open in Browser', 'Preview');
    if (choice === 'Open in Browser') await vscode.env.openExternal(uri);
    else if (choice === 'Preview') previewHtml(services, uri);
    return;
  }
  previewHtml(services, uri);
}

function previewHtml(services: Services, uri: vscode.Uri): void {
  const panel = vscode.window.createWebviewPanel('attest.coverageReport', `Coverage Report — ${path.basename(path.dirname(uri.fsPath))}`, vscode.ViewColumn.Active, {
    enableScripts: false,
    localResourceRoots: [],
  });
  const html = fs.readFileSync(uri.fsPath, 'utf8');
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline' ${panel.webview.cspSource}; img-src data:;">`;
  panel.webview.html = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}\n${csp}`) : csp + html;
  services.context.subscriptions.push(panel);
}

/** `attest.exportCoverage`: quick pick of the format, then export and open. */
export async function exportCoverageCommand(services: Services, arg?: unknown): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(arg, 'Folder to report on', { store: services.store });
  if (!folder) return undefined;
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'HTML', description: 'self-contained page for auditors', format: 'html' as const },
      { label: 'Markdown', description: 'for a pull request or wiki', format: 'markdown' as const },
      { label: 'CSV', description: 'for a spreadsheet', format: 'csv' as const },
    ],
    { title: 'Export Coverage Report', placeHolder: 'Report format' },
  );
  if (!picked) return undefined;
  // A save dialog: the user chooses where it goes, and confirms before a file is replaced.
  const target = await vscode.window.showSaveDialog({
    title: 'Save Coverage Report',
    defaultUri: vscode.Uri.joinPath(folder.uri, `coverage-report.${EXTENSION[picked.format]}`),
    filters: { [picked.label]: [EXTENSION[picked.format]] },
  });
  if (!target) return undefined;
  try {
    const uri = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Attest: writing the ${picked.label} coverage report…` },
      () => exportCoverage(services, picked.format, { folder: folder.uri, output: target.fsPath, open: false }),
    );
    await openReport(services, uri, picked.format);
    return uri;
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}
