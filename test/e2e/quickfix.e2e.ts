/**
 * Quick fix: with the cursor on the unknown criterion `CC9.9`, Ctrl+. offers
 * Attest's fix that changes it to `CC9.1`; picking it edits the document and
 * the error goes away.
 */
import * as assert from 'assert';
import { context } from './context';
import { fixtureWorkspace } from './attest';
import { actionWidget, offeredAction, pickAction } from './workbench/codeActions';
import { activeEditor, editorLine } from './workbench/editor';
import { openFile } from './workbench/explorer';
import { screenshot, waitUntilOpaque } from './workbench/screenshots';
import { statusBarErrors } from './workbench/statusBar';
import { waitFor } from './workbench/waitFor';

function lineText(text: string | null): string {
  return (text ?? '').replace(/\u00a0/g, ' ');
}

describe('quick fix', function () {
  it('changes an unknown criterion to the suggested one', async function () {
    context.requireExtension();
    const folder = fixtureWorkspace();
    const { page } = await context.openWorkbench(folder, { waitForExplorerRow: 'attest.yaml' });
    await openFile(page, 'procedures/onboarding.md');

    // The error is there before the fix.
    await activeEditor(page).locator('.squiggly-error').first().waitFor({ state: 'visible', timeout: 60000 });
    await waitFor(async () => (await statusBarErrors(page)) === 1, 30000, 'the status bar to count one error');

    // Put the cursor inside CC9.9 and open the quick fix menu with Ctrl+.
    const fix = await offeredAction(page, 'CC9.9', /Change\s+\S?CC9\.9\S?\s+to\s+\S?CC9\.1\S?/);
    const items = (await actionWidget(page).locator('.monaco-list-row').allTextContents()).map((t) => t.trim());
    assert.ok(
      items.some((t) => /CC9\.2/.test(t)),
      `the menu also offers the other suggestion, CC9.2: ${JSON.stringify(items)}`,
    );
    // The menu fades in: wait until it is fully opaque before the screenshot.
    await waitUntilOpaque(actionWidget(page), 'the quick fix menu to be fully shown');
    await screenshot(page, 'quickfix-menu');

    await pickAction(page, fix);

    // The editor text changed: CC9.9 is gone, CC9.1 is there, CC6.2 kept.
    const criteriaLine = editorLine(page, 'criteria:');
    const fixed = await waitFor(
      async () => {
        const text = lineText(await criteriaLine.textContent());
        return text.includes('CC9.1') ? text : undefined;
      },
      10000,
      'the criteria line to contain CC9.1',
    );
    assert.strictEqual(fixed.trim(), 'criteria: [CC6.2, CC9.1]', 'the fix replaced exactly CC9.9');
    const all = lineText((await activeEditor(page).locator('.view-lines').textContent()) ?? '');
    assert.ok(!all.includes('CC9.9'), 'CC9.9 is nowhere in the editor anymore');
    // The error is gone from the editor and from the Problems count.
    await waitFor(async () => (await statusBarErrors(page)) === 0, 30000, 'the status bar to count no error');
    await activeEditor(page).locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 10000 });
    // The document symbols follow: the breadcrumbs at the cursor name CC9.1.
    await page
      .locator('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item')
      .filter({ has: page.locator('.label-name', { hasText: /^\s*CC9\.1\s*$/ }) })
      .first()
      .waitFor({ state: 'visible', timeout: 10000 })
      .catch(() => {
        throw new Error('the breadcrumbs do not show the symbol CC9.1 after the fix');
      });
    await screenshot(page, 'quickfix-after');
  });
});
