import * as vscode from 'vscode';
import type { Services } from '../services';
import { runCli } from './cli';
import { pickFolder } from './folders';

/** The parts `attest init --only` copies, in the order the library builds on them. */
const PARTS = [
  { part: 'policies', label: 'Policies', detail: 'The SOC 2 policies: what the organisation commits to, each with an owner.' },
  { part: 'addenda', label: 'ML addenda', detail: 'Model governance, data lineage, drift, bias testing… extending the policies to ML systems.' },
  { part: 'controls', label: 'Controls', detail: 'Activities with a frequency and evidence that make the policies true.' },
  { part: 'procedures', label: 'Procedures', detail: 'Step-by-step instructions (offboarding, incident response, model promotion).' },
] as const;

/** What a caller may decide instead of the user (the walkthrough, scripts, tests). */
interface InitAnswers {
  readonly organization?: string;
  readonly parts?: readonly string[];
}

function answersOf(arg: unknown): InitAnswers {
  if (!arg || typeof arg !== 'object' || arg instanceof vscode.Uri) return {};
  const a = arg as { organization?: unknown; parts?: unknown };
  return {
    organization: typeof a.organization === 'string' ? a.organization : undefined,
    parts: Array.isArray(a.parts) ? a.parts.filter((p): p is string => typeof p === 'string') : undefined,
  };
}

async function askOrganization(folder: vscode.WorkspaceFolder): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title: `Initialise ${folder.name} (1/2)`,
    prompt: 'The organisation the policies are for: written into attest.yaml and every document that names it.',
    placeHolder: 'e.g. Acme AI, Inc.',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'Name the organisation: the policies are written for it.'),
  });
  return answer?.trim() || undefined;
}

async function askParts(folder: vscode.WorkspaceFolder): Promise<string[] | undefined> {
  const picked = await vscode.window.showQuickPick(
    PARTS.map((p) => ({ label: p.label, description: p.part, detail: p.detail, picked: true, part: p.part })),
    { title: `Initialise ${folder.name} (2/2)`, placeHolder: 'Parts of the starter library to copy (all are selected; click to leave one out, Enter to go on)', canPickMany: true, ignoreFocusOut: true },
  );
  return picked?.map((p) => p.part);
}

/**
 * `attest.init`: asks for the organisation and the parts of the library, runs
 * `attest init <folder> --organization … [--only …]` (drafts: nothing counts as covered until
 * its owner approves it; files that exist are kept), then starts the server or lets its file
 * watcher pick the files up, and opens attest.yaml.
 */
export async function initCommand(services: Services, arg?: unknown): Promise<vscode.Uri | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showErrorMessage('Attest does not write files in Restricted Mode: trust the workspace first.');
    return undefined;
  }
  const folder = await pickFolder(arg, 'Folder to initialise', { anyFolder: true });
  if (!folder) return undefined;
  if (folder.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(`Attest can only initialise a folder on disk; ${folder.name} is not one.`);
    return undefined;
  }
  const given = answersOf(arg);
  const organization = given.organization ?? (await askOrganization(folder));
  if (!organization) return undefined;
  const parts = given.parts ?? (await askParts(folder));
  if (!parts) return undefined;
  if (parts.length === 0) {
    void vscode.window.showInformationMessage('Attest: nothing to initialise, as no part of the library was selected.');
    return undefined;
  }
  const args = ['init', folder.uri.fsPath, '--organization', organization];
  if (parts.length < PARTS.length) args.push('--only', parts.join(','));
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Attest: initialising ${folder.name}…` },
    () => runCli(services.context, args, folder.uri.fsPath),
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
  void vscode.window
    .showInformationMessage(
      `Attest: ${written} files created in ${folder.name} for ${organization}${kept ? `, ${kept} kept as they were` : ''}. ` +
        'The documents are drafts: review attest.yaml, then fill in each draft and set "status: approved" once its owner signs it.',
      'Show Coverage',
    )
    .then((choice) => (choice ? vscode.commands.executeCommand('attest.revealCoverage') : undefined));
  await vscode.window.showTextDocument(config, { preview: false }).then(undefined, () => undefined);
  return config;
}
