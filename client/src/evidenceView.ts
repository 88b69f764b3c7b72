import * as vscode from 'vscode';
import { ResponseError } from 'vscode-languageclient/node';
import { EvidenceListRequest } from '../../server/src/shared/protocol';
import type { FolderCoverage } from './coverageStore';
import { OPEN_REQUEST_COMMAND, type FolderEvidence, type FolderEvidenceResult } from './evidenceItems';
import { evidenceSpot, groupEvidence, parseEvidenceList } from './evidenceModel';
import { EVIDENCE_VIEW_ID, EvidenceTreeProvider, type EvidenceNode } from './evidenceTree';
import type { Services } from './services';

/** Commands of the Evidence view (package.json `contributes.commands`). */
export const EVIDENCE_COMMANDS = ['attest.refreshEvidence', OPEN_REQUEST_COMMAND, 'attest.openAuditConfig'] as const;

/** Typing pauses this long before the lists are asked for again. */
const REFRESH_DELAY_MS = 300;

export interface EvidenceView extends vscode.Disposable {
  readonly tree: EvidenceTreeProvider;
  readonly view: vscode.TreeView<EvidenceNode>;
  /** Asks the server for every folder's list now; resolves once the view shows them. */
  refresh(): Promise<void>;
}

/**
 * The Evidence view below Coverage: each folder's evidence request list from the server
 * (`attest/evidenceList`, json), asked for again when coverage or Attest's diagnostics change
 * (an evidence date fixes an `evidence-gap` without changing coverage), but only while the
 * view is shown: a hidden view is marked stale and catches up when it is shown again.
 */
export function registerEvidenceView(services: Services): EvidenceView {
  const tree = new EvidenceTreeProvider();
  const view = vscode.window.createTreeView(EVIDENCE_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const { store, client } = services;
  let timer: NodeJS.Timeout | undefined;
  let stale = true;
  let generation = 0;

  const refresh = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    stale = false;
    const mine = ++generation;
    if (!store.hasCoverage || store.indexingPending || !client.isRunning) {
      tree.clear(store.state === 'loading' ? 'loading' : 'unavailable');
      return;
    }
    const folders = await Promise.all(store.folders.map((folder) => folderEvidence(services, folder)));
    // A newer refresh started while this one waited: its answer is the one to show.
    if (mine === generation) tree.show(folders);
  };
  const schedule = (): void => {
    if (!view.visible) {
      stale = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh().catch(report), REFRESH_DELAY_MS);
  };
  const report = (error: unknown): void => client.output.warn(`attest/evidenceList failed: ${error instanceof Error ? error.message : String(error)}`);

  const disposables: vscode.Disposable[] = [
    tree,
    view,
    store.onDidChange(schedule),
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((uri) => /\.md$|(^|\/)attest\.yaml$/i.test(uri.path))) schedule();
    }),
    view.onDidChangeVisibility((e) => {
      if (e.visible && stale) schedule();
    }),
    vscode.commands.registerCommand('attest.refreshEvidence', async () => {
      await services.ensureServer();
      if (!store.hasCoverage && client.isRunning) await client.refreshCoverage();
      await refresh();
    }),
    vscode.commands.registerCommand(OPEN_REQUEST_COMMAND, (arg: unknown) => openControlAtEvidence(arg).catch(showError)),
    vscode.commands.registerCommand('attest.openAuditConfig', (arg: unknown) => openAuditConfig(services, tree, arg).catch(showError)),
  ];
  // The view may be shown from the start (it was open when the window closed).
  schedule();
  return {
    tree,
    view,
    refresh,
    dispose: () => {
      if (timer) clearTimeout(timer);
      disposables.forEach((d) => d.dispose());
    },
  };
}

function showError(error: unknown): void {
  void vscode.window.showErrorMessage(`Attest: ${error instanceof Error ? error.message : String(error)}`);
}

async function folderEvidence(services: Services, folder: FolderCoverage): Promise<FolderEvidence> {
  const base = { folder: folder.folder, name: folder.name, ...(folder.configUri ? { configUri: folder.configUri } : {}) };
  // Without attest.yaml there is no audit: no need to ask.
  if (!folder.configUri) return { ...base, result: { kind: 'noAudit' } };
  return { ...base, result: await listOf(services, folder.folder) };
}

async function listOf(services: Services, folder: string): Promise<FolderEvidenceResult> {
  const client = services.client.languageClient;
  if (!client) return { kind: 'error', message: 'The Attest language server is not running.' };
  try {
    const params: EvidenceListRequest.Params = { folder, format: 'json' };
    const { text } = await client.sendRequest<EvidenceListRequest.Result>(EvidenceListRequest.method, params);
    const list = parseEvidenceList(text);
    return { kind: 'list', list, groups: groupEvidence(list) };
  } catch (error) {
    if (error instanceof ResponseError && (error.data as { reason?: unknown } | undefined)?.reason === EvidenceListRequest.NO_AUDIT.reason) return { kind: 'noAudit' };
    services.client.output.warn(`attest/evidenceList for ${folder} failed: ${error instanceof Error ? error.message : String(error)}`);
    return { kind: 'error', message: `The evidence list could not be made: ${error instanceof Error ? error.message : String(error)}` };
  }
}

interface OpenRequestArg {
  readonly folder: string;
  readonly path: string;
  readonly collected?: string;
}

function isOpenRequestArg(arg: unknown): arg is OpenRequestArg {
  const a = arg as Partial<OpenRequestArg> | undefined;
  return typeof a?.folder === 'string' && typeof a.path === 'string';
}

/**
 * Opens a control at its `evidence` key, or at the entry collected on the given date. The
 * server's list says which file but not where in it, so the key is found in the text.
 */
async function openControlAtEvidence(arg: unknown): Promise<void> {
  if (!isOpenRequestArg(arg)) return;
  const uri = vscode.Uri.joinPath(vscode.Uri.parse(arg.folder), ...arg.path.split(/[\\/]/));
  const doc = await vscode.workspace.openTextDocument(uri);
  const spot = evidenceSpot(doc.getText(), arg.collected);
  const range = new vscode.Range(spot.line, spot.character, spot.line, spot.character + spot.length);
  const editor = await vscode.window.showTextDocument(doc, { selection: range, preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * `attest.openAuditConfig [folder]`: opens the attest.yaml where an audit is to be declared
 * (the given folder's, else the first folder's without one); with no attest.yaml at all,
 * initialising the workspace is what writes one.
 */
async function openAuditConfig(services: Services, tree: EvidenceTreeProvider, arg: unknown): Promise<void> {
  const wanted = arg instanceof vscode.Uri ? arg.toString() : undefined;
  const folders = services.store.folders;
  const withoutAudit = tree.shown.filter((f) => f.result.kind === 'noAudit').map((f) => f.folder);
  const folder =
    folders.find((f) => f.folder === wanted) ?? folders.find((f) => f.configUri && withoutAudit.includes(f.folder)) ?? folders.find((f) => f.configUri) ?? folders[0];
  if (!folder?.configUri) {
    await vscode.commands.executeCommand('attest.init', folder ? vscode.Uri.parse(folder.folder) : undefined);
    return;
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(folder.configUri));
  const line = doc.getText().split(/\r?\n/).findIndex((l) => /^audit\s*:/.test(l));
  const at = line >= 0 ? new vscode.Position(line, 0) : doc.lineAt(doc.lineCount - 1).range.end;
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(at, at), preview: false });
}
