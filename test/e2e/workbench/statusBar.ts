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
