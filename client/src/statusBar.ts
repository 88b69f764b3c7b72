import * as vscode from 'vscode';
import { REVEAL_COVERAGE_COMMAND } from '../../server/src/shared/commands';
import { escapeMarkdown } from '../../server/src/shared/markdown';
import { isEmptyFolder, overallSummary, type CoverageStore } from './coverageStore';

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
        const summary = overallSummary(this.store.folders);
        item.text = `$(shield) Attest ${summary.percent}%`;
        const tip = new vscode.MarkdownString(undefined, true);
        tip.appendMarkdown(`**Attest coverage**: ${summary.covered} of ${summary.inScope} in-scope criteria covered\n\n`);
        const folders = this.store.folders.filter((f) => !isEmptyFolder(f));
        for (const f of folders) {
          const s = f.coverage.summary;
          tip.appendMarkdown(`- ${escapeMarkdown(f.name)}: ${s.percent}% (${s.covered}/${s.inScope})\n`);
        }
        // Each framework turned on besides the TSC, with its own percentage (the headline is the TSC's).
        for (const f of folders) {
          for (const framework of f.coverage.frameworks ?? []) {
            const s = framework.summary;
            const where = folders.length > 1 ? ` in ${escapeMarkdown(f.name)}` : '';
            tip.appendMarkdown(`- ${escapeMarkdown(framework.name)}${where}: ${s.percent}% (${s.covered}/${s.inScope})\n`);
          }
        }
        tip.appendMarkdown('\nClick to open the Coverage view.');
        item.tooltip = tip;
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
