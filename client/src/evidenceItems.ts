import * as vscode from 'vscode';
import { escapeMarkdown } from '../../server/src/shared/markdown';
import {
  evidenceItemText,
  stateCounts,
  type EvidenceGroups,
  type EvidenceItemJson,
  type EvidenceListJson,
  type EvidenceRow,
  type RowState,
  type WindowGroup,
} from './evidenceModel';

/** What the server said about one workspace folder's evidence. */
export type FolderEvidenceResult =
  | { readonly kind: 'list'; readonly list: EvidenceListJson; readonly groups: EvidenceGroups }
  /** attest.yaml names no `audit` (or there is no attest.yaml): there are no windows. */
  | { readonly kind: 'noAudit' }
  | { readonly kind: 'error'; readonly message: string };

export interface FolderEvidence {
  /** URI of the workspace folder. */
  readonly folder: string;
  readonly name: string;
  readonly configUri?: string;
  readonly result: FolderEvidenceResult;
}

export type EvidenceNode =
  | { readonly kind: 'folder'; readonly key: string; readonly folder: FolderEvidence }
  | { readonly kind: 'group'; readonly key: string; readonly folder: FolderEvidence; readonly group: 'dueNext' | 'missing'; readonly rows: readonly EvidenceRow[] }
  | { readonly kind: 'window'; readonly key: string; readonly folder: FolderEvidence; readonly window: WindowGroup; readonly today: string }
  | { readonly kind: 'request'; readonly key: string; readonly folder: FolderEvidence; readonly row: EvidenceRow; readonly inGroup: boolean }
  | { readonly kind: 'evidence'; readonly key: string; readonly folder: FolderEvidence; readonly item: EvidenceItemJson }
  | { readonly kind: 'note'; readonly key: string; readonly folder: FolderEvidence; readonly text: string; readonly command?: vscode.Command };

/** The command a row runs: open the control at its `evidence` key (see evidenceView.ts). */
export const OPEN_REQUEST_COMMAND = 'attest.openEvidenceRequest';

const STATE_ICON: Readonly<Record<RowState, [string, string]>> = {
  collected: ['pass', 'charts.green'],
  missing: ['error', 'charts.red'],
  dueNext: ['clock', 'charts.yellow'],
  upcoming: ['circle-large-outline', 'descriptionForeground'],
};

const STATE_WORD: Readonly<Record<RowState, string>> = { collected: 'collected', missing: 'missing', dueNext: 'due next', upcoming: 'upcoming' };

function icon(name: string, color: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(name, new vscode.ThemeColor(color));
}

function auditText(list: EvidenceListJson): string {
  return list.audit.type === 1 ? `Type I as of ${list.audit.date}` : `Type II, ${list.audit.period.start} to ${list.audit.period.end}`;
}

export function treeItemOf(node: EvidenceNode): vscode.TreeItem {
  switch (node.kind) {
    case 'folder': {
      const item = new vscode.TreeItem(node.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      const result = node.folder.result;
      item.description = result.kind === 'list' ? `${auditText(result.list)} · ${result.list.counts.missing} missing` : result.kind === 'noAudit' ? 'no audit in attest.yaml' : 'evidence list unavailable';
      item.iconPath = vscode.ThemeIcon.Folder;
      item.resourceUri = vscode.Uri.parse(node.folder.folder);
      item.contextValue = 'evidenceFolder';
      return item;
    }
    case 'group':
      return groupItem(node.group, node.rows);
    case 'window':
      return windowItem(node.window, node.today);
    case 'request':
      return requestItem(node.folder, node.row, node.inGroup);
    case 'evidence':
      return evidenceItem(node.folder, node.item);
    case 'note': {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('info');
      if (node.command) item.command = node.command;
      return item;
    }
  }
}

function groupItem(group: 'dueNext' | 'missing', rows: readonly EvidenceRow[]): vscode.TreeItem {
  const empty = rows.length === 0;
  const item = new vscode.TreeItem(group === 'dueNext' ? 'Due next' : 'Missing', empty ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Expanded);
  if (group === 'dueNext') {
    item.description = empty ? 'nothing left in the period' : `${rows.length} ${rows.length === 1 ? 'control' : 'controls'}`;
    item.iconPath = icon('calendar', 'charts.yellow');
    item.tooltip = 'Each control’s next window still to come, soonest due first: the evidence to collect next.';
  } else {
    item.description = empty ? 'none: every window that ended has evidence' : `${rows.length} ${rows.length === 1 ? 'window' : 'windows'} without evidence`;
    item.iconPath = empty ? icon('pass', 'charts.green') : icon('error', 'charts.red');
    item.tooltip = 'Windows that have ended without evidence collected in them (each is an evidence-gap warning on its control).';
  }
  item.contextValue = `evidenceGroup.${group}`;
  return item;
}

function windowItem(window: WindowGroup, today: string): vscode.TreeItem {
  const counts = stateCounts(window.rows);
  const item = new vscode.TreeItem(window.text, vscode.TreeItemCollapsibleState.Collapsed);
  const tally = [
    counts.missing ? `${counts.missing} missing` : '',
    counts.collected ? `${counts.collected} collected` : '',
    counts.dueNext + counts.upcoming ? `${counts.dueNext + counts.upcoming} to come` : '',
  ].filter(Boolean);
  const when = window.ended ? `ended ${window.end}` : window.start <= today ? `open until ${window.end}` : `starts ${window.start}`;
  item.description = `${when} — ${tally.join(', ')}`;
  item.iconPath = counts.missing
    ? icon('error', 'charts.red')
    : window.ended
      ? icon('pass', 'charts.green')
      : window.start <= today
        ? icon('clock', 'charts.yellow')
        : icon('circle-large-outline', 'descriptionForeground');
  item.tooltip = `${window.text}: ${window.start} to ${window.end}. ${tally.join(', ')}.`;
  item.contextValue = counts.missing ? 'evidenceWindow.missing' : 'evidenceWindow';
  return item;
}

function requestDescription(row: EvidenceRow, today: string, inGroup: boolean): string {
  const r = row.request;
  // A window that ended lately may still be within its grace days.
  const due = row.state === 'missing' ? `${r.due < today ? 'was due' : 'due'} ${r.due}` : `due ${r.due}`;
  // Under "Due next" and "Missing" the group already says the state.
  if (inGroup) return due;
  switch (row.state) {
    case 'collected': {
      const more = r.evidence.length > 1 ? ` +${r.evidence.length - 1} more` : '';
      return `✓ ${r.evidence[0] ? evidenceItemText(r.evidence[0]) : 'collected'}${more}`;
    }
    case 'missing':
      return `✗ missing — ${due}`;
    case 'dueNext':
      return `due next — by ${r.due}`;
    case 'upcoming':
      return `upcoming — ${due}`;
  }
}

function requestItem(folder: FolderEvidence, row: EvidenceRow, inGroup: boolean): vscode.TreeItem {
  const r = row.request;
  const collapsible = row.state === 'collected' && r.evidence.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(r.control.id, collapsible);
  const windowLabel = r.window.kind === 'period' ? `${r.window.start} to ${r.window.end}` : r.window.kind === 'as-of' ? `as of ${r.window.end}` : r.window.label;
  const today = folder.result.kind === 'list' ? folder.result.list.today : '';
  const description = `${requestDescription(row, today, inGroup)} · ${r.control.title}`;
  item.description = inGroup ? `${windowLabel} · ${description}` : description;
  const [name, color] = STATE_ICON[row.state];
  item.iconPath = icon(name, color);
  item.tooltip = requestTooltip(row);
  item.contextValue = `evidenceRequest.${row.state}`;
  item.command = {
    command: OPEN_REQUEST_COMMAND,
    title: 'Open Control',
    arguments: [{ folder: folder.folder, path: r.control.path, collected: row.state === 'collected' ? (r.evidence[0]?.collected ?? undefined) : undefined }],
  };
  return item;
}

function requestTooltip(row: EvidenceRow): vscode.MarkdownString {
  const r = row.request;
  const tip = new vscode.MarkdownString(undefined, true);
  tip.appendMarkdown(`**${escapeMarkdown(r.control.id)}** ${escapeMarkdown(r.control.title)}\n\n`);
  tip.appendMarkdown(`Window ${escapeMarkdown(r.window.label)} (${r.window.start} to ${r.window.end}), due ${r.due}: **${STATE_WORD[row.state]}**\n\n`);
  const facts = [
    r.owner ? `Owner: ${escapeMarkdown(r.owner)}` : undefined,
    r.frequency ? `Frequency: ${escapeMarkdown(r.frequency)}` : undefined,
    r.criteria.length ? `Criteria: ${r.criteria.map(escapeMarkdown).join(', ')}` : undefined,
    `Request: \`${r.id}\``,
  ].filter((f): f is string => !!f);
  tip.appendMarkdown(facts.join(' · ') + '\n\n');
  if (r.evidence.length) tip.appendMarkdown(r.evidence.map((e) => `- ${escapeMarkdown(evidenceItemText(e))}`).join('\n') + '\n\n');
  else if (row.state === 'missing') tip.appendMarkdown('Nothing was collected in this window. Click to open the control at its `evidence` key, where a quick fix adds an entry for it.');
  return tip;
}

function evidenceItem(folder: FolderEvidence, entry: EvidenceItemJson): vscode.TreeItem {
  const item = new vscode.TreeItem(entry.name ?? entry.path ?? entry.url ?? (entry.noEvent ? 'No event occurred' : 'Unnamed evidence'), vscode.TreeItemCollapsibleState.None);
  item.description = [entry.collected, entry.name ? (entry.path ?? entry.url) : undefined].filter(Boolean).join(' · ');
  const target = entry.path ? vscode.Uri.joinPath(vscode.Uri.parse(folder.folder), ...entry.path.split(/[\\/]/)) : entry.url && /^https?:\/\//i.test(entry.url) ? vscode.Uri.parse(entry.url) : undefined;
  item.iconPath = new vscode.ThemeIcon(entry.path ? 'file' : entry.url ? 'link-external' : 'note');
  if (target) {
    item.command = { command: 'vscode.open', title: 'Open Evidence', arguments: [target] };
    item.tooltip = entry.path ?? entry.url ?? undefined;
  }
  item.contextValue = 'evidenceItem';
  return item;
}
