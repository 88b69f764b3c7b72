import * as vscode from 'vscode';
import type { BundledData } from '../../../server/src/core/data/bundled';
import type { Services } from '../services';
import type { FolderCoverage } from '../coverageStore';
import { pickFolder } from './folders';
import { loadBundledData } from '../../../server/src/node/bundledData';

export const NEW_DOCUMENT_TYPES = ['policy', 'control', 'procedure', 'addendum'] as const;
export type NewDocumentType = (typeof NEW_DOCUMENT_TYPES)[number];

const TYPE_INFO: Readonly<Record<NewDocumentType, { prefix: string; folder: string; label: string; detail: string; parentKey?: 'policy' | 'extends'; strip: RegExp }>> = {
  policy: { prefix: 'POL', folder: 'policies', label: 'Policy', detail: 'What the organisation commits to, and who owns it.', strip: /\s+policy$/i },
  control: { prefix: 'CTL', folder: 'controls', label: 'Control', detail: 'An activity that makes a policy true, with its frequency and evidence.', parentKey: 'policy', strip: /\s+control$/i },
  procedure: { prefix: 'PRC', folder: 'procedures', label: 'Procedure', detail: 'Step-by-step instructions that carry out a policy or control.', parentKey: 'policy', strip: /\s+procedure$/i },
  addendum: { prefix: 'ADD', folder: 'addenda', label: 'ML Addendum', detail: 'Extends a policy to machine-learning systems (ML topics).', parentKey: 'extends', strip: /\s+(ml\s+)?addendum$/i },
};

/** `Access Control Policy` → `ACCESS-CONTROL`. */
export function slugOf(title: string, type?: NewDocumentType): string {
  const base = type ? title.trim().replace(TYPE_INFO[type].strip, '') : title;
  return base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The id for a new document: `POL-ACCESS-CONTROL`, made unique against `taken` with `-2`, `-3`… */
export function documentIdFor(type: NewDocumentType, title: string, taken: ReadonlySet<string> = new Set()): string {
  const slug = slugOf(title, type) || 'NEW';
  const base = `${TYPE_INFO[type].prefix}-${slug}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export interface NewDocumentSpec {
  readonly type: NewDocumentType;
  readonly title: string;
  readonly id: string;
  readonly criteria: readonly string[];
  readonly ml?: readonly string[];
  /** The parent policy id (`policy:` of a control or procedure, `extends:` of an addendum). */
  readonly parent?: string;
}

/** The Markdown of a new document: frontmatter with the required fields and the required sections. */
export function renderDocument(spec: NewDocumentSpec, data: BundledData): string {
  const info = TYPE_INFO[spec.type];
  const lines = [
    '---',
    `id: ${spec.id}`,
    `type: ${spec.type}`,
    `title: ${yamlString(spec.title)}`,
    'owner: <OWNER ROLE>',
    'status: draft',
    'version: "0.1"',
    'review:',
    '  cycle: annual',
    `criteria: [${spec.criteria.join(', ')}]`,
  ];
  if (spec.ml?.length) lines.push(`ml: [${spec.ml.join(', ')}]`);
  if (info.parentKey) lines.push(`${info.parentKey}: ${spec.parent || '<POLICY-ID>'}`);
  if (spec.type === 'control') lines.push('frequency: quarterly');
  lines.push('---', '', `# ${spec.title}`, '');
  for (const section of data.sections[spec.type] ?? []) {
    lines.push(`## ${section.name}`, '');
    if (section.template) lines.push(section.template.trimEnd(), '');
  }
  for (const topicId of spec.ml ?? []) {
    const topic = data.topics.find((t) => t.id === topicId);
    if (!topic) continue;
    lines.push(`## ${topic.title}`, '');
    if (topic.template) lines.push(topic.template.trimEnd(), '');
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}

function yamlString(text: string): string {
  return /^[\w][\w .,()/&'-]*$/.test(text) && !/[:#]/.test(text) ? text : JSON.stringify(text);
}

/**
 * Where a new document of `type` goes: next to the folder's other documents of that type
 * (the directory most of them are in), else `<folder>/<policies|controls|procedures|addenda>/`.
 */
export function targetDirectory(folder: vscode.Uri, type: NewDocumentType, coverage: FolderCoverage | undefined): vscode.Uri {
  const counts = new Map<string, number>();
  for (const doc of Object.values(coverage?.documents ?? {})) {
    if (doc.type !== type) continue;
    const dir = vscode.Uri.joinPath(vscode.Uri.parse(doc.uri), '..').toString();
    counts.set(dir, (counts.get(dir) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? vscode.Uri.parse(best[0]) : vscode.Uri.joinPath(folder, TYPE_INFO[type].folder);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Writes the document (a fresh file name next to existing ones) and returns its URI. */
export async function createDocument(services: Services, folder: vscode.Uri, spec: NewDocumentSpec): Promise<vscode.Uri> {
  const data = loadBundledData();
  const dir = targetDirectory(folder, spec.type, services.store.folderOf(folder));
  const stem = slugOf(spec.title, spec.type).toLowerCase() || spec.id.toLowerCase();
  let file = vscode.Uri.joinPath(dir, `${stem}.md`);
  for (let n = 2; await exists(file); n++) file = vscode.Uri.joinPath(dir, `${stem}-${n}.md`);
  await vscode.workspace.fs.createDirectory(dir);
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(renderDocument(spec, data)));
  return file;
}

type Pick<T> = vscode.QuickPickItem & { value: T };

/** `attest.newDocument`: type, title, criteria (and ML topics, parent policy), then write and open. */
export async function newDocumentCommand(services: Services, arg?: unknown): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(arg, 'Folder for the new document');
  if (!folder) return undefined;
  await services.ensureServer();
  const coverage = services.store.folderOf(folder.uri);
  const data = loadBundledData();
  const title = 'New Attest Document';

  const typePick = await vscode.window.showQuickPick<Pick<NewDocumentType>>(
    NEW_DOCUMENT_TYPES.map((t) => ({ label: TYPE_INFO[t].label, description: t, detail: TYPE_INFO[t].detail, value: t })),
    { title, placeHolder: 'Document type' },
  );
  if (!typePick) return undefined;
  const type = typePick.value;

  const taken = new Set(Object.keys(coverage?.documents ?? {}));
  const docTitle = await vscode.window.showInputBox({
    title,
    prompt: `Title of the ${TYPE_INFO[type].label.toLowerCase()}`,
    placeHolder: type === 'policy' ? 'Access Control Policy' : type === 'control' ? 'Quarterly Access Review' : type === 'procedure' ? 'Employee Offboarding' : 'Model Governance Addendum',
    validateInput: (value) => (slugOf(value, type) ? undefined : 'The title needs at least one letter or digit.'),
  });
  if (!docTitle) return undefined;
  const id = documentIdFor(type, docTitle, taken);

  const status = new Map(coverage?.coverage.criteria.map((c) => [c.id, c.status]) ?? []);
  const criteria = data.frameworks
    .flatMap((f) => f.criteria)
    .filter((c) => !coverage || status.has(c.id));
  const criteriaPicks = await vscode.window.showQuickPick<Pick<string>>(
    criteria.map((c) => ({ label: c.id, description: status.get(c.id) ?? c.seriesName, detail: c.summary, value: c.id })),
    { title: `${title}: ${id}`, placeHolder: 'Criteria the document addresses (type to filter, space to select)', canPickMany: true, matchOnDetail: true },
  );
  if (!criteriaPicks) return undefined;

  let ml: string[] | undefined;
  if (type === 'addendum' || (coverage?.coverage.ml.length ?? 0) > 0) {
    const topicStatus = new Map(coverage?.coverage.ml.map((t) => [t.topic, t.status]) ?? []);
    const topics = data.topics.filter((t) => !coverage?.coverage.ml.length || topicStatus.has(t.id));
    if (type === 'addendum' || topics.length > 0) {
      const topicPicks = await vscode.window.showQuickPick<Pick<string>>(
        topics.map((t) => ({ label: t.id, description: `${t.title}${topicStatus.has(t.id) ? ` — ${topicStatus.get(t.id)}` : ''}`, detail: t.auditor, value: t.id })),
        { title: `${title}: ${id}`, placeHolder: 'ML topics the document addresses (optional)', canPickMany: true, matchOnDescription: true },
      );
      if (!topicPicks) return undefined;
      ml = topicPicks.map((p) => p.value);
    }
  }

  let parent: string | undefined;
  if (TYPE_INFO[type].parentKey) {
    const policies = Object.entries(coverage?.documents ?? {}).filter(([, d]) => d.type === 'policy');
    if (policies.length > 0) {
      const picked = await vscode.window.showQuickPick<Pick<string | undefined>>(
        [
          ...policies.map(([pid, d]) => ({ label: pid, description: d.title, value: pid })),
          { label: 'Fill in later', description: 'leaves <POLICY-ID> in the frontmatter', value: undefined },
        ],
        { title: `${title}: ${id}`, placeHolder: type === 'addendum' ? 'Policy this addendum extends' : 'Parent policy' },
      );
      if (!picked) return undefined;
      parent = picked.value;
    }
  }

  const uri = await createDocument(services, folder.uri, { type, title: docTitle.trim(), id, criteria: criteriaPicks.map((p) => p.value), ml, parent });
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

export const NEW_DOCUMENT_FOLDERS: Readonly<Record<NewDocumentType, string>> = Object.fromEntries(
  NEW_DOCUMENT_TYPES.map((t) => [t, TYPE_INFO[t].folder]),
) as Record<NewDocumentType, string>;
