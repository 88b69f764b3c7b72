/**
 * Fix-all on save: with `"editor.codeActionsOnSave": { "source.fixAll.attest": "explicit" }`
 * in the workspace settings, saving a policy whose criterion is written `cc6.1` and whose
 * status is `Approved` writes `CC6.1` and `approved`, in the editor and on disk, while the
 * change the user made stays.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { context } from './context';
import { fixtureWorkspace } from './attest';
import { activeEditor, editorLine } from './workbench/editor';
import { openFile } from './workbench/explorer';
import { screenshot } from './workbench/screenshots';
import { waitFor } from './workbench/waitFor';

const FILE = 'policies/access-control.md';

function lineText(text: string | null): string {
  return (text ?? '').replace(/\u00a0/g, ' ').trim();
}

describe('fix all on save', function () {
  it('applies Attest’s safe fixes when the document is saved', async function () {
    context.requireExtension();
    const folder = fixtureWorkspace({});
    const file = path.join(folder, FILE);
    const original = fs.readFileSync(file, 'utf8');
    const broken = original.replace('criteria: [CC6.1, CC6.2]', 'criteria: [cc6.1, CC6.2]').replace('status: approved', 'status: Approved');
    assert.notStrictEqual(broken, original);
    fs.writeFileSync(file, broken);
    fs.mkdirSync(path.join(folder, '.vscode'));
    fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'editor.codeActionsOnSave': { 'source.fixAll.attest': 'explicit' } }, null, 2));

    const { page } = await context.openWorkbench(folder, { waitForExplorerRow: 'attest.yaml' });
    await openFile(page, FILE);
    // The server has read the document once its findings show: `cc6.1` is an error, `Approved` a warning.
    await activeEditor(page).locator('.squiggly-error').first().waitFor({ state: 'visible', timeout: 90000 });
    await activeEditor(page).locator('.squiggly-warning').first().waitFor({ state: 'visible', timeout: 30000 });

    // An edit of the user's own, at the end of the document, then Ctrl+S.
    await editorLine(page, 'This policy defines how Fixture Co.').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Saved with fix-all on.');
    await page.keyboard.press('Control+S');

    // Ctrl+End lands after the file's last character, so the text is appended as typed.
    const expected = `${original}Saved with fix-all on.`;
    await waitFor(() => fs.readFileSync(file, 'utf8') === expected, 30000, 'the saved file to hold the fixes and the edit').catch((err: Error) => {
      throw new Error(`${err.message}; on disk:\n${fs.readFileSync(file, 'utf8').split('\n').slice(0, 14).join('\n')}`);
    });
    // Back to the top, where the frontmatter is drawn (Monaco renders only the lines on screen).
    await page.keyboard.press('Control+Home');
    assert.strictEqual(lineText(await editorLine(page, 'criteria:').textContent()), 'criteria: [CC6.1, CC6.2]', 'the editor shows the canonical id');
    assert.strictEqual(lineText(await editorLine(page, 'status:').textContent()), 'status: approved', 'the editor shows the status in lower case');
    // Nothing is left dirty, and the findings are gone.
    await page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: 10000 });
    await activeEditor(page).locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 30000 });
    await screenshot(page, 'fix-all-on-save');
  });
});
