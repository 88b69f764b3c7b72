/**
 * The text editor as Monaco renders it. Monaco draws only the visible lines,
 * as nested spans per token, and redraws them as tokens and decorations
 * change: these locators find lines and tokens by their text, and measuring
 * one waits until it is on screen again.
 */
import type { Locator, Page } from 'playwright-core';
import { DEFAULT_TIMEOUT, waitFor } from './waitFor';

/** A rectangle on the page, as Playwright measures it. */
export type Box = NonNullable<Awaited<ReturnType<Locator['boundingBox']>>>;

/** The editor of the active editor group. */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

/** The rendered line of the active editor whose text contains `text`. */
export function editorLine(page: Page, text: string | RegExp): Locator {
  return activeEditor(page).locator('.view-line').filter({ hasText: text }).first();
}

/**
 * A token in the active editor: the innermost span of a line containing `text`.
 * Useful as a hover target.
 */
export function editorToken(page: Page, text: string): Locator {
  return activeEditor(page).locator('.view-line span > span').filter({ hasText: text }).first();
}

/**
 * The on-screen box of `target`, waiting until it has one. Monaco re-renders a
 * line whenever its tokens or decorations change, which detaches the spans a
 * locator found a moment before: measure again until a box comes back.
 */
export async function renderedBox(target: Locator, what: string, timeoutMs = DEFAULT_TIMEOUT): Promise<Box> {
  return waitFor(async () => (await target.boundingBox()) ?? undefined, timeoutMs, `${what} to be rendered`, 50);
}
