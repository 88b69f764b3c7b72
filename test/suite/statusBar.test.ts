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
});
