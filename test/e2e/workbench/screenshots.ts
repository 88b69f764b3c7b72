/**
 * Screenshots, the artifacts of the end-to-end run: the tests take them at
 * the moments worth seeing, and the runner on every failure, so that a run
 * can be looked at after it ended. They go to `<repo>/test-results/e2e/`
 * (ignored by git), one file per name: a later run overwrites it.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { repoRoot } from '../repoRoot';
import { waitFor } from './waitFor';

/** Where screenshots go: `<repo>/test-results/e2e/`. */
export function resultsDir(): string {
  return path.join(repoRoot(), 'test-results', 'e2e');
}

/** Saves a full-window screenshot to `test-results/e2e/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = resultsDir();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Waits until `element` (a hover, a menu) has faded in completely, so that a screenshot shows it. */
export async function waitUntilOpaque(element: Locator, what: string, timeoutMs = 5000): Promise<void> {
  await waitFor(
    () =>
      element.evaluate((el) => {
        let opacity = 1;
        for (let e = el; e; e = e.parentElement) opacity *= Number(e.ownerDocument.defaultView.getComputedStyle(e).opacity);
        return opacity === 1;
      }),
    timeoutMs,
    what,
  );
}
