/**
 * Markdown preview: VS Code's own preview of an Attest document shows its frontmatter as
 * Attest's header card (type, id, status, title, owner, review due, criteria with their
 * summaries) instead of the raw YAML, themed for light and for dark.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { context } from './context';
import { fixtureWorkspace } from './attest';
import { openFile } from './workbench/explorer';
import { runCommand } from './workbench/quickInput';
import { screenshot } from './workbench/screenshots';
import { waitFor } from './workbench/waitFor';

/** The webview frame in which `selector` is rendered (webviews are iframes in iframes). */
async function frameWith(page: Page, selector: string, timeoutMs: number): Promise<Frame> {
  return waitFor(
    async () => {
      for (const frame of page.frames()) {
        if ((await frame.locator(selector).count().catch(() => 0)) > 0) return frame;
      }
      return undefined;
    },
    timeoutMs,
    `a webview showing ${selector}`,
    250,
  );
}

/** The left border of the card in each kind of theme (media/preview.css). */
const ACCENT = { light: 'rgb(59, 111, 216)', dark: 'rgb(107, 155, 255)' } as const;
const THEME = { light: 'Default Light Modern', dark: 'Default Dark Modern' } as const;

describe('markdown preview', function () {
  it('shows an Attest document’s frontmatter as a header card', async function () {
    context.requireExtension();
    const folder = fixtureWorkspace();
    const { page } = await context.openWorkbench(folder, { waitForExplorerRow: 'attest.yaml' });
    await openFile(page, 'policies/access-control.md');
    await runCommand(page, 'Markdown: Open Preview to the Side');

    const frame = await frameWith(page, '.attest-card', 60000);
    const card = frame.locator('.attest-card').first();
    assert.strictEqual(await card.getAttribute('data-attest-id'), 'POL-ACCESS');
    const head = ((await card.locator('.attest-card-head').innerText()) ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
    assert.strictEqual(head, 'policy pol-access approved', 'the head shows type, id and status');
    assert.strictEqual((await card.locator('.attest-title').innerText()).trim(), 'Access Control Policy');
    const facts = (await card.locator('.attest-facts').innerText()).replace(/\s+/g, ' ');
    for (const fact of ['Owner', 'Head of Security', 'Review due', '2027-01-01', 'Version', '1.0']) assert.ok(facts.includes(fact), `the facts show ${fact}: "${facts}"`);
    const chips = card.locator('.attest-chip--criterion');
    assert.deepStrictEqual((await chips.locator('code').allTextContents()).map((t) => t.trim()), ['CC6.1', 'CC6.2'], 'a chip per criterion');
    for (let i = 0; i < 2; i++) assert.ok(((await chips.nth(i).locator('.attest-chip-summary').textContent()) ?? '').trim().length > 20, 'each chip has its summary');
    // The YAML itself is not shown as text.
    const body = await frame.locator('body').innerText();
    assert.ok(!body.includes('criteria: [CC6.1'), 'the raw frontmatter is not in the preview');
    assert.ok(body.includes('This policy defines how Fixture Co.'), 'the document’s body follows the card');
    const accent = (f: Frame) => f.locator('.attest-card').first().evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).borderLeftColor);
    // The card follows the theme: the preview's body carries the theme's kind, which preview.css keys on.
    const startsDark = (await frame.locator('body.vscode-dark').count()) > 0;
    const kinds = startsDark ? (['dark', 'light'] as const) : (['light', 'dark'] as const);
    assert.strictEqual(await accent(frame), ACCENT[kinds[0]], `the ${kinds[0]} card has its accent`);
    await screenshot(page, `markdown-preview-card-${kinds[0]}`);

    // The other kind, through the workspace's settings, so that the shared code-server's user settings stay as they were.
    fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.colorTheme': THEME[kinds[1]] }));
    const other = await frameWith(page, `body.vscode-${kinds[1]} .attest-card`, 30000);
    assert.strictEqual(await accent(other), ACCENT[kinds[1]], `the ${kinds[1]} card has its accent`);
    await screenshot(page, `markdown-preview-card-${kinds[1]}`);
  });
});
