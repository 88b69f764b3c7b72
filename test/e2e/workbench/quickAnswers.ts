/**
 * Answering a sequence of quick inputs (pickers and input boxes) with the keyboard, as a
 * user does: wait for the step by what it says, type, press Enter.
 */
import type { Page } from 'playwright-core';
import { quickInput } from './quickInput';
import { waitFor } from './waitFor';

/** What the quick input shows now: its title and its input's placeholder. */
async function quickInputText(page: Page): Promise<string> {
  const widget = quickInput(page);
  if (!(await widget.isVisible())) return '';
  const title = ((await widget.locator('.quick-input-title').textContent().catch(() => '')) ?? '').trim();
  const placeholder = (await widget.locator('input').first().getAttribute('placeholder').catch(() => '')) ?? '';
  const message = ((await widget.locator('.quick-input-message').textContent().catch(() => '')) ?? '').trim();
  return `${title} | ${placeholder} | ${message}`;
}

/** Waits for the quick input step that says `step`, returns what it says. */
export async function waitForQuickInput(page: Page, step: RegExp, timeoutMs = 30000): Promise<string> {
  let shown = '';
  await waitFor(
    async () => {
      shown = await quickInputText(page);
      return step.test(shown);
    },
    timeoutMs,
    `the quick input to ask ${String(step)}`,
  ).catch((err: Error) => {
    throw new Error(`${err.message}; it shows "${shown}"`);
  });
  return shown;
}

/** Waits for the step that says `step`, types `text` into its input (replacing what is there) and presses Enter. */
export async function answerQuickInput(page: Page, step: RegExp, text: string): Promise<void> {
  await waitForQuickInput(page, step);
  const input = quickInput(page).locator('input').first();
  await input.fill(text);
  // The list filters as the text arrives: give it a frame before Enter takes the highlighted row.
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}
