/**
 * Hover: hovering a criterion id in a document's frontmatter shows what the
 * criterion asks and its coverage in the workspace (status and the control
 * that covers it), the same as `attest coverage` reports.
 */
import * as assert from 'assert';
import { context } from './context';
import { cliCoverage, fixtureWorkspace } from './attest';
import { editorToken } from './workbench/editor';
import { openFile } from './workbench/explorer';
import { hoverText, visibleHover } from './workbench/hover';
import { screenshot, waitUntilOpaque } from './workbench/screenshots';

describe('hover', function () {
  it('shows the summary and coverage of a criterion', async function () {
    context.requireExtension();
    const folder = fixtureWorkspace();
    const expected = cliCoverage(folder).criteria.find((c) => c.id === 'CC6.2');
    assert.ok(expected, 'attest coverage reports CC6.2');
    assert.strictEqual(expected.status, 'controlled', 'the fixture has CC6.2 controlled (by CTL-ACCESS-REVIEW)');

    const { page } = await context.openWorkbench(folder, { waitForExplorerRow: 'attest.yaml' });
    await openFile(page, 'policies/access-control.md');
    const token = editorToken(page, 'CC6.2');
    await token.waitFor({ state: 'visible' });

    // Wait for the hover with the coverage (the server may still be indexing at first).
    const text = (await hoverText(page, token, /Coverage:[\s\S]*CTL-ACCESS-REVIEW/, 60000)).replace(/\s+/g, ' ');
    // The hover fades in: wait until it is fully opaque before the screenshot.
    await waitUntilOpaque(visibleHover(page), 'the hover to be fully shown');
    await screenshot(page, 'hover-coverage');

    assert.match(text, /\bCC6\.2\b/, `the hover names the criterion: ${text}`);
    assert.ok(text.includes('Security'), `the hover names the category: ${text}`);
    assert.ok(text.includes(expected.summary.replace(/\s+/g, ' ')), `the hover shows the summary "${expected.summary}": ${text}`);
    assert.match(text, /Coverage: controlled\b/, `the hover shows the status "controlled": ${text}`);
    assert.match(text, /CTL-ACCESS-REVIEW — Quarterly Access Review \(control\)/, `the hover lists the covering control: ${text}`);
    // Controls come first among the claimants.
    assert.ok(text.indexOf('CTL-ACCESS-REVIEW') < text.indexOf('POL-ACCESS'), `the control is listed before the policy: ${text}`);
    for (const doc of expected.documents) {
      assert.ok(text.includes(doc), `the hover lists ${doc}, which claims CC6.2: ${text}`);
    }
    // The covering control is a link the user can follow.
    const link = page.locator('.monaco-hover:not(.hidden) a').filter({ hasText: 'CTL-ACCESS-REVIEW' }).first();
    assert.ok(await link.isVisible(), 'the covering control is a link in the hover');
  });
});
