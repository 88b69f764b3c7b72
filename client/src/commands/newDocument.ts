import * as vscode from 'vscode';
import { DOCUMENT_TYPES, type DocumentType } from '../../../server/src/shared/documentTypes';
import { PLACEHOLDER_PATTERN } from '../../../server/src/shared/placeholder';
import { NewDocumentRequest } from '../../../server/src/shared/protocol';
import type { Services } from '../services';
import { pickFolder, requireTrust } from './folders';
import { pickCriteria, pickParent, pickTopics, type Choice } from './newDocumentPickers';

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
  const created = await services.request<NewDocumentRequest.Result>(NewDocumentRequest.method, { folder: folder.toString(), ...spec } satisfies NewDocumentRequest.Params);
  const uri = vscode.Uri.parse(created.uri);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(created.text));
  return uri;
}

/** What a gap in the Coverage view asks for: a control for this criterion or ML topic. */
export interface GapPreset {
  readonly criteria?: readonly string[];
  readonly ml?: readonly string[];
}

/** The criterion or topic of a Coverage view row, when the command came from one. */
export function gapOf(arg: unknown): GapPreset | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const node = arg as { kind?: unknown; criterion?: { id?: unknown }; topic?: { topic?: unknown } };
  if (node.kind === 'criterion' && typeof node.criterion?.id === 'string') return { criteria: [node.criterion.id] };
  if (node.kind === 'topic' && typeof node.topic?.topic === 'string') return { ml: [node.topic.topic] };
  return undefined;
}

/** The first `<PLACEHOLDER>` of a new document, to put the cursor on what to write first. */
function firstPlaceholder(document: vscode.TextDocument): vscode.Range | undefined {
  const match = new RegExp(PLACEHOLDER_PATTERN.source).exec(document.getText());
  return match ? new vscode.Range(document.positionAt(match.index), document.positionAt(match.index + match[0].length)) : undefined;
}

/**
 * `attest.newDocument`: type, title, criteria (and ML topics, parent policy), then write and
 * open at the first placeholder. From a gap of the Coverage view (`attest.newControlFor`) the
 * type is a control and the criterion or topic is chosen already.
 */
export async function newDocumentCommand(services: Services, arg?: unknown, preset?: GapPreset): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(arg, 'Folder for the new document', { store: services.store });
  if (!folder) return undefined;
  await services.ensureServer();
  const coverage = services.store.folderOf(folder.uri);
  const title = 'New Attest Document';

  let type: DocumentType;
  if (preset) type = 'control';
  else {
    const typePick = await vscode.window.showQuickPick<Choice<DocumentType>>(
      DOCUMENT_TYPES.map((t) => ({ label: TYPE_INFO[t].label, description: t, detail: TYPE_INFO[t].detail, value: t })),
      { title, placeHolder: 'Document type' },
    );
    if (!typePick) return undefined;
    type = typePick.value;
  }
  const gapName = [...(preset?.criteria ?? []), ...(preset?.ml ?? [])].join(', ');

  const docTitle = await vscode.window.showInputBox({
    title: preset ? `New control for ${gapName}` : title,
    prompt: `Title of the ${TYPE_INFO[type].label.toLowerCase()}`,
    placeHolder: TYPE_INFO[type].example,
    ignoreFocusOut: true,
    validateInput: (value) => (/[A-Za-z0-9]/.test(value) ? undefined : 'The title needs at least one letter or digit.'),
  });
  if (!docTitle) return undefined;
  const stepTitle = `${title}: ${docTitle}`;

  // The criteria and topics of this folder as the server sees them: in scope, custom ones included.
  const criteria = await pickCriteria(coverage, { title: stepTitle, required: type === 'control', preselected: preset?.criteria });
  if (!criteria) return undefined;

  let ml: string[] | undefined = preset?.ml ? [...preset.ml] : undefined;
  if (!ml && (coverage?.coverage.ml.length ?? 0) > 0 && (type === 'addendum' || type === 'policy' || type === 'control')) {
    ml = await pickTopics(coverage, stepTitle);
    if (!ml) return undefined;
  }

  let parent: string | null | undefined;
  const parentPrompt = TYPE_INFO[type].parent;
  if (parentPrompt) {
    parent = await pickParent(coverage, criteria, stepTitle, parentPrompt);
    if (parent === undefined) return undefined;
  }

  try {
    const uri = await createDocument(services, folder.uri, { type, title: docTitle.trim(), criteria, ml, parent });
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const placeholder = firstPlaceholder(editor.document);
    if (placeholder) {
      editor.selection = new vscode.Selection(placeholder.start, placeholder.end);
      editor.revealRange(placeholder);
    }
    return uri;
  } catch (error) {
    void vscode.window.showErrorMessage(`Attest could not create the document: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
