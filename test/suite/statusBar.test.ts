import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, waitFor } from './helpers';

describe('the status bar', () => {
  it('counts the indexing of all folders together, and shows a failure instead of a spinner', async () => {
    const api = await activate();
    await api.whenReady();
    try {
      // A (re)start: indexing begins again for every folder.
      api.store.setState('loading');
      api.store.setIndexing({ folder: 'file:///a', done: 5, total: 10, finished: false });
      api.store.setIndexing({ folder: 'file:///b', done: 10, total: 20, finished: false });
      assert.strictEqual(api.statusBar.text, '$(sync~spin) Attest indexing 15/30');
      api.store.setState('failed');
      assert.strictEqual(api.statusBar.text, '$(error) Attest');
    } finally {
      // Back to a running server, as the other tests found it.
      await vscode.commands.executeCommand('attest.restartServer');
      await waitFor(() => /^\$\(shield\) Attest \d/.test(api.statusBar.text), () => `the status bar shows "${api.statusBar.text}" after the restart`, {
        events: [api.store.onDidChange],
      });
    }
  });

  it("shows each folder's percentage, not one pooled over folders audited apart", async () => {
    const api = await activate();
    await api.whenReady();
    const folder = (name: string, covered: number, inScope: number) => ({
      folder: `file:///${name}`,
      name,
      configUri: `file:///${name}/attest.yaml`,
      coverage: { criteria: [], ml: [], summary: { covered, inScope, percent: Math.round((covered / inScope) * 1000) / 10, drafted: 0 } },
      documents: {},
    });
    try {
      api.store.setCoverage([folder('app', 33, 38), folder('infra', 10, 25)]);
      api.store.setState('ready');
      assert.strictEqual(api.statusBar.text, '$(shield) Attest app 86.8% · infra 40%');
      const tip = api.statusBar.tooltip instanceof vscode.MarkdownString ? api.statusBar.tooltip.value : String(api.statusBar.tooltip);
      assert.match(tip, /\*\*app\*\*: 86\.8% — 33 of 38 in-scope criteria covered/);
      assert.match(tip, /\*\*infra\*\*: 40% — 10 of 25/);
      assert.doesNotMatch(tip, /43 of 63/, 'no pooled figure');
      api.store.setCoverage([folder('app', 33, 38)]);
      assert.strictEqual(api.statusBar.text, '$(shield) Attest 86.8%');
    } finally {
      await vscode.commands.executeCommand('attest.refreshCoverage');
    }
  });
});
