/**
 * Quick fix: with the cursor on the unknown criterion `CC9.9`, Ctrl+. offers
 * Attest's fix that changes it to `CC9.1`; picking it edits the document and
 * the error goes away.
 */
import * as assert from 'assert';
import type { Locator, Page } from 'playwright-core';
import { context } from './context';
import { fixtureWorkspace } from './attest';
import { activeEditor, editorLine, editorToken, renderedBox } from './workbench/editor';
import { openFile } from './workbench/explorer';
import { screenshot, waitUntilOpaque } from './workbench/screenshots';
import { waitFor } from './workbench/waitFor';

/** The code action menu (light bulb / Ctrl+.). */
function actionWidget(page: Page): Locator {
  return page.locator('.action-widget');
}

/** Error count of the status bar's problems entry ("Errors: 1, Infos: 32"; no "Errors" when there are none). */
async function statusBarErrors(page: Page): Promise<number> {
  const label = (await page.locator('#status\\.problems a').first().getAttribute('aria-label')) ?? '';
  const m = /Errors: (\d+)/.exec(label);
  return m ? Number(m[1]) : 0;
}

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
    const token = editorToken(page, 'CC9.9');
    const fix = actionWidget(page).locator('.monaco-list-row').filter({ hasText: /Change\s+`?CC9\.9`?\s+to\s+`?CC9\.1`?/ }).first();
    let offered: string[] = [];
    await waitFor(
      async () => {
        if (await fix.isVisible()) {
          return true;
        }
        // Not (yet) offered: close the menu, click into CC9.9 again and ask again.
        await page.keyboard.press('Escape');
        const box = await renderedBox(token, 'the CC9.9 token', 5000);
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        await page.keyboard.press('Control+.');
        // Either the menu or the editor's "No code actions available" message shows.
        const message = page.locator('.monaco-editor-overlaymessage').filter({ hasText: /\S/ });
        await actionWidget(page).or(message).first().waitFor({ state: 'visible', timeout: 3000 }).catch(() => undefined);
        // The list fills as providers answer.
        await fix.waitFor({ state: 'visible', timeout: 1000 }).catch(() => undefined);
        offered = (await actionWidget(page).locator('.monaco-list-row').allTextContents().catch(() => [] as string[])).map((t) => t.trim());
        if (offered.length === 0 && (await message.isVisible())) {
          offered = [`(message) ${((await message.first().textContent()) ?? '').trim()}`];
        }
        return fix.isVisible();
      },
      45000,
      'the quick fix menu to offer "Change `CC9.9` to `CC9.1`"',
      250,
    ).catch((err: Error) => {
      throw new Error(`${err.message}; Ctrl+. last offered: ${JSON.stringify(offered)}`);
    });
    const items = (await actionWidget(page).locator('.monaco-list-row').allTextContents()).map((t) => t.trim());
    assert.ok(
      items.some((t) => /CC9\.2/.test(t)),
      `the menu also offers the other suggestion, CC9.2: ${JSON.stringify(items)}`,
    );
    // The menu fades in: wait until it is fully opaque before the screenshot.
    await waitUntilOpaque(actionWidget(page), 'the quick fix menu to be fully shown');
    await screenshot(page, 'quickfix-menu');

    // The menu lays a pointer block over the page until the mouse moves: move onto the item, then click it.
    const item = await renderedBox(fix, 'the fix in the menu', 5000);
    await page.mouse.move(item.x + item.width / 2, item.y + item.height / 2, { steps: 4 });
    await page.mouse.click(item.x + item.width / 2, item.y + item.height / 2);
    await actionWidget(page).waitFor({ state: 'hidden', timeout: 5000 });

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
