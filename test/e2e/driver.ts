/**
 * Helpers that drive the VS Code workbench (as served by code-server) with
 * playwright-core in the system's Chromium.
 *
 * Every wait here has a deadline and polls for the state it needs; nothing
 * sleeps for a fixed time.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { removeOnExit } from './exitCleanup';
import { repoRoot } from './repoRoot';

/** The Chromium that playwright-core drives (Debian's package); override with $E2E_CHROMIUM. */
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Default deadline of the helpers below, in ms. */
export const DEFAULT_TIMEOUT = 30000;

/** Where screenshots go: `<repo>/test-results/e2e/`. */
export function resultsDir(): string {
  return path.join(repoRoot(), 'test-results', 'e2e');
}

// ---------------------------------------------------------------------------
// Waiting

function describeError(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}

/**
 * Polls `fn` until it returns a truthy value (which is returned), for at most
 * `timeoutMs`. Errors thrown by `fn` count as "not yet"; the last one is
 * reported when the deadline passes. `what` names the awaited state in that error.
 */
export async function waitFor<T>(
  fn: () => T | Promise<T>,
  timeoutMs: number,
  what: string,
  intervalMs = 100,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  let lastValue: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) {
        return value;
      }
      lastValue = value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const detail = lastError !== undefined ? `; last error: ${describeError(lastError)}` : `; last value: ${String(lastValue)}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, Math.max(0, deadline - Date.now()))));
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression matching exactly `text` (surrounding whitespace allowed). */
function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

function matches(text: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
}

// ---------------------------------------------------------------------------
// Browser and workbench

/** Launches the system Chromium headless, with a throw-away HOME that is removed when the browser closes. */
export async function launchBrowser(options: { headless?: boolean } = {}): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: run scripts/install-e2e-deps.sh (as root) first`);
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-e2e-chromium-'));
  const removeHome = removeOnExit(home);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
  });
  browser.on('disconnected', removeHome);
  return browser;
}

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

// ---------------------------------------------------------------------------
// Explorer and editors

/** The Explorer row showing `name` (a file or folder name, not a path). */
export function explorerRowLocator(page: Page, name: string): Locator {
  return page
    .locator('.explorer-folders-view .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exactly(name) }) });
}

/** Waits for the Explorer row of `name` and returns it. Opens the Explorer if needed. */
export async function explorerRow(page: Page, name: string, timeoutMs = DEFAULT_TIMEOUT): Promise<Locator> {
  const row = explorerRowLocator(page, name).first();
  const deadline = Date.now() + timeoutMs;
  await waitFor(
    async () => {
      if (await row.isVisible()) {
        return true;
      }
      // The Explorer may be hidden (another view container active): show it.
      const view = page.locator('.explorer-folders-view');
      if (!(await view.isVisible())) {
        const explorer = activityBarItem(page, 'Explorer');
        if (await explorer.isVisible()) {
          await explorer.click();
          // Let the view render before the next poll: a second click would hide the side bar again.
          await view.waitFor({ state: 'visible', timeout: 3000 }).catch(() => undefined);
        }
      }
      return false;
    },
    Math.max(0, deadline - Date.now()),
    `the Explorer row "${name}"`,
  );
  return row;
}

/**
 * Opens a workspace file by clicking through the Explorer. `relPath` may name
 * a nested file (`docs/a.md`): folders on the way are expanded.
 * Waits for the active tab and the editor's first lines.
 */
export async function openFile(page: Page, relPath: string, timeoutMs = DEFAULT_TIMEOUT): Promise<Locator> {
  const parts = relPath.split(/[\\/]/).filter(Boolean);
  const fileName = parts[parts.length - 1];
  for (const folder of parts.slice(0, -1)) {
    const row = await explorerRow(page, folder, timeoutMs);
    if ((await row.getAttribute('aria-expanded')) !== 'true') {
      await row.click();
      await waitFor(async () => (await row.getAttribute('aria-expanded')) === 'true', timeoutMs, `folder "${folder}" to expand`);
    }
  }
  const row = await explorerRow(page, fileName, timeoutMs);
  await row.click();
  await page.locator('.tab.active').filter({ hasText: fileName }).first().waitFor({ state: 'visible', timeout: timeoutMs });
  const editor = activeEditor(page);
  await editor.locator('.view-line').first().waitFor({ state: 'visible', timeout: timeoutMs });
  return editor;
}

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

/** A rectangle on the page, as Playwright measures it. */
export type Box = NonNullable<Awaited<ReturnType<Locator['boundingBox']>>>;

// ---------------------------------------------------------------------------
// Hovers

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

// ---------------------------------------------------------------------------
// Commands and quick input

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

// ---------------------------------------------------------------------------
// Workbench parts

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

/** A status bar entry whose text matches. */
export function statusBarItem(page: Page, text: string | RegExp): Locator {
  return page.locator('.part.statusbar .statusbar-item').filter({ hasText: text }).first();
}

/** Notification toasts that have finished fading in. */
export function notificationToasts(page: Page): Locator {
  return page.locator('.notifications-toasts .notification-toast.notification-fade-in-done');
}

/** The toast whose message matches. */
export function notificationToast(page: Page, text: string | RegExp): Locator {
  return notificationToasts(page).filter({ hasText: text }).first();
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

// ---------------------------------------------------------------------------
// Screenshots

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
