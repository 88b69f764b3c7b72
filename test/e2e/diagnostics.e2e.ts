/**
 * Diagnostics: a policy that claims the unknown criterion `CC9.9` shows an
 * error in the Problems panel (opened with Ctrl+Shift+M, as a user would) and
 * a red squiggle under `CC9.9` in the editor.
 */
import * as assert from 'assert';
import type { Locator, Page } from 'playwright-core';
import { context } from './context';
import { activeEditor, editorToken } from './workbench/editor';
import { openFile } from './workbench/explorer';
import { screenshot } from './workbench/screenshots';
import { waitFor } from './workbench/waitFor';

const POLICY = `---
id: POL-ACCESS
type: policy
title: Access Control Policy
owner: Head of Security
status: approved
version: "1.0"
effective: 2026-01-01
review:
  cycle: annual
  last: 2026-01-01
criteria: [CC6.1, CC9.9]
---

# Access Control Policy

## Purpose

This policy defines how Diag Co. grants and removes access to its systems.

## Scope

All accounts on systems inside the SOC 2 boundary.

## Roles and Responsibilities

- The Head of Security owns this policy.

## Policy

- Access is approved by the system owner before it is granted.

## Enforcement

Violations are reported to the Head of Security.

## Exceptions

Exceptions are approved by the Head of Security and expire within six months.

## Review

The Head of Security reviews this policy every year.
`;

/** 1-based line and column of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `"${needle}" is in the document`);
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
}

/** The error rows of the Problems panel (marker rows with an error icon). */
function errorRows(page: Page): Locator {
  return page.locator('.markers-panel .monaco-list-row').filter({ has: page.locator('.marker-icon.error') });
}

/** The text of a Problems row's parts. */
async function markerParts(row: Locator): Promise<{ message: string; code: string; line: string }> {
  const part = async (selector: string) => ((await row.locator(selector).first().textContent()) ?? '').trim();
  return { message: await part('.marker-message'), code: await part('.marker-code'), line: await part('.marker-line') };
}

describe('diagnostics', function () {
  it('shows an unknown criterion in the Problems panel and as a squiggle', async function () {
    context.requireExtension();
    const folder = context.makeWorkspace({
      'attest.yaml': 'organization: Diag Co.\nml: false\n',
      'policies/access-control.md': POLICY,
    });
    const { page } = await context.openWorkbench(folder, { waitForExplorerRow: 'attest.yaml' });
    await openFile(page, 'policies/access-control.md');

    // The squiggle under CC9.9: the server has checked the document.
    const squiggle = activeEditor(page).locator('.squiggly-error').first();
    await squiggle.waitFor({ state: 'visible', timeout: 60000 }).catch(() => {
      throw new Error('no error squiggle (.squiggly-error) appeared in the editor within 60 s: did the Attest server start?');
    });
    const token = editorToken(page, 'CC9.9');
    // The editor may still be laying out (a code lens line arrives and moves the text
    // down): measure both boxes together until they agree, within a deadline.
    let last = '';
    await waitFor(
      async () => {
        const [squiggleBox, tokenBox] = [await squiggle.boundingBox(), await token.boundingBox()];
        if (!squiggleBox || !tokenBox) return false;
        last = `the squiggle ${JSON.stringify(squiggleBox)} lies under CC9.9 ${JSON.stringify(tokenBox)}`;
        const overlap = Math.min(squiggleBox.x + squiggleBox.width, tokenBox.x + tokenBox.width) - Math.max(squiggleBox.x, tokenBox.x);
        return overlap >= tokenBox.width * 0.8 && Math.abs(squiggleBox.y - tokenBox.y) < tokenBox.height;
      },
      10000,
      'the squiggle under CC9.9',
    ).catch((error: unknown) => {
      throw new Error(`${last || 'the squiggle and the CC9.9 token were not rendered'} (${String(error)})`);
    });
    assert.strictEqual(await activeEditor(page).locator('.squiggly-error').count(), 1, 'exactly one error squiggle in the policy');

    // Open the Problems panel with its keyboard shortcut, the editor focused.
    await activeEditor(page).locator('.view-line').first().click();
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10000 }).catch(() => {
      throw new Error('Ctrl+Shift+M did not open the Problems panel');
    });

    const rows = errorRows(page);
    await waitFor(async () => (await rows.count()) > 0, 30000, 'an error row in the Problems panel');
    const { line, column } = positionOf(POLICY, 'CC9.9');
    const parts = await waitFor(async () => {
      const p = await markerParts(rows.first());
      return p.message ? p : undefined;
    }, 10000, 'the text of the error row');
    assert.strictEqual(await rows.count(), 1, `exactly one error in the Problems panel; rows: ${JSON.stringify(await rows.allTextContents())}`);
    assert.match(parts.message, /CC9\.9/, 'the message names the unknown criterion');
    assert.match(parts.message, /CC9\.1/, 'the message suggests CC9.1');
    assert.match(parts.message, /CC9\.2/, 'the message suggests CC9.2');
    assert.strictEqual(parts.code, 'unknown-criterion', 'the row shows the rule code');
    assert.strictEqual(parts.line, `[Ln ${line}, Col ${column}]`, 'the row points at CC9.9 in the frontmatter');

    // The error belongs to the policy's file row, and the status bar counts it.
    const fileRow = page.locator('.markers-panel .monaco-list-row[aria-level="1"]').filter({ hasText: 'access-control.md' });
    await fileRow.first().waitFor({ state: 'visible', timeout: 5000 });
    const problems = page.locator('#status\\.problems a').first();
    assert.match((await problems.getAttribute('aria-label')) ?? '', /\bErrors: 1\b/, 'the status bar counts one error');

    await screenshot(page, 'diagnostics-problems');
  });
});
