import * as vscode from 'vscode';
import { isCovered, isEmptyFolder, type CoverageStore, type CoverageStatus, type CriterionCoverage, type FolderCoverage, type TopicCoverage } from './coverageStore';
import { escapeMarkdown } from '../../server/src/shared/markdown';

export const VIEW_ID = 'attest.coverage';

/** What the view shows: everything, criteria that are not covered, or ML topics without a document. */
export type CoverageFilter = 'all' | 'uncovered' | 'mlGaps';

interface Base {
  /** Stable id, also the TreeItem id (so expansion survives refreshes). */
  readonly key: string;
  readonly folder: FolderCoverage;
  readonly parent: CoverageNode | undefined;
}
export interface FolderNode extends Base {
  readonly kind: 'folder';
}
export interface CategoryNode extends Base {
  readonly kind: 'category';
  readonly name: string;
  readonly criteria: readonly CriterionCoverage[];
}
export interface CriterionNode extends Base {
  readonly kind: 'criterion';
  readonly criterion: CriterionCoverage;
}
export interface MlGroupNode extends Base {
  readonly kind: 'mlGroup';
  readonly topics: readonly TopicCoverage[];
}
export interface TopicNode extends Base {
  readonly kind: 'topic';
  readonly topic: TopicCoverage;
}
export interface DocumentNode extends Base {
  readonly kind: 'document';
  /** Document id. */
  readonly id: string;
  /** The criterion id or ML topic the document claims here. */
  readonly claim: string;
}
/** Shown under a folder of a multi-root workspace that has nothing yet. */
export interface EmptyFolderNode extends Base {
  readonly kind: 'emptyFolder';
}
export type CoverageNode = FolderNode | CategoryNode | CriterionNode | MlGroupNode | TopicNode | DocumentNode | EmptyFolderNode;

/** The codicon and theme colour of each status, wherever the client shows one. */
export const STATUS_ICON: Readonly<Record<CoverageStatus, [string, string]>> = {
  uncovered: ['error', 'charts.red'],
  documented: ['warning', 'charts.yellow'],
  controlled: ['shield', 'charts.blue'],
  implemented: ['pass', 'charts.green'],
  excepted: ['circle-slash', 'disabledForeground'],
};

const TYPE_ICON: Readonly<Record<string, string>> = {
  policy: 'law',
  control: 'shield',
  procedure: 'list-ordered',
  narrative: 'book',
  addendum: 'beaker',
};

export function statusIcon(status: CoverageStatus): vscode.ThemeIcon {
  const [icon, color] = STATUS_ICON[status] ?? ['circle-outline', 'foreground'];
  return new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + '…';
}

/** A topic counts as addressed once any document claims it (what `missing-ml-addendum` asks for). */
export function isTopicGap(status: CoverageStatus): boolean {
  return status === 'uncovered';
}

/**
 * The Coverage view: (folder →) category → criterion → documents, and an "ML addenda"
 * group with each topic. Rebuilt from the store on every `attest/coverageChanged`.
 */
export class CoverageTreeProvider implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CoverageNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterValue: CoverageFilter = 'all';
  private roots: CoverageNode[] = [];
  private readonly children = new Map<string, CoverageNode[]>();
  private readonly byKey = new Map<string, CoverageNode>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: CoverageStore) {
    this.rebuild();
    this.subscription = store.onDidChange(() => this.refresh());
    void vscode.commands.executeCommand('setContext', 'attest.coverageFilter', this.filterValue);
  }

  get filter(): CoverageFilter {
    return this.filterValue;
  }

  setFilter(filter: CoverageFilter): void {
    this.filterValue = filter;
    void vscode.commands.executeCommand('setContext', 'attest.coverageFilter', filter);
    this.refresh();
  }

  refresh(): void {
    this.rebuild();
    this.changed.fire();
  }

  // ---- TreeDataProvider --------------------------------------------------------------

  getChildren(node?: CoverageNode): CoverageNode[] {
    return node ? (this.children.get(node.key) ?? []) : this.roots;
  }

  getParent(node: CoverageNode): CoverageNode | undefined {
    return node.parent;
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const s = node.folder.coverage.summary;
        const item = new vscode.TreeItem(node.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.description = isEmptyFolder(node.folder) ? 'no Attest documents' : `${s.percent}% — ${s.covered}/${s.inScope} covered`;
        item.iconPath = vscode.ThemeIcon.Folder;
        item.resourceUri = vscode.Uri.parse(node.folder.folder);
        item.contextValue = 'folder';
        return this.withId(item, node);
      }
      case 'emptyFolder': {
        const item = new vscode.TreeItem('Initialise this folder…', vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('add');
        item.tooltip = 'Create attest.yaml and the starter policy library in this folder.';
        item.command = { command: 'attest.init', title: 'Initialise Workspace', arguments: [vscode.Uri.parse(node.folder.folder)] };
        item.contextValue = 'emptyFolder';
        return this.withId(item, node);
      }
      case 'category': {
        const covered = node.criteria.filter((c) => isCovered(c.status)).length;
        const item = new vscode.TreeItem(`${node.name} — ${covered}/${node.criteria.length} covered`, vscode.TreeItemCollapsibleState.Collapsed);
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        item.contextValue = 'category';
        return this.withId(item, node);
      }
      case 'criterion': {
        const c = node.criterion;
        const item = new vscode.TreeItem(c.id, c.documents.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = `${c.status} — ${truncate(c.summary, 60)}`;
        item.iconPath = statusIcon(c.status);
        item.tooltip = this.criterionTooltip(node.folder, c);
        item.contextValue = `criterion.${c.status}`;
        return this.withId(item, node);
      }
      case 'mlGroup': {
        const addressed = node.topics.filter((t) => !isTopicGap(t.status)).length;
        const item = new vscode.TreeItem(`ML addenda — ${addressed}/${node.topics.length} addressed`, vscode.TreeItemCollapsibleState.Collapsed);
        item.iconPath = new vscode.ThemeIcon('beaker');
        item.contextValue = 'mlGroup';
        return this.withId(item, node);
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
        return this.withId(item, node);
      }
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
        return this.withId(item, node);
      }
    }
  }

  // ---- Lookups (reveal, commands, tests) ---------------------------------------------

  /** The node of a criterion, ML topic or document id (the first match), in the nodes currently built. */
  find(id: string, folder?: string): CoverageNode | undefined {
    const wanted = id.trim();
    const candidates = [...this.byKey.values()].filter((n) => !folder || n.folder.folder === folder);
    return (
      candidates.find((n) => n.kind === 'criterion' && n.criterion.id.toUpperCase() === wanted.toUpperCase()) ??
      candidates.find((n) => n.kind === 'topic' && n.topic.topic === wanted) ??
      candidates.find((n) => n.kind === 'document' && n.id === wanted)
    );
  }

  /** Whether `id` exists in the coverage at all, whatever the filter. */
  knows(id: string): boolean {
    const upper = id.toUpperCase();
    return this.store.folders.some(
      (f) => f.coverage.criteria.some((c) => c.id.toUpperCase() === upper) || f.coverage.ml.some((t) => t.topic === id) || id in f.documents,
    );
  }

  // ---- Building ----------------------------------------------------------------------

  private rebuild(): void {
    this.children.clear();
    this.byKey.clear();
    const folders = this.store.hasCoverage ? this.store.folders : [];
    if (folders.length === 0 || folders.every(isEmptyFolder)) {
      // Nothing to show: the view's welcome content (viewsWelcome) takes over.
      this.roots = [];
      return;
    }
    if (folders.length === 1) {
      this.roots = this.folderChildren(folders[0], undefined);
      return;
    }
    this.roots = folders.map((folder) => {
      const node: FolderNode = { kind: 'folder', key: `folder:${folder.folder}`, folder, parent: undefined };
      this.add(node, this.folderChildren(folder, node));
      return node;
    });
  }

  private folderChildren(folder: FolderCoverage, parent: FolderNode | undefined): CoverageNode[] {
    const prefix = folder.folder;
    if (isEmptyFolder(folder)) {
      return [this.register({ kind: 'emptyFolder', key: `${prefix}#empty`, folder, parent })];
    }
    const nodes: CoverageNode[] = [];
    if (this.filterValue !== 'mlGaps') {
      const categories = new Map<string, CriterionCoverage[]>();
      for (const c of folder.coverage.criteria) {
        const list = categories.get(c.category) ?? [];
        list.push(c);
        categories.set(c.category, list);
      }
      for (const [name, criteria] of categories) {
        const category: CategoryNode = { kind: 'category', key: `${prefix}#category:${name}`, folder, parent, name, criteria };
        const shown = this.filterValue === 'uncovered' ? criteria.filter((c) => !isCovered(c.status)) : criteria;
        if (shown.length === 0 && this.filterValue !== 'all') continue;
        this.add(
          category,
          shown.map((criterion) => {
            const node: CriterionNode = { kind: 'criterion', key: `${prefix}#criterion:${criterion.id}`, folder, parent: category, criterion };
            this.add(node, this.documentNodes(folder, node, criterion.id, criterion.documents));
            return node;
          }),
        );
        nodes.push(category);
      }
    }
    if (this.filterValue !== 'uncovered' && folder.coverage.ml.length > 0) {
      const group: MlGroupNode = { kind: 'mlGroup', key: `${prefix}#ml`, folder, parent, topics: folder.coverage.ml };
      const shown = this.filterValue === 'mlGaps' ? folder.coverage.ml.filter((t) => isTopicGap(t.status)) : folder.coverage.ml;
      if (shown.length > 0 || this.filterValue === 'all') {
        this.add(
          group,
          shown.map((topic) => {
            const node: TopicNode = { kind: 'topic', key: `${prefix}#topic:${topic.topic}`, folder, parent: group, topic };
            this.add(node, this.documentNodes(folder, node, topic.topic, topic.documents));
            return node;
          }),
        );
        nodes.push(group);
      }
    }
    return nodes;
  }

  private documentNodes(folder: FolderCoverage, parent: CriterionNode | TopicNode, claim: string, ids: readonly string[]): DocumentNode[] {
    return ids.map((id) => this.register({ kind: 'document', key: `${parent.key}/${id}`, folder, parent, id, claim }));
  }

  private register<T extends CoverageNode>(node: T): T {
    this.byKey.set(node.key, node);
    return node;
  }

  private add(node: CoverageNode, children: CoverageNode[]): void {
    this.register(node);
    this.children.set(node.key, children);
  }

  private withId(item: vscode.TreeItem, node: CoverageNode): vscode.TreeItem {
    item.id = node.key;
    return item;
  }

  private criterionTooltip(folder: FolderCoverage, c: CriterionCoverage): vscode.MarkdownString {
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**${c.id}** — ${c.category} — _${c.status}_\n\n${escapeMarkdown(c.summary)}\n\n`);
    if (c.reason) tip.appendMarkdown(`Excepted: ${escapeMarkdown(c.reason)}\n\n`);
    if (c.documents.length) {
      tip.appendMarkdown('Documents:\n');
      for (const id of c.documents) tip.appendMarkdown(`\n- \`${id}\` ${escapeMarkdown(folder.documents[id]?.title ?? '')}`);
    } else tip.appendMarkdown('No document claims this criterion.');
    return tip;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

