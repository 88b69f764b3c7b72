/**
 * A workbench in a browser page: opening a code-server URL in a fresh browser
 * context (so that no test inherits another's storage, open editors or
 * layout) and waiting until the workbench, and optionally its folder, is up.
 * Page errors are collected, because they are the first clue when it is not.
 */
import type { Browser, Page } from 'playwright-core';
import { explorerRow } from './explorer';
import { screenshot } from './screenshots';

export interface OpenWorkbenchOptions {
  /** Wait until the Explorer shows a row with this name (proves the folder loaded). */
  waitForExplorerRow?: string;
  /** Viewport size; default 1400×900. */
  viewport?: { width: number; height: number };
  /** Called before navigation, e.g. to `page.exposeFunction(...)`. */
  beforeGoto?: (page: Page) => Promise<void>;
  /** Deadline for the workbench (and the Explorer row), default 60 s. */
  timeoutMs?: number;
}

export interface WorkbenchPage {
  page: Page;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
  /** Closes the page and its browser context. */
  close(): Promise<void>;
}

/**
 * Opens `url` (from `CodeServerInstance.workbenchUrl(folder)`) in a fresh
 * browser context and waits for the workbench to be up.
 */
export async function openWorkbench(browser: Browser, url: string, options: OpenWorkbenchOptions = {}): Promise<WorkbenchPage> {
  const timeoutMs = options.timeoutMs ?? 60000;
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      errors.push(`console: ${msg.text()}`);
    }
  });
  try {
    if (options.beforeGoto) {
      await options.beforeGoto(page);
    }
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    await waitForWorkbench(page, timeoutMs);
    if (options.waitForExplorerRow) {
      await explorerRow(page, options.waitForExplorerRow, timeoutMs);
    }
  } catch (err) {
    await screenshot(page, 'open-workbench-failure').catch(() => undefined);
    await context.close().catch(() => undefined);
    throw err;
  }
  return { page, errors, close: () => context.close() };
}

/** Waits until the workbench shell (`.monaco-workbench` with its status bar) is shown. */
export async function waitForWorkbench(page: Page, timeoutMs = 60000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
}
