import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, EXTENSION_ID, fixtureFolder } from './helpers';

describe('the extension', () => {
  it('activates in the fixture workspace and returns its API', async () => {
    fixtureFolder();
    const api = await activate();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive, 'the extension is not active');
    assert.ok(api.coverageTree, 'the API has no coverageTree');
    assert.strictEqual(typeof api.exportCoverage, 'function');
    await api.whenReady();
    assert.strictEqual(api.store.state, 'ready');
  });

  it('registers every command its manifest contributes', async () => {
    await activate();
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string }[] } };
    const contributed = pkg.contributes.commands.map((c) => c.command);
    assert.ok(contributed.includes('attest.newDocument') && contributed.includes('attest.exportCoverage'), 'the manifest contributes the commands');
    const all = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !all.has(c));
    assert.deepStrictEqual(missing, [], `commands not registered: ${missing.join(', ')}`);
  });

  it('contributes the attest.* settings with their defaults', () => {
    const config = vscode.workspace.getConfiguration('attest', fixtureFolder().uri);
    assert.deepStrictEqual(config.inspect('categories')?.defaultValue, []);
    assert.strictEqual(config.inspect('ml')?.defaultValue, 'auto');
    assert.deepStrictEqual(config.inspect('rules')?.defaultValue, {});
    assert.strictEqual(config.inspect('trace.server')?.defaultValue, 'off');
  });

  it('contributes the Coverage view in the Attest container', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { viewsContainers: { activitybar: { id: string }[] }; views: Record<string, { id: string }[]> };
    };
    assert.ok(pkg.contributes.viewsContainers.activitybar.some((c) => c.id === 'attest'));
    assert.ok(pkg.contributes.views.attest.some((v) => v.id === 'attest.coverage'));
  });
});
