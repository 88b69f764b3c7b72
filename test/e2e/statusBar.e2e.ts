/**
 * Status bar: "Attest N%" shows the same coverage as `attest coverage --format
 * json` for the workspace, and clicking it opens the Attest Coverage view.
 */
import * as assert from 'assert';
import { context } from './context';
import { cliCoverage, fixtureWorkspace } from './attest';
import { screenshot } from './workbench/screenshots';
import { statusBarItem } from './workbench/statusBar';
import { viewPane, viewRows } from './workbench/views';
import { waitFor } from './workbench/waitFor';

describe('status bar', function () {
  it('shows the coverage percentage and opens the Coverage view', async function () {
    context.requireExtension();
    const folder = fixtureWorkspace();
    const percent = cliCoverage(folder).summary.percent;
    assert.ok(percent > 0 && percent < 100, `the fixture is partly covered (attest coverage says ${percent}%)`);

    const { page } = await context.openWorkbench(folder, { waitForExplorerRow: 'attest.yaml' });
    // The Explorer is what shows at first, not the Attest view.
    const pane = viewPane(page, 'Coverage');
    assert.ok(!(await pane.isVisible()), 'the Coverage view is not shown before the click');

    const item = statusBarItem(page, /Attest \d+(\.\d+)?%/);
    await item.waitFor({ state: 'visible', timeout: 60000 }).catch(async () => {
      const all = await page.locator('.part.statusbar .statusbar-item').allTextContents();
      throw new Error(`no "Attest N%" status bar item within 60 s; the status bar shows ${JSON.stringify(all.map((t) => t.trim()).filter(Boolean))}`);
    });
    const text = ((await item.textContent()) ?? '').trim();
    assert.strictEqual(text, `Attest ${percent}%`, 'the status bar shows the percentage of attest coverage');
    assert.strictEqual(await item.locator('.codicon-shield').count(), 1, 'the item has the shield icon');

    await item.click();
    await pane.waitFor({ state: 'visible', timeout: 10000 }).catch(() => {
      throw new Error('clicking the status bar item did not show the Coverage view');
    });
    await waitFor(async () => (await viewRows(pane).count()) > 0, 30000, 'rows in the Coverage view');
    const first = ((await viewRows(pane).first().locator('.label-name').textContent()) ?? '').trim();
    assert.match(first, /^Security — \d+\/33 covered$/, 'the Coverage view lists the Security category first');
    // The Attest container is the active one in the activity bar.
    const attest = page.locator('.part.activitybar .action-item.checked a.action-label[aria-label^="Attest"]');
    assert.strictEqual(await attest.count(), 1, 'the Attest activity bar entry is the checked one');
    assert.ok(!(await page.locator('.explorer-folders-view').isVisible()), 'the Explorer gave way to the Attest view');
    await screenshot(page, 'status-bar-click');
  });
});
