/**
 * The quick input widget: the command palette, quick open and quick picks
 * share it. Commands are run through the palette by the label a user reads,
 * not by id through an API, so that a test also proves the command is
 * contributed and visible.
 */
import type { Locator, Page } from 'playwright-core';
import { exactly } from './textMatch';
import { DEFAULT_TIMEOUT, waitFor } from './waitFor';

/** The quick input widget (command palette, quick open, quick picks). */
export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

/** The rows currently listed in the quick input. */
export function quickInputRows(page: Page): Locator {
  return quickInput(page).locator('.monaco-list-row');
}

async function openCommandPalette(page: Page, timeoutMs: number): Promise<Locator> {
  const input = quickInput(page).locator('input').first();
  await waitFor(
    async () => {
      if (await input.isVisible()) {
        return true;
      }
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 1500 }).catch(() => undefined);
      return input.isVisible();
    },
    timeoutMs,
    'the command palette',
  );
  return input;
}

/**
 * Runs a command through F1 by its label as the palette shows it, e.g.
 * `runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)')`.
 * The row whose label equals `label` is picked; `label` may also be a RegExp.
 */
export async function runCommand(page: Page, label: string | RegExp, timeoutMs = DEFAULT_TIMEOUT): Promise<void> {
  const input = await openCommandPalette(page, timeoutMs);
  const query = typeof label === 'string' ? label : label.source.replace(/[\\^$]/g, '');
  await input.fill(`>${query}`);
  const wanted = typeof label === 'string' ? exactly(label) : label;
  const row = quickInputRows(page).filter({ has: page.locator('.label-name', { hasText: wanted }) }).first();
  try {
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    const shown = await quickInputRows(page).allInnerTexts().catch(() => [] as string[]);
    await page.keyboard.press('Escape');
    throw new Error(`command "${String(label)}" not found in the palette; it lists: ${JSON.stringify(shown.slice(0, 10))}`);
  }
  await row.click();
  await quickInput(page).waitFor({ state: 'hidden', timeout: timeoutMs }).catch(() => undefined);
}
