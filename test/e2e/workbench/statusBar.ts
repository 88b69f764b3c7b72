/**
 * The status bar, where Attest shows its coverage and VS Code the cursor
 * position. Entries are found by their text, since that is what a test
 * checks and what a user reads.
 */
import type { Locator, Page } from 'playwright-core';

/** A status bar entry whose text matches. */
export function statusBarItem(page: Page, text: string | RegExp): Locator {
  return page.locator('.part.statusbar .statusbar-item').filter({ hasText: text }).first();
}

/** Error count of the status bar's problems entry ("Errors: 1, Infos: 32"; no "Errors" when there are none). */
export async function statusBarErrors(page: Page): Promise<number> {
  const label = (await page.locator('#status\\.problems a').first().getAttribute('aria-label')) ?? '';
  const m = /Errors: (\d+)/.exec(label);
  return m ? Number(m[1]) : 0;
}
