/**
 * Coverage view: the Attest activity-bar container shows, for the bundled
 * policy library, one row per Trust Services Category ("Security — 33/33
 * covered"), criteria with their status under each, and the "ML addenda" group
 * with its topics (the library has `ml: true`), all as `attest coverage` reports.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { context } from './context';
import { COVERED, cliCoverage, openAttestView, rowDescription, rowLabel, setExpanded, treeRow } from './attest';
import { screenshot } from './workbench/screenshots';
import { resizeSideBar } from './workbench/views';
import { waitFor } from './workbench/waitFor';

describe('coverage view', function () {
  it('shows categories, criteria with their status and the ML addenda', async function () {
    context.requireExtension();
    const folder = context.makeWorkspace({});
    fs.cpSync(path.join(context.root, 'policies'), folder, { recursive: true });
    const expected = cliCoverage(folder);
    assert.ok(expected.ml.length > 0, 'the bundled library has ML topics (ml: true)');

    const { page } = await context.openWorkbench(folder, { waitForExplorerRow: 'attest.yaml' });
    const pane = await openAttestView(page);
    await resizeSideBar(page, 720);

    // Top level: the categories in the order of the report, then the ML addenda group, then the frameworks.
    const categories = new Map<string, { covered: number; total: number; ids: string[] }>();
    for (const c of expected.criteria) {
      const entry = categories.get(c.category) ?? { covered: 0, total: 0, ids: [] };
      entry.total++;
      entry.covered += COVERED.has(c.status) ? 1 : 0;
      entry.ids.push(c.id);
      categories.set(c.category, entry);
    }
    const addressed = expected.ml.filter((t) => t.status !== 'uncovered').length;
    const mlLabel = `ML addenda — ${addressed}/${expected.ml.length} addressed`;
    // Then one group per framework the library turns on (ISO/IEC 42001, NIST AI RMF).
    const expectedTop = [
      ...[...categories].map(([name, e]) => `${name} — ${e.covered}/${e.total} covered`),
      mlLabel,
      ...(expected.frameworks ?? []).map((f) => `${f.name} — ${f.summary.covered}/${f.summary.inScope} covered`),
    ];
    assert.ok((expected.frameworks ?? []).length >= 2, 'the library turns on ISO/IEC 42001 and the NIST AI RMF');
    const topRows = pane.locator('.pane-body .monaco-list-row[aria-level="1"]');
    let shownTop: string[] = [];
    await waitFor(
      async () => {
        shownTop = (await topRows.locator('.label-name').allTextContents()).map((t) => t.trim());
        return JSON.stringify(shownTop) === JSON.stringify(expectedTop);
      },
      60000,
      `the top rows ${JSON.stringify(expectedTop)} (shown: ${JSON.stringify(shownTop)})`,
    ).catch((err: Error) => {
      throw new Error(`${err.message}; the view shows ${JSON.stringify(shownTop)}`);
    });
    assert.ok(expectedTop[0].startsWith('Security — '), 'Security comes first');
    assert.strictEqual(categories.get('Security')?.total, 33, 'Security has the 33 common criteria');

    // Expand Security: its criteria, each with its status and summary.
    const security = treeRow(pane, expectedTop[0], 1);
    await setExpanded(security, true);
    const criterionRows = pane.locator('.pane-body .monaco-list-row[aria-level="2"]');
    await waitFor(async () => (await criterionRows.count()) >= 10, 10000, 'criterion rows under Security');
    const shown = await criterionRows.count();
    for (let i = 0; i < Math.min(shown, 12); i++) {
      const row = criterionRows.nth(i);
      const id = await rowLabel(row);
      const c = expected.criteria.find((x) => x.id === id);
      assert.ok(c, `row ${i + 1} under Security is a criterion of the report: "${id}"`);
      assert.strictEqual(c.category, 'Security', `${id} is a Security criterion`);
      assert.strictEqual(id, categories.get('Security')?.ids[i], `row ${i + 1} is in the order of the report`);
      const description = await rowDescription(row);
      assert.ok(description.startsWith(`${c.status} — `), `${id} shows its status "${c.status}": "${description}"`);
      const start = c.summary.slice(0, 30);
      assert.ok(description.includes(start), `${id} shows the start of its summary "${start}": "${description}"`);
      // A criterion with documents can be expanded to them.
      assert.strictEqual(await row.getAttribute('aria-expanded'), c.documents.length ? 'false' : null, `${id} is expandable iff documents claim it`);
    }
    // The status icon matches the status (e.g. controlled → shield, implemented → pass).
    const icons: Record<string, string> = { drafted: 'codicon-edit', controlled: 'codicon-shield', implemented: 'codicon-pass', excepted: 'codicon-circle-slash', uncovered: 'codicon-error', documented: 'codicon-warning' };
    const first = expected.criteria.find((x) => x.id === (categories.get('Security')?.ids[0] ?? ''));
    assert.ok(first);
    assert.ok(
      (await criterionRows.first().locator(`.custom-view-tree-node-item-icon.${icons[first.status]}`).count()) === 1,
      `${first.id} has the ${icons[first.status]} icon of status ${first.status}`,
    );
    await screenshot(page, 'coverage-view');

    // Collapse Security and expand the ML addenda: one row per topic with its status.
    await setExpanded(security, false);
    const ml = treeRow(pane, mlLabel, 1);
    await setExpanded(ml, true);
    await waitFor(async () => (await criterionRows.count()) >= Math.min(expected.ml.length, 10), 10000, 'topic rows under ML addenda');
    const topicRows = await criterionRows.count();
    for (let i = 0; i < Math.min(topicRows, expected.ml.length); i++) {
      const row = criterionRows.nth(i);
      const topic = await rowLabel(row);
      const t = expected.ml[i];
      assert.strictEqual(topic, t.topic, `topic row ${i + 1} is ${t.topic}`);
      assert.strictEqual(await rowDescription(row), `${t.status} — ${t.title}`, `${t.topic} shows its status and title`);
    }
    await screenshot(page, 'coverage-view-ml');
  });
});
