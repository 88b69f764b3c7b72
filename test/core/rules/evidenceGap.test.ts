import * as assert from 'assert';
import { applyWorkspaceEdit } from '../features/cursor';
import { fixesFor, titled } from '../features/codeActions/fixtures';
import { control, diagnose, expectOne, policy, rangeOf, withCode, workspace } from '../../helpers';

const TYPE_2 = 'rules: { uncovered-criterion: off }\naudit: { type: 2, period: { start: 2026-01-01, end: 2026-12-31 } }\n';
const AS_OF = { today: () => '2026-11-01' };

/** An entry whose file is in the workspace, so that only the windows are judged. */
const entry = (date: string) => `\n  - { name: Review ${date}, path: evidence/${date}.csv, collected: ${date} }`;

function files(fields: Record<string, string>, dates: readonly string[], config = TYPE_2): Record<string, string> {
  const text = control({ status: 'implemented', ...fields, ...(dates.length > 0 ? { evidence: dates.map(entry).join('') } : {}) });
  return { 'attest.yaml': config, 'policies/p.md': policy(), 'controls/c.md': text, ...Object.fromEntries(dates.map((d) => [`evidence/${d}.csv`, 'x'])) };
}

async function gapsOf(fields: Record<string, string>, dates: readonly string[], today = '2026-11-01') {
  return withCode(await diagnose(files(fields, dates), 'controls/c.md', { today: () => today }), 'evidence-gap');
}

describe('evidence-gap', () => {
  it('names 2026-Q3 only for a quarterly control with Q1 and Q2, on its evidence key', async () => {
    const ws = files({}, ['2026-01-14', '2026-04-01']);
    const d = expectOne(await diagnose(ws, 'controls/c.md', AS_OF), 'evidence-gap', rangeOf(ws['controls/c.md'], 'evidence'));
    assert.strictEqual(d.severity, 'warning');
    assert.match(d.message, /no evidence for 2026-Q3\./);
    assert.doesNotMatch(d.message, /Q4/);
    assert.deepStrictEqual(withCode(await diagnose(ws, 'controls/c.md', AS_OF), 'evidence-overdue'), [], 'overdue is silent under Type II');
  });

  it('counts evidence on a window’s first and last day, and not a window that has not ended', async () => {
    assert.deepStrictEqual(await gapsOf({}, ['2026-03-31', '2026-04-01', '2026-09-30']), []);
    assert.deepStrictEqual(await gapsOf({}, ['2026-01-01', '2026-06-30'], '2026-09-30'), [], 'Q3 is open on its last day');
    assert.match((await gapsOf({}, ['2026-01-01', '2026-06-30'], '2026-10-01'))[0].message, /no evidence for 2026-Q3\./);
    assert.match((await gapsOf({}, ['2026-01-01', '2026-06-30'], '2027-01-01'))[0].message, /no evidence for 2026-Q3 and 2026-Q4\./);
  });

  it('gives no window to evidence dated before the period', async () => {
    assert.match((await gapsOf({}, ['2025-12-31', '2026-04-01', '2026-07-01']))[0].message, /no evidence for 2026-Q1\./);
  });

  it('judges each kind of window', async () => {
    const monthly = await gapsOf({ frequency: 'monthly' }, ['2026-01-31', '2026-02-01', '2026-04-15', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-31']);
    assert.match(monthly[0].message, /no evidence for 2026-03\./);
    const continuous = await gapsOf({ frequency: 'continuous' }, ['2026-01-31', '2026-02-01', '2026-03-01', '2026-04-15', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01']);
    assert.match(continuous[0].message, /no evidence for 2026-10\./, 'continuous is sampled monthly');
    assert.match((await gapsOf({ frequency: 'weekly' }, ['2026-01-05']))[0].message, /no evidence for 2026-W01, 2026-W03, .* more weeks/);
    assert.deepStrictEqual(await gapsOf({ frequency: 'annual' }, []), [], 'the year has not ended, and no evidence list');
    assert.match((await gapsOf({ frequency: 'annual' }, ['2025-11-20'], '2027-01-01'))[0].message, /no evidence for 2026\./);
    assert.match((await gapsOf({ frequency: 'on-event' }, ['2025-11-20'], '2027-01-01'))[0].message, /a note that no event occurred/);
  });

  it('takes a note that no event occurred for an on-event control', async () => {
    const ws = files({ frequency: 'on-event' }, []);
    ws['controls/c.md'] = control({ status: 'implemented', frequency: 'on-event', evidence: '\n  - { name: No emergency change in 2026, no-event: true, collected: 2026-12-31 }' });
    const d = await diagnose(ws, 'controls/c.md', { today: () => '2027-01-05' });
    assert.deepStrictEqual(d.map((x) => x.code), []);
  });

  it('leaves a control without evidence alone unless it says it is implemented', async () => {
    assert.deepStrictEqual(await gapsOf({ status: 'approved' }, []), []);
    const ws = files({}, []);
    expectOne(await diagnose(ws, 'controls/c.md', AS_OF), 'evidence-gap', rangeOf(ws['controls/c.md'], 'frequency'));
  });

  it('is silent without a Type II audit, where evidence-overdue speaks', async () => {
    const ws = files({}, ['2026-01-14', '2026-04-01'], 'rules: { uncovered-criterion: off }\n');
    const d = await diagnose(ws, 'controls/c.md', AS_OF);
    assert.deepStrictEqual(withCode(d, 'evidence-gap'), []);
    assert.strictEqual(withCode(d, 'evidence-overdue').length, 1);
  });

  it('makes an implemented control with a gap controlled, not implemented', async () => {
    const { index } = await workspace(files({}, ['2026-01-14', '2026-04-01']), AS_OF);
    assert.strictEqual(index.coverage().criteria.find((c) => c.id === 'CC6.2')?.status, 'controlled');
    const full = await workspace(files({}, ['2026-01-14', '2026-04-01', '2026-07-01']), AS_OF);
    assert.strictEqual(full.index.coverage().criteria.find((c) => c.id === 'CC6.2')?.status, 'implemented');
  });

  it('fixes the gap with an entry for the window, dated on its last day', async () => {
    const ws = files({}, ['2026-01-14', '2026-04-01']);
    const { index, actions } = await fixesFor(ws, 'controls/c.md', 'evidence-gap');
    const after = applyWorkspaceEdit(ws, titled(actions, 'Add evidence for 2026-Q3').edit ?? {}, index);
    assert.match(after['controls/c.md'], /collected: 2026-04-01 \}\n {2}- \{ name: Evidence for 2026-Q3, path: evidence\/CTL-AC-01\/2026-Q3\/FILE, collected: 2026-09-30 \}\n---/);
    const now = await diagnose(after, 'controls/c.md', AS_OF);
    assert.deepStrictEqual(withCode(now, 'evidence-gap'), []);
    // The placeholder path is the user's to replace with the file collected.
    assert.deepStrictEqual(now.map((d) => d.code), ['evidence-not-found']);
  });

  it('adds the evidence field to an implemented control that has none', async () => {
    const ws = files({}, []);
    const { index, actions } = await fixesFor(ws, 'controls/c.md', 'evidence-gap');
    const after = applyWorkspaceEdit(ws, titled(actions, 'Add evidence for 2026-Q1').edit ?? {}, index);
    assert.match(after['controls/c.md'], /\nevidence:\n {2}- \{ name: Evidence for 2026-Q1, path: evidence\/CTL-AC-01\/2026-Q1\/FILE, collected: 2026-03-31 \}\n---/);
  });
});
