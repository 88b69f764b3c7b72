/**
 * The Explorer, driven as a user drives it: files are found by the names its
 * rows show and opened by clicking, folders on the way expanded, so that the
 * tests go through the same paths as a person opening a policy.
 */
import type { Locator, Page } from 'playwright-core';
import { activeEditor } from './editor';
import { exactly } from './textMatch';
import { activityBarItem } from './views';
import { DEFAULT_TIMEOUT, waitFor } from './waitFor';

/** The Explorer row showing `name` (a file or folder name, not a path). */
export function explorerRowLocator(page: Page, name: string): Locator {
  return page
    .locator('.explorer-folders-view .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exactly(name) }) });
}

/** Waits for the Explorer row of `name` and returns it. Opens the Explorer if needed. */
export async function explorerRow(page: Page, name: string, timeoutMs = DEFAULT_TIMEOUT): Promise<Locator> {
  const row = explorerRowLocator(page, name).first();
  const deadline = Date.now() + timeoutMs;
  await waitFor(
    async () => {
      if (await row.isVisible()) {
        return true;
      }
      // The Explorer may be hidden (another view container active): show it.
      const view = page.locator('.explorer-folders-view');
      if (!(await view.isVisible())) {
        const explorer = activityBarItem(page, 'Explorer');
        if (await explorer.isVisible()) {
          await explorer.click();
          // Let the view render before the next poll: a second click would hide the side bar again.
          await view.waitFor({ state: 'visible', timeout: 3000 }).catch(() => undefined);
        }
      }
      return false;
    },
    Math.max(0, deadline - Date.now()),
    `the Explorer row "${name}"`,
  );
  return row;
}

/**
 * Opens a workspace file by clicking through the Explorer. `relPath` may name
 * a nested file (`docs/a.md`): folders on the way are expanded.
 * Waits for the active tab and the editor's first lines.
 */
export async function openFile(page: Page, relPath: string, timeoutMs = DEFAULT_TIMEOUT): Promise<Locator> {
  const parts = relPath.split(/[\\/]/).filter(Boolean);
  const fileName = parts[parts.length - 1];
  for (const folder of parts.slice(0, -1)) {
    const row = await explorerRow(page, folder, timeoutMs);
    if ((await row.getAttribute('aria-expanded')) !== 'true') {
      await row.click();
      await waitFor(async () => (await row.getAttribute('aria-expanded')) === 'true', timeoutMs, `folder "${folder}" to expand`);
    }
  }
  const row = await explorerRow(page, fileName, timeoutMs);
  await row.click();
  await page.locator('.tab.active').filter({ hasText: fileName }).first().waitFor({ state: 'visible', timeout: timeoutMs });
  const editor = activeEditor(page);
  await editor.locator('.view-line').first().waitFor({ state: 'visible', timeout: timeoutMs });
  return editor;
}
