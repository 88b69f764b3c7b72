import * as vscode from 'vscode';
import { SoaRequest } from '../../../server/src/shared/protocol';
import type { Services } from '../services';
import { openReport } from './exportCoverage';
import { pickFolder, requireTrust } from './folders';

export type SoaFramework = SoaRequest.Params['framework'];
export type SoaFormat = SoaRequest.Params['format'];

const EXTENSION: Readonly<Record<SoaFormat, string>> = { csv: 'csv', markdown: 'md', html: 'html' };

export interface SoaOptions {
  readonly folder?: vscode.Uri;
  /** File to write; default `<folder>/statement-of-applicability-<framework>.<ext>`. */
  readonly output?: string;
  /** Open it afterwards (default true). */
  readonly open?: boolean;
}

/**
 * Writes the Statement of Applicability of an ISO framework for a folder and returns the file
 * written. The server makes it from its own index, as it makes the coverage report.
 */
export async function exportSoa(services: Services, framework: SoaFramework, format: SoaFormat, options: SoaOptions = {}): Promise<vscode.Uri> {
  if (!SoaRequest.FRAMEWORKS.includes(framework)) throw new Error(`A Statement of Applicability is made for ${SoaRequest.FRAMEWORKS.join(' or ')}, not \`${framework}\`.`);
  if (!SoaRequest.FORMATS.includes(format)) throw new Error(`Unknown format \`${format}\`: use ${SoaRequest.FORMATS.join(', ')}.`);
  requireTrust('export a Statement of Applicability');
  const folder = options.folder ?? (await pickFolder(undefined, 'Folder to state', { store: services.store }))?.uri;
  if (!folder) throw new Error('No workspace folder to state.');
  const uri = options.output ? vscode.Uri.file(options.output) : vscode.Uri.joinPath(folder, `statement-of-applicability-${framework}.${EXTENSION[format]}`);
  const params: SoaRequest.Params = { folder: folder.toString(), framework, format, output: uri.toString() };
  const { text } = await services.request<SoaRequest.Result>(SoaRequest.method, params);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  if (options.open !== false) await openReport(services, uri, format);
  return uri;
}

/** The framework a tree node (a framework of the Coverage view) or a string names. */
function frameworkOf(arg: unknown): SoaFramework | undefined {
  const id = typeof arg === 'string' ? arg : (arg as { framework?: { id?: unknown } } | undefined)?.framework?.id;
  return SoaRequest.FRAMEWORKS.find((f) => f === id);
}

/** `attest.exportSoa`: the framework (those turned on first), the format and the file, then export and open. */
export async function exportSoaCommand(services: Services, arg?: unknown): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(arg, 'Folder to state', { store: services.store });
  if (!folder) return undefined;
  let framework = frameworkOf(arg);
  if (!framework) {
    const enabled = new Set((services.store.folderOf(folder.uri)?.coverage.frameworks ?? []).map((f) => f.id));
    const names: Record<SoaFramework, string> = { iso42001: 'ISO/IEC 42001 Annex A', iso27001: 'ISO/IEC 27001 Annex A' };
    const choices = [...SoaRequest.FRAMEWORKS]
      .sort((a, b) => Number(enabled.has(b)) - Number(enabled.has(a)))
      .map((id) => ({ label: names[id], description: enabled.has(id) ? id : `${id} · not turned on in attest.yaml`, framework: id }));
    framework = (await vscode.window.showQuickPick(choices, { title: 'Export Statement of Applicability', placeHolder: 'Framework' }))?.framework;
    if (!framework) return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'HTML', description: 'self-contained page for auditors', format: 'html' as const },
      { label: 'CSV', description: 'for a spreadsheet', format: 'csv' as const },
      { label: 'Markdown', description: 'for a pull request or wiki', format: 'markdown' as const },
    ],
    { title: 'Export Statement of Applicability', placeHolder: 'Format' },
  );
  if (!picked) return undefined;
  const target = await vscode.window.showSaveDialog({
    title: 'Save Statement of Applicability',
    defaultUri: vscode.Uri.joinPath(folder.uri, `statement-of-applicability-${framework}.${EXTENSION[picked.format]}`),
    filters: { [picked.label]: [EXTENSION[picked.format]] },
  });
  if (!target) return undefined;
  const chosen = framework;
  try {
    const uri = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Attest: writing the Statement of Applicability…' }, () =>
      exportSoa(services, chosen, picked.format, { folder: folder.uri, output: target.fsPath, open: false }),
    );
    await openReport(services, uri, picked.format);
    return uri;
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}
