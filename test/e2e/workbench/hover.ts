/**
 * Hovers in the editor. A hover shows only while the mouse rests on a token,
 * fills in as each provider answers, and may show before an extension has
 * activated: reading one means hovering until the expected text is there.
 */
import type { Locator, Page } from 'playwright-core';
import { matches } from './textMatch';
import { DEFAULT_TIMEOUT, waitFor } from './waitFor';

/** The visible hover widget. */
export function visibleHover(page: Page): Locator {
  return page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).last();
}

/**
 * Hovers `target` until a hover containing `expected` shows, and returns the
 * hover's text. The first hovers may come before an extension has activated
 * (empty or other content): each try moves the mouse away and back.
 */
export async function hoverText(
  page: Page,
  target: Locator,
  expected: string | RegExp = /\S/,
  timeoutMs = DEFAULT_TIMEOUT,
): Promise<string> {
  let last = '';
  return waitFor(
    async () => {
      // Move away from the target (and close any hover) so that the next move re-triggers the hover.
      const box = await target.boundingBox();
      if (!box) {
        return undefined;
      }
      await page.keyboard.press('Escape');
      await page.mouse.move(Math.max(1, box.x - 40), box.y + box.height * 4 + 60, { steps: 2 });
      await target.hover();
      const hover = visibleHover(page);
      try {
        await hover.waitFor({ state: 'visible', timeout: 3000 });
        // The hover fills in as providers answer: poll its text briefly.
        return await waitFor(
          async () => {
            last = (await hover.innerText()).trim();
            return matches(last, expected) ? last : undefined;
          },
          2000,
          'hover content',
        );
      } catch {
        return undefined;
      }
    },
    timeoutMs,
    `a hover matching ${String(expected)} (last hover text: ${JSON.stringify(last)})`,
    50,
  );
}
