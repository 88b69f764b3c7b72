/**
 * Evidence view: for test/fixtures/type2-sample (a Type II audit over 2026), the view below
 * Coverage lists "Due next", "Missing" (with CTL-AC-03's 2026-Q3) and every window of the
 * audit, as `attest evidence --format json` reports them; clicking a missing request opens the
 * control at its `evidence` key. A workspace without `audit` gets the welcome content that
 * says how to declare one.
 */
import * as assert from 'assert';
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { context } from './context';
import { fixtureWorkspace, openAttestView, rowDescription, rowLabel } from './attest';
import { screenshot } from './workbench/screenshots';
import { statusBarItem } from './workbench/statusBar';
import { resizeSideBar, viewPane, viewRows } from './workbench/views';
import { waitFor } from './workbench/waitFor';

interface EvidenceJson {
  today: string;
  counts: { collected: number; missing: number; upcoming: number };
  requests: Array<{ control: { id: string; path: string }; window: { label: string; kind: string; start: string; end: string }; status: string; due: string }>;
}

/** What the engine lists for a workspace, as of today (the server in the workbench reads the same clock). */
function cliEvidence(dir: string): EvidenceJson {
  const out = childProcess.execFileSync(process.execPath, [path.join(context.root, 'bin', 'attest.js'), 'evidence', dir, '--format', 'json'], { encoding: 'utf8' });
  return JSON.parse(out) as EvidenceJson;
}

function windowText(w: EvidenceJson['requests'][number]['window']): string {
  return w.kind === 'period' ? `${w.start} to ${w.end}` : w.label;
}

/** Expands or collapses a view pane by its header, as a user clicks it. */
async function setPaneExpanded(pane: Locator, expanded: boolean): Promise<void> {
  const header = pane.locator('.pane-header').first();
  const want = String(expanded);
  await waitFor(
    async () => {
      if ((await header.getAttribute('aria-expanded')) === want) return true;
      await header.click();
      await waitFor(async () => (await header.getAttribute('aria-expanded')) === want, 2000, 'the pane to toggle').catch(() => undefined);
      return (await header.getAttribute('aria-expanded')) === want;
    },
    10000,
    `the pane to be ${expanded ? 'expanded' : 'collapsed'}`,
  );
}

/** The rows the tree shows, each with its level, label and description. */
async function shownRows(pane: Locator): Promise<Array<{ level: number; label: string; description: string }>> {
  const rows = viewRows(pane);
  const shown = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    shown.push({ level: Number(await row.getAttribute('aria-level')), label: await rowLabel(row), description: await rowDescription(row) });
  }
  return shown;
}

/** The Attest container with Coverage collapsed, so that the Evidence pane has the room. */
async function openEvidenceView(page: Page): Promise<Locator> {
  const coverage = await openAttestView(page);
  const evidence = viewPane(page, 'Evidence');
  await evidence.waitFor({ state: 'visible', timeout: 10000 });
  // Evidence first: the view starts collapsed, and a container keeps one pane open.
  await setPaneExpanded(evidence, true);
  await setPaneExpanded(coverage, false);
  return evidence;
}

describe('evidence view', function () {
  it('lists due next, missing and every window of a Type II audit, and opens a control at its evidence', async function () {
    context.requireExtension();
    const folder = context.makeWorkspace({});
    fs.cpSync(path.join(context.root, 'test', 'fixtures', 'type2-sample'), folder, { recursive: true });
    const expected = cliEvidence(folder);
    const missing = expected.requests.filter((r) => r.status === 'missing');
    assert.ok(missing.some((r) => r.control.id === 'CTL-AC-03' && r.window.label === '2026-Q3'), 'the sample misses CTL-AC-03’s 2026-Q3');
    const dueNext = [...new Map(expected.requests.filter((r) => r.status === 'upcoming').reverse().map((r) => [r.control.id, r])).values()];

    const { page } = await context.openWorkbench(folder, { waitForExplorerRow: 'attest.yaml' });
    const pane = await openEvidenceView(page);
    await resizeSideBar(page, 640);

    // The two groups come first, expanded, each with its requests.
    let rows: Awaited<ReturnType<typeof shownRows>> = [];
    await waitFor(
      async () => {
        rows = await shownRows(pane);
        return rows.length >= 2 + dueNext.length + missing.length && rows[0].label === 'Due next';
      },
      90000,
      'the Due next and Missing groups of the Evidence view',
    ).catch((err: Error) => {
      throw new Error(`${err.message}; the view shows ${JSON.stringify(rows.slice(0, 12))}`);
    });
    await screenshot(page, 'evidence-view');
    const missingAt = rows.findIndex((r) => r.level === 1 && r.label === 'Missing');
    assert.ok(missingAt > 0, `a Missing group: ${JSON.stringify(rows.slice(0, 12))}`);
    const dueRows = rows.slice(1, missingAt);
    assert.deepStrictEqual(dueRows.map((r) => r.label).sort(), dueNext.map((r) => r.control.id).sort(), 'Due next lists each control with a window to come');
    for (const row of dueRows) {
      const request = dueNext.find((r) => r.control.id === row.label);
      assert.ok(request && row.description.startsWith(`${windowText(request.window)} · due ${request.due} · `), `${row.label}'s next window and due date: "${row.description}"`);
    }
    assert.strictEqual(rows[missingAt].description, `${missing.length} ${missing.length === 1 ? 'window' : 'windows'} without evidence`);
    const missingRows = rows.slice(missingAt + 1, missingAt + 1 + missing.length);
    assert.deepStrictEqual(
      missingRows.map((r) => `${r.label} ${r.description.split(' · ')[0]}`).sort(),
      missing.map((r) => `${r.control.id} ${windowText(r.window)}`).sort(),
      'Missing lists every ended window without evidence',
    );
    assert.ok(missingRows.every((r) => r.level === 2 && /^\S+ · (was )?due \d{4}-\d{2}-\d{2} · /.test(r.description)), `each missing request says when it was due: ${JSON.stringify(missingRows)}`);

    // Collapse both groups: the windows follow, in calendar order, one per window of the audit.
    for (const group of ['Missing', 'Due next']) {
      const row = viewRows(pane).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${group}\\s*$`) }) }).first();
      await row.locator('.label-name').click();
      await waitFor(async () => (await row.getAttribute('aria-expanded')) === 'false', 5000, `${group} to collapse`);
    }
    const windows = [...new Map(expected.requests.map((r) => [windowText(r.window), r.window])).entries()];
    await waitFor(async () => (rows = await shownRows(pane)).length === 2 + windows.length, 10000, `${2 + windows.length} rows`).catch((err: Error) => {
      throw new Error(`${err.message}; the view shows ${JSON.stringify(rows.map((r) => r.label))}`);
    });
    const shownWindows = rows.slice(2).map((r) => r.label);
    assert.deepStrictEqual([...shownWindows].sort(), windows.map(([text]) => text).sort(), 'a row per window');
    const ends = shownWindows.map((text) => windows.find(([t]) => t === text)?.[1].end ?? '');
    assert.deepStrictEqual(ends, [...ends].sort(), 'windows in the order they end');
    const q3 = rows.find((r) => r.label === '2026-Q3');
    assert.ok(q3 && /^ended 2026-09-30 — 1 missing, 1 collected$/.test(q3.description), `2026-Q3 ended with one gap: "${q3?.description}"`);

    // Expand 2026-Q3: CTL-AC-03 missing, CTL-GOV-03 collected with its minutes.
    const q3Row = viewRows(pane).filter({ has: page.locator('.label-name', { hasText: /^\s*2026-Q3\s*$/ }) }).first();
    await q3Row.locator('.label-name').click();
    await waitFor(async () => (rows = await shownRows(pane)).some((r) => r.level === 2 && r.label === 'CTL-GOV-03'), 10000, 'the controls of 2026-Q3');
    const ac = rows.find((r) => r.level === 2 && r.label === 'CTL-AC-03');
    assert.ok(ac?.description.startsWith('✗ missing — was due 2026-10-15'), `CTL-AC-03 has nothing for 2026-Q3: "${ac?.description}"`);
    const gov = rows.find((r) => r.level === 2 && r.label === 'CTL-GOV-03');
    assert.ok(gov?.description.startsWith('✓ ') && gov.description.includes('2026-09-30'), `CTL-GOV-03 collected its Q3 minutes on 2026-09-30: "${gov?.description}"`);
    await screenshot(page, 'evidence-view-window');

    // Clicking the missing request opens the control at its evidence key.
    const acRow = viewRows(pane).filter({ has: page.locator('.label-name', { hasText: /^\s*CTL-AC-03\s*$/ }) }).first();
    await acRow.locator('.label-name').click();
    await page.locator('.tab.active').filter({ hasText: 'ac-03-access-review.md' }).first().waitFor({ state: 'visible', timeout: 15000 });
    const lines = fs.readFileSync(path.join(folder, 'controls', 'ac-03-access-review.md'), 'utf8').split('\n');
    const evidenceLine = lines.findIndex((l) => /^evidence\s*:/.test(l)) + 1;
    assert.ok(evidenceLine > 0, 'the control has an evidence key');
    let cursor = '';
    await waitFor(
      async () => (cursor = ((await statusBarItem(page, /Ln \d+, Col \d+/).textContent()) ?? '').trim()).startsWith(`Ln ${evidenceLine}, Col 9`),
      10000,
      `the cursor on the evidence key, line ${evidenceLine}`,
    ).catch((err: Error) => {
      throw new Error(`${err.message}; the status bar shows "${cursor}"`);
    });
  });

  it('says how to declare an audit when attest.yaml has none', async function () {
    context.requireExtension();
    const folder = fixtureWorkspace();
    const { page } = await context.openWorkbench(folder, { waitForExplorerRow: 'attest.yaml' });
    const pane = await openEvidenceView(page);
    const welcome = pane.locator('.welcome-view-content');
    await waitFor(async () => /No audit is declared in attest\.yaml/.test((await welcome.textContent().catch(() => '')) ?? ''), 90000, 'the welcome content on declaring an audit');
    const text = (await welcome.textContent()) ?? '';
    assert.ok(text.includes('audit: { type: 2, period: { start: 2026-01-01, end: 2026-12-31 } }'), `it shows the Type II declaration: "${text}"`);
    await screenshot(page, 'evidence-view-no-audit');
    await welcome.locator('a, .monaco-button').filter({ hasText: 'Open attest.yaml' }).first().click();
    await page.locator('.tab.active').filter({ hasText: 'attest.yaml' }).first().waitFor({ state: 'visible', timeout: 15000 });
  });
});
