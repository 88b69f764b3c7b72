/**
 * Walkthrough: Help: Welcome lists "Get Started with Attest" (or has it behind "More…"); it
 * opens on its first step with its Markdown page, and that step's button runs Attest:
 * Initialise Workspace, which writes attest.yaml and the starter library into the empty
 * folder and marks the step done.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { context } from './context';
import { quickInput, quickInputRows, runCommand } from './workbench/quickInput';
import { screenshot } from './workbench/screenshots';
import { waitFor } from './workbench/waitFor';

const WALKTHROUGH_TITLE = 'Get Started with Attest';
const ORGANISATION = 'Example ML Co.';

/** The webview frame (the Markdown of a step, a preview) in which `selector` shows `text`. */
async function frameShowing(page: Page, selector: string, text: string, timeoutMs: number): Promise<Frame> {
  return waitFor(
    async () => {
      for (const frame of page.frames()) {
        const found = await frame.locator(selector, { hasText: text }).count().catch(() => 0);
        if (found > 0) return frame;
      }
      return undefined;
    },
    timeoutMs,
    `a webview whose ${selector} shows "${text}"`,
    250,
  );
}

/** Opens the walkthrough from the Welcome page: its entry in the list, or through "More…" when the list is full. */
async function openWalkthroughFromWelcome(page: Page): Promise<void> {
  await runCommand(page, 'Help: Welcome');
  await page.locator('.gettingStartedContainer').first().waitFor({ state: 'visible', timeout: 30000 });
  const entry = page.locator('button.getting-started-category').filter({ hasText: WALKTHROUGH_TITLE }).first();
  const more = page.locator('.see-all-walkthroughs').first();
  // On a first start the web workbench opens its own walkthrough over the list: go back to the list.
  const back = page.locator('.gettingStartedContainer .prev-button').first();
  const route = await waitFor(
    async () => {
      if (await entry.isVisible()) return 'entry';
      if (await more.isVisible()) return 'more';
      if (await back.isVisible()) await back.click();
      return undefined;
    },
    30000,
    `"${WALKTHROUGH_TITLE}" or "More…" on the Welcome page`,
    250,
  );
  if (route === 'entry') {
    await entry.click();
  } else {
    await more.click();
    const row = quickInputRows(page).filter({ hasText: WALKTHROUGH_TITLE }).first();
    await row.waitFor({ state: 'visible', timeout: 10000 });
    await row.click();
  }
}

/**
 * Answers whatever Initialise asks until attest.yaml is on disk: a question with a text box
 * gets the organisation's name, a pick list its default (Enter).
 */
async function answerInitUntilWritten(page: Page, config: string): Promise<void> {
  await waitFor(
    async () => {
      if (fs.existsSync(config)) return true;
      const widget = quickInput(page);
      if (await widget.isVisible()) {
        const box = widget.locator('input').first();
        if ((await quickInputRows(page).count()) === 0 && (await box.inputValue().catch(() => 'x')) === '') await box.fill(ORGANISATION);
        await page.keyboard.press('Enter');
      }
      return false;
    },
    120000,
    'Initialise Workspace to write attest.yaml',
    500,
  );
}

describe('walkthrough', function () {
  it('opens from the Welcome page and its first step initialises the workspace', async function () {
    context.requireExtension();
    const folder = context.makeWorkspace({ 'README.md': '# A project without policies yet\n' });
    const config = path.join(folder, 'attest.yaml');
    const { page } = await context.openWorkbench(folder, { waitForExplorerRow: 'README.md' });

    await openWalkthroughFromWelcome(page);
    const step = page.locator('button.getting-started-step[data-step-id$="initialise"]').first();
    await step.waitFor({ state: 'visible', timeout: 30000 });
    const titles = (await page.locator('button.getting-started-step .step-title').allTextContents()).map((t) => t.trim());
    assert.deepStrictEqual(
      titles,
      ['Initialise a workspace', 'Write a policy from a snippet', 'Fix a finding', 'Read the coverage view', 'Export a report', 'Add Attest to CI'],
      'the walkthrough’s steps, in order',
    );
    if ((await step.getAttribute('aria-expanded')) !== 'true') await step.click();
    await waitFor(async () => (await step.getAttribute('aria-expanded')) === 'true', 10000, 'the first step to be open');
    assert.strictEqual(await step.getAttribute('aria-checked'), 'false', 'the first step is not done yet');
    // Its Markdown page renders beside the steps.
    await frameShowing(page, 'h1', 'Initialise a workspace', 30000);
    await screenshot(page, 'walkthrough');

    await step.locator('.monaco-button', { hasText: 'Initialise Workspace' }).first().click();
    await answerInitUntilWritten(page, config);
    for (const part of ['policies', 'controls']) {
      await waitFor(() => fs.existsSync(path.join(folder, part)), 30000, `the starter library's ${part}/`);
    }
    // Initialise opens attest.yaml for review.
    await page.locator('.tab.active').filter({ hasText: 'attest.yaml' }).first().waitFor({ state: 'visible', timeout: 30000 });
    assert.match(fs.readFileSync(config, 'utf8'), /^audit:/m, 'attest.yaml declares the audit');

    // Back on the walkthrough, the step is done (its completion event is the command).
    await page.locator('.tab').filter({ hasText: /Welcome|Walkthrough/ }).first().click();
    await waitFor(async () => (await step.getAttribute('aria-checked')) === 'true', 15000, 'the first step to be checked');
    await screenshot(page, 'walkthrough-step-done');
  });
});
