import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { claimantsOf, topicClaimantsOf } from '../core/query/claimants';
import type { AttestDocument } from '../core/document/model';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { idAt, idInConfigAt, type IdOccurrence } from './idAt';
import { escapeMarkdown } from '../shared/markdown';
import { controlWindowLine } from './auditWindows';
import { frameworkMarkdown, itemMarkdown, topicFrameworkLines } from './frameworkHover';
import { linkUri, listItem, statusText } from './hoverParts';

export { documentLink } from './hoverParts';

/** Hover on a criterion, document or ML topic id in a document. */
export function hover(index: WorkspaceIndex, doc: AttestDocument, position: Position): Hover | null {
  const target = idAt(index, doc, position);
  return target ? hoverOn(index, target) : null;
}

/** Hover on a criterion id in attest.yaml (its `exceptions`). */
export function hoverInConfig(index: WorkspaceIndex, text: TextDocument, position: Position): Hover | null {
  const target = idInConfigAt(index, text, position);
  return target ? hoverOn(index, target) : null;
}

export function hoverOn(index: WorkspaceIndex, target: IdOccurrence): Hover | null {
  const markdown =
    target.kind === 'criterion' ? criterionMarkdown(index, target.id)
    : target.kind === 'document' ? documentMarkdown(index, target.id)
    : target.kind === 'item' ? itemMarkdown(index, target.framework ?? '', target.id)
    : target.kind === 'framework' ? frameworkMarkdown(index, target.id)
    : topicMarkdown(index, target.id);
  return markdown === undefined ? null : { contents: { kind: MarkupKind.Markdown, value: markdown }, range: target.range };
}

function criterionMarkdown(index: WorkspaceIndex, id: string): string | undefined {
  const criterion = index.criteria.get(id);
  if (!criterion) return undefined;
  const category = index.criteria.categoryName(criterion.category);
  const lines = [`**${id}** · ${escapeMarkdown(category)} · ${escapeMarkdown(criterion.seriesName)}`, '', escapeMarkdown(criterion.summary), ''];
  const coverage = index.coverage().criteria.find((c) => c.id === id);
  const claimants = claimantsOf(index, id);
  if (!coverage) {
    lines.push(`Not in scope: ${escapeMarkdown(category)} is not among the \`categories\` of attest.yaml.`);
    if (claimants.length > 0) lines.push('', 'Claimed by:', '', ...claimants.map(listItem));
    return lines.join('\n');
  }
  lines.push(`Coverage: ${statusText(coverage.status)}${coverage.reason ? ` — ${escapeMarkdown(coverage.reason)}` : ''}`);
  if (claimants.length > 0) lines.push('', ...claimants.map(listItem));
  return lines.join('\n');
}

function documentMarkdown(index: WorkspaceIndex, id: string): string | undefined {
  const docs = index.documentsWithId(id);
  if (docs.length === 0) return `**${id}**\n\nNo document has this id.`;
  const first = docs[0];
  const facts = [first.type ?? 'document', first.status?.value ?? 'draft', ...(ownerOf(first) ? [`owner: ${escapeMarkdown(ownerOf(first) ?? '')}`] : [])];
  const lines = [`**${id}** — ${escapeMarkdown(first.title?.value ?? 'untitled')}`, '', facts.join(' · '), ''];
  const windows = controlWindowLine(index, first);
  if (windows) lines.push(`Evidence by window: ${windows}`, '');
  if (docs.length === 1) lines.push(`Defined in ${fileLink(index, first)}`);
  else lines.push(`Defined in ${docs.length} documents (ids must be unique):`, '', ...docs.map((d) => `- ${fileLink(index, d)}`));
  return lines.join('\n');
}

function topicMarkdown(index: WorkspaceIndex, id: string): string | undefined {
  const topic = index.catalog.get(id);
  if (!topic) return undefined;
  const lines = [
    `**${id}** — ML topic: ${escapeMarkdown(topic.title)}`,
    '',
    `What an auditor looks for: ${escapeMarkdown(topic.auditor)}`,
    '',
    `Home criteria: ${topic.home.join(', ')}`,
    '',
    ...topicFrameworkLines(index, topic),
  ];
  const coverage = index.coverage().ml.find((t) => t.topic === id);
  if (!coverage) lines.push('ML topics are not checked in this workspace (`ml` is off in attest.yaml, or no document lists one).');
  else lines.push(`Coverage: ${statusText(coverage.status)}`);
  const claimants = topicClaimantsOf(index, id);
  if (claimants.length > 0) lines.push('', ...claimants.map(listItem));
  return lines.join('\n');
}

function fileLink(index: WorkspaceIndex, doc: AttestDocument): string {
  return `[${escapeMarkdown(index.relPathOf(doc.uri) ?? doc.relPath)}](${linkUri(doc.uri)})`;
}

function ownerOf(doc: AttestDocument): string | undefined {
  const node = doc.fields.get('owner')?.node;
  const value = node && 'value' in node ? node.value : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Text from documents shown as Markdown: their own `*`, `_`, `[` must not format the hover. */
