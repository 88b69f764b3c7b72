/**
 * The code action menu (light bulb / Ctrl+.): asking for it at a token and picking an entry
 * by its title. Providers answer one after another and Monaco re-renders the token as the
 * diagnostics settle, so asking is retried until the wanted entry shows.
 */
import type { Locator, Page } from 'playwright-core';
import { editorToken, renderedBox } from './editor';
import { waitFor } from './waitFor';

/** The code action menu. */
export function actionWidget(page: Page): Locator {
  return page.locator('.action-widget');
}

/**
 * Opens the menu with the cursor in `token` until an entry matching `title` is offered and
 * returns that entry (the menu stays open). The error names what was offered instead.
 */
export async function offeredAction(page: Page, token: string, title: RegExp, timeoutMs = 45000): Promise<Locator> {
  const target = editorToken(page, token);
  const entry = actionWidget(page).locator('.monaco-list-row').filter({ hasText: title }).first();
  let offered: string[] = [];
  await waitFor(
    async () => {
      if (await entry.isVisible()) return true;
      await page.keyboard.press('Escape');
      const box = await renderedBox(target, `the ${token} token`, 5000);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.keyboard.press('Control+.');
      const message = page.locator('.monaco-editor-overlaymessage').filter({ hasText: /\S/ });
      await actionWidget(page).or(message).first().waitFor({ state: 'visible', timeout: 3000 }).catch(() => undefined);
      await entry.waitFor({ state: 'visible', timeout: 1000 }).catch(() => undefined);
      offered = (await actionWidget(page).locator('.monaco-list-row').allTextContents().catch(() => [] as string[])).map((t) => t.trim());
      if (offered.length === 0 && (await message.isVisible())) offered = [`(message) ${((await message.first().textContent()) ?? '').trim()}`];
      return entry.isVisible();
    },
    timeoutMs,
    `the code action menu to offer ${String(title)}`,
    250,
  ).catch((err: Error) => {
    throw new Error(`${err.message}; Ctrl+. last offered: ${JSON.stringify(offered)}`);
  });
  return entry;
}

/** Clicks an entry of the open menu (the menu blocks the pointer until the mouse moves onto it). */
export async function pickAction(page: Page, entry: Locator): Promise<void> {
  const box = await renderedBox(entry, 'the entry in the code action menu', 5000);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await actionWidget(page).waitFor({ state: 'hidden', timeout: 5000 });
}
