/**
 * Coverage view → editor: expanding a criterion lists the documents that claim
 * it; clicking one opens that document with the cursor on the line that claims
 * the criterion.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { context } from './context';
import { fixtureWorkspace, openAttestView, setExpanded, treeRow } from './attest';
import { activeEditor } from './workbench/editor';
import { screenshot } from './workbench/screenshots';
import { statusBarItem } from './workbench/statusBar';
import { waitFor } from './workbench/waitFor';

/** A control whose criteria are a block list, so that CC6.2 has a line of its own, deep in the frontmatter. */
const MFA_CONTROL = `---
id: CTL-MFA
type: control
title: Single Sign-On and MFA
owner: Head of Security
status: approved
version: "1.0"
effective: 2026-01-01
review:
  cycle: annual
  last: 2026-01-01
policy: POL-ACCESS
frequency: continuous
criteria:
  - CC6.1
  - CC6.2
  - CC6.3
---

# Single Sign-On and MFA

## Objective

Every account signs in through the identity provider with a second factor.

## Implementation

The identity provider enforces MFA for every user.

## Evidence

The identity provider's MFA policy export.
`;

/** Scrolls the view with the mouse wheel until `row` is rendered (the tree only renders what fits). */
async function scrollTo(pane: Locator, row: Locator, what: string): Promise<void> {
  const page = pane.page();
  const body = pane.locator('.pane-body');
  await waitFor(
    async () => {
      if (await row.isVisible()) {
        return true;
      }
      const box = await body.boundingBox();
      if (box) {
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, 110);
      }
      return false;
    },
    20000,
    what,
    150,
  );
  // Fully inside the view, not under its edge.
  await row.scrollIntoViewIfNeeded();
}

/** Checks that the active editor shows `file` with the cursor on its line claiming `criterion`. */
async function expectOpenedAtClaim(page: Page, folder: string, rel: string, criterion: string): Promise<number> {
  const name = path.basename(rel);
  await page.locator('.tab.active').filter({ hasText: name }).first().waitFor({ state: 'visible', timeout: 15000 }).catch(() => {
    throw new Error(`clicking the document row did not open ${name} in the active tab`);
  });
  const lines = fs.readFileSync(path.join(folder, rel), 'utf8').split('\n');
  const claimLine = lines.findIndex((l) => new RegExp(`(^|[\\s\\[,-])${criterion.replace('.', '\\.')}([\\s\\],]|$)`).test(l)) + 1;
  assert.ok(claimLine > 0, `${rel} claims ${criterion}`);
  const claimColumn = lines[claimLine - 1].indexOf(criterion) + 1;
  // The cursor is on the criterion id itself (status bar "Ln N, Col C").
  const position = statusBarItem(page, /Ln \d+, Col \d+/);
  let cursor = '';
  await waitFor(
    async () => {
      cursor = ((await position.textContent()) ?? '').trim();
      return cursor === `Ln ${claimLine}, Col ${claimColumn}`;
    },
    10000,
    `the cursor at "Ln ${claimLine}, Col ${claimColumn}" in ${name}`,
  ).catch((err: Error) => {
    throw new Error(`${err.message}; the status bar shows "${cursor}"`);
  });
  // The editor shows that line, highlighted as the current line, and it names the criterion.
  const editor = activeEditor(page);
  const activeNumber = editor.locator('.line-numbers.active-line-number').first();
  await waitFor(async () => ((await activeNumber.textContent()) ?? '').trim() === String(claimLine), 5000, `line number ${claimLine} to be the active one`);
  // Read the line next to the active line number in one go: code lenses may still shift the lines.
  let lineOnScreen = '';
  await waitFor(
    async () => {
      lineOnScreen = await editor.evaluate((root) => {
        const top = (el: { getBoundingClientRect(): { top: number } }) => Math.round(el.getBoundingClientRect().top);
        const number = root.querySelector('.line-numbers.active-line-number');
        if (!number) return '';
        const line = [...root.querySelectorAll('.view-line')].find((l) => Math.abs(top(l) - top(number)) <= 1);
        return (line?.textContent ?? '').replace(/\u00a0/g, ' ');
      });
      return lineOnScreen.includes(criterion);
    },
    5000,
    `the cursor line on screen to contain ${criterion} (it shows "${lineOnScreen}")`,
  ).catch(() => undefined);
  assert.ok(lineOnScreen.includes(criterion), `the cursor line on screen contains ${criterion}: "${lineOnScreen}"`);
  return claimLine;
}

describe('open from the coverage view', function () {
  it('opens a document at the line that claims the criterion', async function () {
    context.requireExtension();
    const folder = fixtureWorkspace({ 'controls/mfa.md': MFA_CONTROL });
    const { page } = await context.openWorkbench(folder, { waitForExplorerRow: 'attest.yaml' });
    const pane = await openAttestView(page);

    const security = treeRow(pane, /^\s*Security — \d+\/33 covered\s*$/, 1);
    await security.waitFor({ state: 'visible', timeout: 60000 });
    await setExpanded(security, true);
    const cc62 = treeRow(pane, 'CC6.2', 2);
    await scrollTo(pane, cc62, 'the CC6.2 row under Security');
    await setExpanded(cc62, true);

    // Its documents: the two controls, the procedure and the policy.
    const docRows = async () =>
      (await pane.locator('.pane-body .monaco-list-row[aria-level="3"] .label-name').allTextContents()).map((t) => t.trim());
    await waitFor(async () => (await docRows()).length >= 4, 10000, 'the document rows under CC6.2');
    const docs = await docRows();
    for (const id of ['CTL-MFA', 'CTL-ACCESS-REVIEW', 'PRC-ONBOARDING', 'POL-ACCESS']) {
      assert.ok(docs.includes(id), `${id} is listed under CC6.2: ${JSON.stringify(docs)}`);
    }

    // The control with the block list: the cursor lands on "  - CC6.2", line 16.
    const mfaRow = treeRow(pane, 'CTL-MFA', 3);
    await scrollTo(pane, mfaRow, 'the CTL-MFA row');
    await mfaRow.locator('.label-name').click();
    const mfaLine = await expectOpenedAtClaim(page, folder, 'controls/mfa.md', 'CC6.2');
    assert.strictEqual(mfaLine, 16, 'the claim of CC6.2 is line 16 of controls/mfa.md');
    // The Attest server serves the opened document: its symbols fill the breadcrumbs at the cursor
    // (column 1 of "  - CC6.2" lies in the criteria list, before the item itself).
    await page
      .locator('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item')
      .filter({ has: page.locator('.label-name', { hasText: /^\s*criteria\s*$/ }) })
      .first()
      .waitFor({ state: 'visible', timeout: 30000 })
      .catch(() => {
        throw new Error('the breadcrumbs of controls/mfa.md do not reach the symbol criteria at the cursor');
      });
    await screenshot(page, 'open-from-view');

    // The procedure with the flow list: line 12, "criteria: [CC6.2, CC9.9]".
    const procedureRow = treeRow(pane, 'PRC-ONBOARDING', 3);
    await scrollTo(pane, procedureRow, 'the PRC-ONBOARDING row');
    await procedureRow.locator('.label-name').click();
    const procedureLine = await expectOpenedAtClaim(page, folder, 'procedures/onboarding.md', 'CC6.2');
    assert.strictEqual(procedureLine, 12, 'the claim of CC6.2 is line 12 of procedures/onboarding.md');
  });
});
