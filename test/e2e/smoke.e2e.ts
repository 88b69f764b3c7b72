/**
 * Smoke test: the workbench starts in code-server with the packaged extension
 * installed, opens a workspace folder and shows and opens its files.
 * Deliberately independent of Attest's own features.
 */
import * as assert from 'assert';
import { context } from './context';
import { editorLine } from './workbench/editor';
import { explorerRow, openFile } from './workbench/explorer';
import { screenshot } from './workbench/screenshots';
import { statusBarItem } from './workbench/statusBar';
import { waitForWorkbench } from './workbench/workbenchPage';

describe('workbench smoke', function () {
  it('has the packaged extension installed', async function () {
    context.requireExtension();
    const installed = await context.server.listExtensions();
    assert.ok(
      installed.some((id) => id.toLowerCase().startsWith('attest.attest@')),
      `attest.attest is not among the installed extensions: ${JSON.stringify(installed)}`,
    );
  });

  it('opens a workspace folder and shows its files', async function () {
    const folder = context.makeWorkspace({
      'README.md': '# Smoke workspace\n\nOpened by the end-to-end smoke test.\n',
      'policies/access-control.md': '# Access Control Policy\n',
    });
    const { page, errors } = await context.openWorkbench(folder, { waitForExplorerRow: 'README.md' });
    await waitForWorkbench(page);

    assert.ok(await (await explorerRow(page, 'policies')).isVisible(), 'the Explorer shows the policies folder');
    await openFile(page, 'README.md');
    await editorLine(page, '# Smoke workspace').waitFor({ state: 'visible' });
    // Opening a file fills the status bar's editor entries (cursor position).
    await statusBarItem(page, /Ln \d+, Col \d+/).waitFor({ state: 'visible' });

    await openFile(page, 'policies/access-control.md');
    await editorLine(page, '# Access Control Policy').waitFor({ state: 'visible' });

    await screenshot(page, 'smoke-workbench');
    const crashes = errors.filter((e) => /pageerror/.test(e));
    assert.deepStrictEqual(crashes, [], 'no uncaught errors in the workbench page');
  });
});
