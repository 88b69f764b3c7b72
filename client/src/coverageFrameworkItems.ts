import * as vscode from 'vscode';
import { escapeMarkdown } from '../../server/src/shared/markdown';
import { isCovered, type FolderCoverage, type FrameworkItemCoverage } from './coverageStore';
import { statusIcon, truncate, type FrameworkGroupNode, type FrameworkNode, type ItemNode } from './coverageNodes';

/** How a framework, one of its groups, or one of its items shows in the Coverage view. */
export function frameworkTreeItem(node: FrameworkNode | FrameworkGroupNode | ItemNode): vscode.TreeItem {
  switch (node.kind) {
    case 'framework': {
      const s = node.framework.summary;
      const item = new vscode.TreeItem(`${node.framework.name} — ${s.covered}/${s.inScope} covered`, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${s.percent}%`;
      item.iconPath = new vscode.ThemeIcon('library');
      item.tooltip = `${node.framework.title} (\`${node.framework.id}\` in attest.yaml): ${s.percent}% of its items controlled, implemented or excepted. Only explicit claims under \`satisfies\` count.`;
      // The ISO annexes have a Statement of Applicability to export.
      item.contextValue = node.framework.id.startsWith('iso') ? 'framework.soa' : 'framework';
      return item;
    }
    case 'frameworkGroup': {
      const covered = node.items.filter((i) => isCovered(i.status)).length;
      const item = new vscode.TreeItem(`${node.name} — ${covered}/${node.items.length} covered`, vscode.TreeItemCollapsibleState.Collapsed);
      item.iconPath = new vscode.ThemeIcon('symbol-namespace');
      item.contextValue = 'frameworkGroup';
      return item;
    }
    case 'item': {
      const i = node.item;
      const item = new vscode.TreeItem(i.id, i.documents.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.description = `${i.status} — ${truncate(i.title ?? i.summary, 60)}`;
      item.iconPath = statusIcon(i.status);
      item.tooltip = itemTooltip(node.folder, node.framework.name, i);
      item.contextValue = `item.${i.status}`;
      return item;
    }
  }
}

function itemTooltip(folder: FolderCoverage, framework: string, i: FrameworkItemCoverage): vscode.MarkdownString {
  const tip = new vscode.MarkdownString(undefined, true);
  tip.appendMarkdown(`**${escapeMarkdown(i.id)}**${i.title ? ` ${escapeMarkdown(i.title)}` : ''} — ${escapeMarkdown(framework)} — _${i.status}_\n\n${escapeMarkdown(i.summary)}\n\n`);
  if (i.reason) tip.appendMarkdown(`Not applicable: ${escapeMarkdown(i.reason)}\n\n`);
  if (i.documents.length) {
    tip.appendMarkdown('Documents:\n');
    for (const id of i.documents) tip.appendMarkdown(`\n- \`${id}\` ${escapeMarkdown(folder.documents[id]?.title ?? '')}`);
  } else tip.appendMarkdown('No document claims this item.');
  return tip;
}
