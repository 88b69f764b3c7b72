import * as vscode from 'vscode';
import { escapeMarkdown } from '../../server/src/shared/markdown';
import { isCovered, isEmptyFolder, type CriterionCoverage, type FolderCoverage } from './coverageStore';
import { TYPE_ICON, isTopicGap, statusIcon, truncate, type CoverageNode } from './coverageNodes';
import { frameworkTreeItem } from './coverageFrameworkItems';

/** How each node of the Coverage view shows: label, description, icon, tooltip and the command a click runs. */
export function treeItemOf(node: CoverageNode): vscode.TreeItem {
  switch (node.kind) {
    case 'folder': {
      const s = node.folder.coverage.summary;
      const item = new vscode.TreeItem(node.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.description = isEmptyFolder(node.folder) ? 'no Attest documents' : `${s.percent}% — ${s.covered}/${s.inScope} covered`;
      item.iconPath = vscode.ThemeIcon.Folder;
      item.resourceUri = vscode.Uri.parse(node.folder.folder);
      item.contextValue = 'folder';
      return item;
    }
    case 'emptyFolder': {
      const item = new vscode.TreeItem('Initialise this folder…', vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('add');
      item.tooltip = 'Create attest.yaml and the starter policy library in this folder.';
      item.command = { command: 'attest.init', title: 'Initialise Workspace', arguments: [vscode.Uri.parse(node.folder.folder)] };
      item.contextValue = 'emptyFolder';
      return item;
    }
    case 'category': {
      const covered = node.criteria.filter((c) => isCovered(c.status)).length;
      const item = new vscode.TreeItem(`${node.name} — ${covered}/${node.criteria.length} covered`, vscode.TreeItemCollapsibleState.Collapsed);
      item.iconPath = new vscode.ThemeIcon('symbol-namespace');
      item.contextValue = 'category';
      return item;
    }
    case 'criterion': {
      const c = node.criterion;
      const item = new vscode.TreeItem(c.id, c.documents.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.description = `${c.status} — ${truncate(c.summary, 60)}`;
      item.iconPath = statusIcon(c.status);
      item.tooltip = criterionTooltip(node.folder, c);
      item.contextValue = `criterion.${c.status}`;
      return item;
    }
    case 'mlGroup': {
      const addressed = node.topics.filter((t) => !isTopicGap(t.status)).length;
      const item = new vscode.TreeItem(`ML addenda — ${addressed}/${node.topics.length} addressed`, vscode.TreeItemCollapsibleState.Collapsed);
      item.iconPath = new vscode.ThemeIcon('beaker');
      item.contextValue = 'mlGroup';
      return item;
    }
    case 'topic': {
      const t = node.topic;
      const item = new vscode.TreeItem(t.topic, t.documents.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.description = `${t.status} — ${t.title}`;
      item.iconPath = statusIcon(t.status);
      const tip = new vscode.MarkdownString(undefined, true);
      tip.appendMarkdown(`**${escapeMarkdown(t.title)}** (\`${t.topic}\`) — ${t.status}\n\n`);
      tip.appendMarkdown(t.documents.length ? `Documents: ${t.documents.map((d) => `\`${d}\``).join(', ')}` : 'No document addresses this topic.');
      item.tooltip = tip;
      item.contextValue = `topic.${t.status}`;
      return item;
    }
    case 'framework':
    case 'frameworkGroup':
    case 'item':
      return frameworkTreeItem(node);
    case 'document': {
      const location = node.folder.documents[node.id];
      const item = new vscode.TreeItem(node.id, vscode.TreeItemCollapsibleState.None);
      item.description = location ? location.title : 'not found';
      item.iconPath = new vscode.ThemeIcon(TYPE_ICON[location?.type ?? ''] ?? 'file');
      if (location) {
        const uri = vscode.Uri.parse(location.uri);
        // The cursor lands on the id the document claims, not just its line.
        const claim = location.claims[node.claim] ?? { line: 0, character: 0 };
        const at = new vscode.Position(claim.line, claim.character);
        item.resourceUri = uri;
        item.tooltip = `${location.title} (${location.type}, ${location.status})\n${vscode.workspace.asRelativePath(uri)}:${claim.line + 1}`;
        item.command = {
          command: 'vscode.open',
          title: 'Open Document',
          arguments: [uri, { selection: new vscode.Range(at, at), preview: true } satisfies vscode.TextDocumentShowOptions],
        };
      }
      item.contextValue = 'document';
      return item;
    }
  }
}

function criterionTooltip(folder: FolderCoverage, c: CriterionCoverage): vscode.MarkdownString {
  const tip = new vscode.MarkdownString(undefined, true);
  tip.appendMarkdown(`**${c.id}** — ${c.category} — _${c.status}_\n\n${escapeMarkdown(c.summary)}\n\n`);
  if (c.reason) tip.appendMarkdown(`Excepted: ${escapeMarkdown(c.reason)}\n\n`);
  if (c.documents.length) {
    tip.appendMarkdown('Documents:\n');
    for (const id of c.documents) tip.appendMarkdown(`\n- \`${id}\` ${escapeMarkdown(folder.documents[id]?.title ?? '')}`);
  } else tip.appendMarkdown('No document claims this criterion.');
  return tip;
}
