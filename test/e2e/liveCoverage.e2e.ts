/**
 * Live coverage: a control written to disk outside the editor that claims an
 * uncovered criterion changes the criterion's row in the Coverage view (and the
 * status bar) without a reload.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { context } from './context';
import { cliCoverage, fixtureWorkspace, openAttestView, rowDescription, treeRow } from './attest';
import { screenshot } from './workbench/screenshots';
import { statusBarItem } from './workbench/statusBar';
import { waitFor } from './workbench/waitFor';

const CAPACITY_CONTROL = `---
id: CTL-CAPACITY
type: control
title: Capacity Monitoring
owner: Head of Infrastructure
status: approved
version: "1.0"
effective: 2026-01-01
review:
  cycle: annual
  last: 2026-01-01
criteria: [A1.1]
policy: POL-ACCESS
frequency: continuous
---

# Capacity Monitoring

## Objective

Capacity is measured and added before demand exceeds it.

## Implementation

Dashboards alert the on-call engineer when usage passes 80% of capacity.

## Evidence

The alert rules and the quarterly capacity review.
`;

describe('live coverage', function () {
  it('updates the Coverage view when a control is created on disk', async function () {
    context.requireExtension();
    const folder = fixtureWorkspace();
    const before = cliCoverage(folder);
    const a11 = before.criteria.find((c) => c.id === 'A1.1');
    assert.strictEqual(a11?.status, 'uncovered', 'A1.1 is uncovered in the fixture');

    const { page } = await context.openWorkbench(folder, { waitForExplorerRow: 'attest.yaml' });
    const pane = await openAttestView(page);
    const availability = treeRow(pane, /^\s*Availability — \d+\/3 covered\s*$/, 1);
    await availability.waitFor({ state: 'visible', timeout: 60000 });
    assert.strictEqual(((await availability.locator('.label-name').textContent()) ?? '').trim(), 'Availability — 0/3 covered');
    if ((await availability.getAttribute('aria-expanded')) !== 'true') {
      await availability.locator('.label-name').click();
    }
    const row = treeRow(pane, /^\s*A1\.1\s*$/, 2);
    await row.waitFor({ state: 'visible', timeout: 10000 });
    assert.ok((await rowDescription(row)).startsWith('uncovered — '), `A1.1 shows "uncovered": "${await rowDescription(row)}"`);
    assert.strictEqual(await row.locator('.codicon-error').count(), 1, 'A1.1 has the "uncovered" icon');
    assert.strictEqual(await row.getAttribute('aria-expanded'), null, 'an uncovered criterion has no documents to expand');
    await statusBarItem(page, `Attest ${before.summary.percent}%`).waitFor({ state: 'visible', timeout: 30000 });
    await screenshot(page, 'live-coverage-before');
    // A mark in the page: a reload of the workbench would lose it.
    await page.evaluate(() => {
      (globalThis as Record<string, unknown>).attestE2eMark = true;
    });

    // A teammate's control arrives on disk (git pull, another editor): no editor, no reload.
    const control = path.join(folder, 'controls', 'capacity.md');
    fs.writeFileSync(control, CAPACITY_CONTROL);
    const after = cliCoverage(folder);
    const status = after.criteria.find((c) => c.id === 'A1.1')?.status;
    assert.strictEqual(status, 'controlled', 'attest coverage counts A1.1 as controlled once the control exists');

    let shown = '';
    await waitFor(
      async () => {
        shown = await rowDescription(row);
        return shown.startsWith(`${status} — `);
      },
      30000,
      `the A1.1 row to change to "${status}" without a reload`,
    ).catch((err: Error) => {
      throw new Error(`${err.message}; the row shows "${shown}"`);
    });
    assert.strictEqual(await row.locator('.codicon-shield').count(), 1, 'A1.1 has the "controlled" icon');
    await waitFor(
      async () => ((await availability.locator('.label-name').textContent()) ?? '').trim() === 'Availability — 1/3 covered',
      10000,
      'the Availability row to count 1/3 covered',
    );
    await statusBarItem(page, `Attest ${after.summary.percent}%`).waitFor({ state: 'visible', timeout: 10000 });
    // The criterion now lists the new control.
    await row.locator('.label-name').click();
    await treeRow(pane, /^\s*CTL-CAPACITY\s*$/, 3).waitFor({ state: 'visible', timeout: 10000 });
    const mark = await page.evaluate(() => (globalThis as Record<string, unknown>).attestE2eMark === true);
    assert.ok(mark, 'the workbench was not reloaded');
    await screenshot(page, 'live-coverage-after');
  });
});
