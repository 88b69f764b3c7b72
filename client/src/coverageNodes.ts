import * as vscode from 'vscode';
import type { CoverageStatus, CriterionCoverage, FolderCoverage, FrameworkCoverage, FrameworkItemCoverage, TopicCoverage } from './coverageStore';

export interface CoverageNodeBase {
  /** Stable id, also the TreeItem id (so expansion survives refreshes). */
  readonly key: string;
  readonly folder: FolderCoverage;
  readonly parent: CoverageNode | undefined;
}
export interface FolderNode extends CoverageNodeBase {
  readonly kind: 'folder';
}
export interface CategoryNode extends CoverageNodeBase {
  readonly kind: 'category';
  readonly name: string;
  readonly criteria: readonly CriterionCoverage[];
}
export interface CriterionNode extends CoverageNodeBase {
  readonly kind: 'criterion';
  readonly criterion: CriterionCoverage;
}
export interface MlGroupNode extends CoverageNodeBase {
  readonly kind: 'mlGroup';
  readonly topics: readonly TopicCoverage[];
}
export interface TopicNode extends CoverageNodeBase {
  readonly kind: 'topic';
  readonly topic: TopicCoverage;
}
/** A framework turned on besides the TSC: its groups (clauses, functions) below it. */
export interface FrameworkNode extends CoverageNodeBase {
  readonly kind: 'framework';
  readonly framework: FrameworkCoverage;
}
export interface FrameworkGroupNode extends CoverageNodeBase {
  readonly kind: 'frameworkGroup';
  readonly framework: FrameworkCoverage;
  readonly name: string;
  readonly items: readonly FrameworkItemCoverage[];
}
export interface ItemNode extends CoverageNodeBase {
  readonly kind: 'item';
  readonly framework: FrameworkCoverage;
  readonly item: FrameworkItemCoverage;
}
export interface DocumentNode extends CoverageNodeBase {
  readonly kind: 'document';
  /** Document id. */
  readonly id: string;
  /** The criterion id or ML topic the document claims here, or `framework:id` for a framework item. */
  readonly claim: string;
}
/** Shown under a folder of a multi-root workspace that has nothing yet. */
export interface EmptyFolderNode extends CoverageNodeBase {
  readonly kind: 'emptyFolder';
}
export type CoverageNode = FolderNode | CategoryNode | CriterionNode | MlGroupNode | TopicNode | FrameworkNode | FrameworkGroupNode | ItemNode | DocumentNode | EmptyFolderNode;

/** The codicon and theme colour of each status, wherever the client shows one. */
export const STATUS_ICON: Readonly<Record<CoverageStatus, [string, string]>> = {
  uncovered: ['error', 'charts.red'],
  drafted: ['edit', 'charts.orange'],
  documented: ['warning', 'charts.yellow'],
  controlled: ['shield', 'charts.blue'],
  implemented: ['pass', 'charts.green'],
  excepted: ['circle-slash', 'disabledForeground'],
};

export const TYPE_ICON: Readonly<Record<string, string>> = {
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
