/**
 * The workbench's views: the activity bar that switches view containers, the
 * view panes in the side bar and panel (the Explorer, Attest's Coverage view,
 * the Problems panel) and the rows of their trees. Panes are found by the
 * title in their header: the name a user sees.
 */
import type { Locator, Page } from 'playwright-core';
import { runCommand } from './quickInput';
import { exactly } from './textMatch';
import { DEFAULT_TIMEOUT, waitFor } from './waitFor';

/** An activity bar entry whose accessible label starts with `name` (e.g. "Explorer", "Attest"). */
export function activityBarItem(page: Page, name: string): Locator {
  return page.locator(`.part.activitybar a.action-label[aria-label^="${name.replace(/"/g, '\\"')}"]`).first();
}

/** A view pane (by the title in its header) in the side bar or panel. */
export function viewPane(page: Page, title: string | RegExp): Locator {
  return page
    .locator('.pane')
    .filter({ has: page.locator('.pane-header', { hasText: typeof title === 'string' ? exactly(title) : title }) })
    .first();
}

/** Rows of a tree/list in a view pane (they carry `aria-level` and `aria-expanded`). */
export function viewRows(pane: Locator): Locator {
  return pane.locator('.pane-body .monaco-list-row');
}

/** Rows of the Problems panel (opening it with its command first). */
export async function problemsRows(page: Page, timeoutMs = DEFAULT_TIMEOUT): Promise<Locator> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)', timeoutMs);
    await panel.waitFor({ state: 'visible', timeout: timeoutMs });
  }
  return panel.locator('.monaco-list-row');
}

/** Drags the sash between the side bar and the editor so that the side bar is `width` px wide (descriptions are long). */
export async function resizeSideBar(page: Page, width: number): Promise<void> {
  const sidebar = page.locator('.part.sidebar');
  const box = await sidebar.boundingBox();
  if (!box) throw new Error('the side bar is not shown');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
  await waitFor(async () => Math.abs(((await sidebar.boundingBox())?.width ?? 0) - width) < 20, 5000, `the side bar to be ${width} px wide`);
}
