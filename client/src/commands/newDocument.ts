import * as vscode from 'vscode';
import { DOCUMENT_TYPES, type DocumentType } from '../../../server/src/shared/documentTypes';
import { NewDocumentRequest } from '../../../server/src/shared/protocol';
import type { Services } from '../services';
import { pickFolder, requireTrust } from './folders';


const TYPE_INFO: Readonly<Record<DocumentType, { label: string; detail: string; example: string; parent?: string }>> = {
  policy: { label: 'Policy', detail: 'What the organisation commits to, and who owns it.', example: 'Access Control Policy' },
  control: { label: 'Control', detail: 'An activity that makes a policy true, with its frequency and evidence.', example: 'Quarterly Access Review', parent: 'Parent policy' },
  procedure: { label: 'Procedure', detail: 'Step-by-step instructions that carry out a policy or control.', example: 'Employee Offboarding', parent: 'Parent policy' },
  narrative: { label: 'Narrative', detail: 'A description of the system for the auditor (system description, architecture).', example: 'System Description' },
  addendum: { label: 'ML Addendum', detail: 'Extends a policy to machine-learning systems (ML topics).', example: 'Model Governance Addendum', parent: 'Policy this addendum extends' },
};

/** What a new document is about; the server chooses its id, file name and sections. */
export type NewDocumentSpec = Omit<NewDocumentRequest.Params, 'folder'>;

/**
 * Writes a new document into `folder` and returns its URI. The server builds it from the
 * workspace itself (attest.yaml's required sections, free ids and file names, the policy
 * that claims its criteria), so it checks clean as written.
 */
export async function createDocument(services: Services, folder: vscode.Uri, spec: NewDocumentSpec): Promise<vscode.Uri> {
  requireTrust('create documents');
  await services.ensureServer();
  const client = services.client.languageClient;
  if (!client) throw new Error('The Attest language server is not running.');
  const created = await client.sendRequest<NewDocumentRequest.Result>(NewDocumentRequest.method, { folder: folder.toString(), ...spec } satisfies NewDocumentRequest.Params);
  const uri = vscode.Uri.parse(created.uri);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(created.text));
  return uri;
}

type Pick<T> = vscode.QuickPickItem & { value: T };

/** `attest.newDocument`: type, title, criteria (and ML topics, parent policy), then write and open. */
export async function newDocumentCommand(services: Services, arg?: unknown): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(arg, 'Folder for the new document');
  if (!folder) return undefined;
  await services.ensureServer();
  const coverage = services.store.folderOf(folder.uri);
  const title = 'New Attest Document';

  const typePick = await vscode.window.showQuickPick<Pick<DocumentType>>(
    DOCUMENT_TYPES.map((t) => ({ label: TYPE_INFO[t].label, description: t, detail: TYPE_INFO[t].detail, value: t })),
    { title, placeHolder: 'Document type' },
  );
  if (!typePick) return undefined;
  const type = typePick.value;

  const docTitle = await vscode.window.showInputBox({
    title,
    prompt: `Title of the ${TYPE_INFO[type].label.toLowerCase()}`,
    placeHolder: TYPE_INFO[type].example,
    validateInput: (value) => (/[A-Za-z0-9]/.test(value) ? undefined : 'The title needs at least one letter or digit.'),
  });
  if (!docTitle) return undefined;

  // The criteria and topics of this folder as the server sees them: in scope, custom ones included.
  const criteriaPicks = await vscode.window.showQuickPick<Pick<string>>(
    (coverage?.coverage.criteria ?? []).map((c) => ({ label: c.id, description: `${c.category} · ${c.status}`, detail: c.summary, value: c.id })),
    { title: `${title}: ${docTitle}`, placeHolder: 'Criteria the document addresses (type to filter, space to select)', canPickMany: true, matchOnDetail: true },
  );
  if (!criteriaPicks) return undefined;

  let ml: string[] | undefined;
  const topics = coverage?.coverage.ml ?? [];
  if (topics.length > 0 && (type === 'addendum' || type === 'policy' || type === 'control')) {
    const topicPicks = await vscode.window.showQuickPick<Pick<string>>(
      topics.map((t) => ({ label: t.topic, description: `${t.title} — ${t.status}`, value: t.topic })),
      { title: `${title}: ${docTitle}`, placeHolder: 'ML topics the document addresses (optional)', canPickMany: true, matchOnDescription: true },
    );
    if (!topicPicks) return undefined;
    ml = topicPicks.map((p) => p.value);
  }

  let parent: string | undefined;
  const parentPrompt = TYPE_INFO[type].parent;
  const policies = Object.entries(coverage?.documents ?? {}).filter(([, d]) => d.type === 'policy');
  if (parentPrompt && policies.length > 0) {
    const picked = await vscode.window.showQuickPick<Pick<string | undefined>>(
      [
        { label: 'The policy that claims these criteria', description: 'chosen for you', value: undefined },
        ...policies.map(([id, d]) => ({ label: id, description: d.title, value: id })),
      ],
      { title: `${title}: ${docTitle}`, placeHolder: parentPrompt },
    );
    if (!picked) return undefined;
    parent = picked.value;
  }

  try {
    const uri = await createDocument(services, folder.uri, { type, title: docTitle.trim(), criteria: criteriaPicks.map((p) => p.value), ml, parent });
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  } catch (error) {
    void vscode.window.showErrorMessage(`Attest could not create the document: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
