/**
 * Truth in the editor: what Attest writes for the user (a suppression comment, a new
 * control, a control for a gap of the Coverage view) does not pass as finished work until the
 * user has written what it leaves to write; and a document deleted on disk stops counting at
 * once.
 */
import * as assert from 'assert';
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { context } from './context';
import { fixtureWorkspace, openAttestView, rowDescription, setExpanded, treeRow } from './attest';
import { offeredAction, pickAction } from './workbench/codeActions';
import { activeEditor, editorLine } from './workbench/editor';
import { openFile } from './workbench/explorer';
import { replaceAll, selectNext } from './workbench/find';
import { answerQuickInput } from './workbench/quickAnswers';
import { runCommand } from './workbench/quickInput';
import { screenshot } from './workbench/screenshots';
import { statusBarErrors, statusBarItem } from './workbench/statusBar';
import { problemsRows } from './workbench/views';
import { waitFor } from './workbench/waitFor';

/** Diagnostics `attest check` gives a file, as "severity code". */
function cliFindings(folder: string, relPath: string): string[] {
  const run = childProcess.spawnSync(process.execPath, [path.join(context.root, 'bin', 'attest.js'), 'check', folder, '--format', 'json'], { encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { diagnostics: Array<{ file: string; severity: string; code: string }> };
  return report.diagnostics.filter((d) => d.file === relPath && d.severity !== 'information').map((d) => `${d.severity} ${d.code}`);
}

/** Fills what a new document leaves to write: the owner, then every other placeholder. */
async function fillPlaceholders(page: Page): Promise<void> {
  await selectNext(page, '<OWNER ROLE>');
  await page.keyboard.insertText('Head of Security');
  await replaceAll(page, '<[A-Z][A-Z0-9 -]*>', 'Written by the control owner');
  await page.keyboard.press('Control+S');
}

/** The new file under `controls/` besides those of the fixture, once the command has written it. */
function newControl(folder: string, existing: readonly string[]): Promise<string> {
  return waitFor(async () => fs.readdirSync(path.join(folder, 'controls')).find((f) => !existing.includes(f)), 15000, 'the new control to be written');
}

describe('truth in the editor', function () {
  it('leaves the problem in place while a suppression reason is still the placeholder', async function () {
    context.requireExtension();
    const folder = fixtureWorkspace();
    const { page } = await context.openWorkbench(folder, { waitForExplorerRow: 'attest.yaml' });
    await openFile(page, 'procedures/onboarding.md');
    await waitFor(async () => (await statusBarErrors(page)) === 1, 60000, 'the status bar to count the unknown criterion');

    await pickAction(page, await offeredAction(page, 'CC9.9', /Suppress unknown-criterion in this file/));
    await editorLine(page, 'attest-ignore unknown-criterion').waitFor({ state: 'visible', timeout: 10000 });
    const rows = await problemsRows(page);
    await waitFor(async () => (await rows.filter({ hasText: /WHY THIS DOES NOT APPLY HERE/ }).count()) > 0, 20000, 'the Problems panel to report the placeholder reason');
    assert.ok((await statusBarErrors(page)) >= 1, 'the unknown criterion is still an error: a placeholder is no reason');
    await screenshot(page, 'truth-suppression-placeholder');

    await selectNext(page, '<WHY THIS DOES NOT APPLY HERE>');
    await page.keyboard.insertText('CC9.9 is a criterion of our internal catalogue, checked by the GRC team');
    await waitFor(async () => (await statusBarErrors(page)) === 0, 20000, 'the error to go once the reason is written');
    assert.ok(!((await activeEditor(page).locator('.view-lines').textContent()) ?? '').includes('<WHY'), 'the placeholder is gone');
  });

  it('writes a control with the criterion chosen by the keyboard, clean once its placeholders are filled', async function () {
    context.requireExtension();
    const folder = fixtureWorkspace();
    const existing = fs.readdirSync(path.join(folder, 'controls'));
    const { page } = await context.openWorkbench(folder, { waitForExplorerRow: 'attest.yaml' });
    await openAttestView(page);
    // Commands that write need a trusted workspace, which the workbench settles after starting.
    await statusBarItem(page, /Attest \d/).waitFor({ state: 'visible', timeout: 60000 });
    await runCommand(page, 'Attest: New Document…');
    await answerQuickInput(page, /Document type/, 'Control');
    await answerQuickInput(page, /Title of the control/, 'Badge Audit');
    // The picker says how Enter selects: with nothing ticked, the criterion filtered to.
    await answerQuickInput(page, /Enter takes the ticked criteria, or the one typed/, 'CC6.1');
    await answerQuickInput(page, /Parent policy/, 'POL-ACCESS');

    const file = await newControl(folder, existing);
    const text = fs.readFileSync(path.join(folder, 'controls', file), 'utf8');
    assert.match(text, /^criteria: \[CC6\.1\]$/m, 'the control claims the criterion chosen');
    assert.match(text, /^policy: POL-ACCESS$/m, 'under the policy chosen');
    assert.ok(cliFindings(folder, `controls/${file}`).includes('warning unfilled-placeholder'), 'as written, its placeholders are reported');

    await editorLine(page, 'owner:').waitFor({ state: 'visible', timeout: 10000 });
    await fillPlaceholders(page);
    await waitFor(async () => !fs.readFileSync(path.join(folder, 'controls', file), 'utf8').includes('<'), 10000, 'the filled control to be saved');
    assert.deepStrictEqual(cliFindings(folder, `controls/${file}`), [], 'filled in, the control checks clean');
  });

  it('refuses to write a control without a criterion', async function () {
    context.requireExtension();
    const folder = fixtureWorkspace();
    const { page } = await context.openWorkbench(folder, { waitForExplorerRow: 'attest.yaml' });
    await openAttestView(page);
    // Commands that write need a trusted workspace, which the workbench settles after starting.
    await statusBarItem(page, /Attest \d/).waitFor({ state: 'visible', timeout: 60000 });
    await runCommand(page, 'Attest: New Document…');
    await answerQuickInput(page, /Document type/, 'Control');
    await answerQuickInput(page, /Title of the control/, 'Nothing Claimed');
    await answerQuickInput(page, /Enter takes the ticked criteria/, '');
    await answerQuickInput(page, /a control needs at least one criterion/, 'A1.2');
    await answerQuickInput(page, /Parent policy/, 'No parent policy');
    const file = path.join(folder, 'controls', 'nothing-claimed.md');
    await waitFor(async () => fs.existsSync(file), 15000, 'the control to be written');
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /^criteria: \[A1\.2\]$/m);
    assert.doesNotMatch(text, /^policy:/m, 'no parent was chosen for the user');
  });

  it('creates a control for a gap of the Coverage view that covers it', async function () {
    context.requireExtension();
    const folder = fixtureWorkspace();
    const existing = fs.readdirSync(path.join(folder, 'controls'));
    const { page } = await context.openWorkbench(folder, { waitForExplorerRow: 'attest.yaml' });
    const pane = await openAttestView(page);
    const availability = treeRow(pane, /^\s*Availability — \d+\/3 covered\s*$/, 1);
    await availability.waitFor({ state: 'visible', timeout: 60000 });
    await setExpanded(availability, true);
    const row = treeRow(pane, /^\s*A1\.1\s*$/, 2);
    await row.waitFor({ state: 'visible', timeout: 10000 });
    assert.ok((await rowDescription(row)).startsWith('uncovered — '));
    await row.hover();
    const button = row.locator('.action-label[aria-label^="New Control for This Gap"]');
    await button.waitFor({ state: 'visible', timeout: 5000 });
    await screenshot(page, 'truth-gap-button');
    await button.click();
    await answerQuickInput(page, /New control for A1\.1/, 'Capacity Monitoring');
    // A1.1 is ticked already: Enter takes it.
    await answerQuickInput(page, /Enter takes the ticked criteria/, '');
    await answerQuickInput(page, /Parent policy/, 'POL-ACCESS');
    const file = await newControl(folder, existing);
    assert.match(fs.readFileSync(path.join(folder, 'controls', file), 'utf8'), /^criteria: \[A1\.1\]$/m);
    await waitFor(async () => (await rowDescription(row)).startsWith('drafted — '), 20000, 'A1.1 to be drafted by the new control');

    await editorLine(page, 'owner:').waitFor({ state: 'visible', timeout: 10000 });
    await fillPlaceholders(page);
    await replaceAll(page, '^status: draft$', 'status: approved');
    await page.keyboard.press('Control+S');
    await waitFor(async () => (await rowDescription(row)).startsWith('controlled — '), 20000, 'A1.1 to be controlled once the control is approved');
    await screenshot(page, 'truth-gap-covered');
  });

  it('stops counting a deleted document at once, and after a restart', async function () {
    context.requireExtension();
    const folder = fixtureWorkspace();
    const { page } = await context.openWorkbench(folder, { waitForExplorerRow: 'attest.yaml' });
    await openFile(page, 'controls/access-review.md');
    await openFile(page, 'policies/access-control.md');
    const pane = await openAttestView(page);
    const lens = activeEditor(page).locator('.codelens-decoration').filter({ hasText: /1 control\b/ }).first();
    await lens.waitFor({ state: 'visible', timeout: 60000 });
    const security = treeRow(pane, /^\s*Security — \d+\/\d+ covered\s*$/, 1);
    await setExpanded(security, true);
    const cc63 = treeRow(pane, /^\s*CC6\.3\s*$/, 2);
    await cc63.waitFor({ state: 'visible', timeout: 10000 });
    assert.ok((await rowDescription(cc63)).startsWith('controlled — '));

    const started = Date.now();
    fs.rmSync(path.join(folder, 'controls', 'access-review.md'));
    await waitFor(async () => (await rowDescription(cc63)).startsWith('uncovered — '), 10000, 'CC6.3 to lose its deleted control', 20);
    const viewElapsed = Date.now() - started;
    await activeEditor(page).locator('.codelens-decoration').filter({ hasText: /0 controls\b/ }).first().waitFor({ state: 'visible', timeout: 10000 });
    const elapsed = Date.now() - started;
    console.log(`      the deletion reached the view in ${viewElapsed} ms and the lens in ${elapsed} ms`);
    // A second in the issue; the file watcher's own delay and a loaded CI machine get some slack.
    assert.ok(elapsed < 2000, `the view and the lens followed the deletion in ${elapsed} ms`);

    await runCommand(page, 'Attest: Restart Language Server');
    await page.waitForTimeout(3000);
    // The view is built anew from the restarted server's coverage.
    await security.waitFor({ state: 'visible', timeout: 30000 });
    await setExpanded(security, true);
    await waitFor(async () => (await rowDescription(cc63)).startsWith('uncovered — '), 30000, 'the deleted control to stay gone after a restart');
    await screenshot(page, 'truth-deleted');
  });
});
