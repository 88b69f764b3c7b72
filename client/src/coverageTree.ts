import * as vscode from 'vscode';
import { isCovered, isEmptyFolder, type CoverageStore, type CriterionCoverage, type FolderCoverage } from './coverageStore';
import { treeItemOf } from './coverageItems';
import { isTopicGap, type CategoryNode, type CoverageNode, type CriterionNode, type DocumentNode, type FolderNode, type FrameworkGroupNode, type FrameworkNode, type ItemNode, type MlGroupNode, type TopicNode } from './coverageNodes';

export * from './coverageNodes';

export const VIEW_ID = 'attest.coverage';

/** What the view shows: everything, criteria that are not covered, or ML topics without a document. */
export type CoverageFilter = 'all' | 'uncovered' | 'mlGaps';

/**
 * The Coverage view: (folder →) category → criterion → documents, an "ML addenda" group
 * with each topic, and a group per framework turned on besides the TSC (framework → clause →
 * item → documents). Rebuilt from the store on every `attest/coverageChanged`.
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
    const item = treeItemOf(node);
    item.id = node.key;
    return item;
  }

  // ---- Lookups (reveal, commands, tests) ---------------------------------------------

  /**
   * The node of a criterion, ML topic, framework item (`A.7.5`, or `iso42001:A.7.5` where ids
   * repeat) or document id (the first match), in the nodes currently built.
   */
  find(id: string, folder?: string): CoverageNode | undefined {
    const wanted = id.trim();
    const candidates = [...this.byKey.values()].filter((n) => !folder || n.folder.folder === folder);
    return (
      candidates.find((n) => n.kind === 'criterion' && n.criterion.id.toUpperCase() === wanted.toUpperCase()) ??
      candidates.find((n) => n.kind === 'topic' && n.topic.topic === wanted) ??
      candidates.find((n) => n.kind === 'item' && (n.item.id === wanted || `${n.framework.id}:${n.item.id}` === wanted)) ??
      candidates.find((n) => n.kind === 'framework' && n.framework.id === wanted) ??
      candidates.find((n) => n.kind === 'document' && n.id === wanted)
    );
  }

  /** Whether `id` exists in the coverage at all, whatever the filter. */
  knows(id: string): boolean {
    const upper = id.toUpperCase();
    return this.store.folders.some(
      (f) =>
        f.coverage.criteria.some((c) => c.id.toUpperCase() === upper) ||
        f.coverage.ml.some((t) => t.topic === id) ||
        (f.coverage.frameworks ?? []).some((fw) => fw.id === id || fw.items.some((i) => i.id === id || `${fw.id}:${i.id}` === id)) ||
        id in f.documents,
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
    if (this.filterValue !== 'mlGaps') nodes.push(...this.frameworkNodes(folder, parent));
    return nodes;
  }

  /** One node per framework, its items grouped by clause; the uncovered filter keeps the items not covered. */
  private frameworkNodes(folder: FolderCoverage, parent: FolderNode | undefined): FrameworkNode[] {
    const prefix = folder.folder;
    const nodes: FrameworkNode[] = [];
    for (const framework of folder.coverage.frameworks ?? []) {
      const node: FrameworkNode = { kind: 'framework', key: `${prefix}#framework:${framework.id}`, folder, parent, framework };
      const shown = this.filterValue === 'uncovered' ? framework.items.filter((i) => !isCovered(i.status)) : framework.items;
      if (shown.length === 0 && this.filterValue !== 'all') continue;
      const groups = new Map<string, typeof shown>();
      for (const item of shown) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
      this.add(
        node,
        [...groups].map(([name, items]) => {
          const all = framework.items.filter((i) => i.group === name);
          const group: FrameworkGroupNode = { kind: 'frameworkGroup', key: `${node.key}/group:${name}`, folder, parent: node, framework, name, items: all };
          this.add(
            group,
            items.map((item) => {
              const itemNode: ItemNode = { kind: 'item', key: `${node.key}/item:${item.id}`, folder, parent: group, framework, item };
              this.add(itemNode, this.documentNodes(folder, itemNode, `${framework.id}:${item.id}`, item.documents));
              return itemNode;
            }),
          );
          return group;
        }),
      );
      nodes.push(node);
    }
    return nodes;
  }

  private documentNodes(folder: FolderCoverage, parent: CriterionNode | TopicNode | ItemNode, claim: string, ids: readonly string[]): DocumentNode[] {
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

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

