import * as vscode from 'vscode';
import { REVEAL_COVERAGE_COMMAND } from '../../server/src/shared/commands';
import { escapeMarkdown } from '../../server/src/shared/markdown';
import { isEmptyFolder, type CoverageStore, type FolderCoverage } from './coverageStore';

/**
 * "$(shield) Attest 87%": the coverage of the workspace; "$(sync~spin) Attest indexing
 * 120/1000" while the server indexes. Clicking opens the Coverage view.
 */
export class CoverageStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: CoverageStore) {
    this.item = vscode.window.createStatusBarItem('attest.coverage', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Attest Coverage';
    this.item.command = { command: REVEAL_COVERAGE_COMMAND, title: 'Show Attest Coverage' };
    this.subscription = store.onDidChange(() => this.update());
    this.update();
  }

  update(): void {
    const { state, indexing } = this.store;
    const item = this.item;
    item.backgroundColor = undefined;
    if (indexing && !indexing.finished) {
      item.text = `$(sync~spin) Attest indexing ${indexing.done}/${indexing.total}`;
      item.tooltip = 'Attest is indexing the policies of the workspace.';
      item.show();
      return;
    }
    switch (state) {
      case 'noFolder':
      case 'idle':
        item.hide();
        return;
      case 'loading':
        item.text = '$(sync~spin) Attest';
        item.tooltip = 'Attest is starting.';
        break;
      case 'failed':
        item.text = '$(error) Attest';
        item.tooltip = 'The Attest language server stopped. Click to open the Coverage view; run "Attest: Restart Language Server" to start it again.';
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
      case 'empty':
        item.text = '$(shield) Attest';
        item.tooltip = 'No Attest documents in this workspace yet.';
        break;
      case 'ready': {
        const folders = this.store.folders.filter((f) => !isEmptyFolder(f));
        item.text = `$(shield) ${statusText(folders)}`;
        item.tooltip = coverageTooltip(folders);
        break;
      }
    }
    item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

/** Folders whose figures still fit in the status bar; beyond, the tooltip lists them. */
const MAX_FOLDERS_SHOWN = 3;

/**
 * "Attest 87%" for one folder; "Attest app 87% · infra 40%" for several: each folder is
 * audited on its own, so a pooled percentage would describe no audit at all.
 */
export function statusText(folders: readonly FolderCoverage[]): string {
  if (folders.length === 0) return 'Attest';
  if (folders.length === 1) return `Attest ${folders[0].coverage.summary.percent}%`;
  if (folders.length > MAX_FOLDERS_SHOWN) return `Attest ${folders.length} folders`;
  return `Attest ${folders.map((f) => `${f.name} ${f.coverage.summary.percent}%`).join(' · ')}`;
}

function coverageTooltip(folders: readonly FolderCoverage[]): vscode.MarkdownString {
  const tip = new vscode.MarkdownString(undefined, true);
  const several = folders.length > 1;
  for (const f of folders) {
    const s = f.coverage.summary;
    const drafted = s.drafted ? `; ${s.drafted} drafted` : '';
    tip.appendMarkdown(`**${several ? escapeMarkdown(f.name) : 'Attest coverage'}**: ${s.percent}% — ${s.covered} of ${s.inScope} in-scope criteria covered${drafted}\n\n`);
    // Each framework turned on besides the TSC, with its own percentage (the headline is the TSC's).
    for (const framework of f.coverage.frameworks ?? []) {
      const fs = framework.summary;
      tip.appendMarkdown(`- ${escapeMarkdown(framework.name)}: ${fs.percent}% (${fs.covered}/${fs.inScope})\n`);
    }
    if (f.coverage.frameworks?.length) tip.appendMarkdown('\n');
  }
  tip.appendMarkdown('Click to open the Coverage view.');
  return tip;
}
