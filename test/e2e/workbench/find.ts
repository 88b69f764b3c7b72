/**
 * The editor's find and replace widget, driven by the keyboard as a user would: selecting
 * the next match of a text, or replacing every match of a regular expression.
 */
import type { Page } from 'playwright-core';
import { activeEditor } from './editor';

function findWidget(page: Page) {
  return activeEditor(page).locator('.find-widget');
}

/** Turns the find widget's "Use Regular Expression" toggle on or off. */
async function setRegex(page: Page, on: boolean): Promise<void> {
  const toggle = findWidget(page).locator('.monaco-custom-toggle[aria-label*="Regular Expression"]').first();
  if (((await toggle.getAttribute('aria-checked')) === 'true') !== on) await toggle.click();
}

/** Opens the widget (find, or find and replace) and returns its find input. */
async function openWidget(page: Page, keys: string) {
  await activeEditor(page).locator('.view-lines').click();
  await page.keyboard.press(keys);
  const input = findWidget(page).locator('.find-part textarea, .find-part input').first();
  await input.waitFor({ state: 'visible', timeout: 5000 });
  return input;
}

/** Selects the first match of `text` after the cursor (literal text), and closes the widget. */
export async function selectNext(page: Page, text: string): Promise<void> {
  const input = await openWidget(page, 'Control+F');
  await setRegex(page, false);
  await input.fill(text);
  await input.press('Enter');
  await input.press('Escape');
}

/** Replaces every match of the regular expression `pattern` in the active editor by `replacement`. */
export async function replaceAll(page: Page, pattern: string, replacement: string): Promise<void> {
  const input = await openWidget(page, 'Control+H');
  await setRegex(page, true);
  await input.fill(pattern);
  const replaceInput = findWidget(page).locator('.replace-part textarea, .replace-part input').first();
  await replaceInput.fill(replacement);
  await replaceInput.press('Control+Alt+Enter');
  await replaceInput.press('Escape');
}
