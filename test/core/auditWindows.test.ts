import * as assert from 'node:assert';
import { isoWeekOf } from '../../server/src/core/audit/dates';
import { parseAuditSpec } from '../../server/src/core/audit/spec';
import { describeGaps, evidencePlaceholder, windowLine } from '../../server/src/core/audit/summary';
import {
  AUDIT_FREQUENCIES,
  asOfWindow,
  auditWindows,
  dueDate,
  evidenceGaps,
  windowStatuses,
  windowsOf,
  type AuditWindow,
} from '../../server/src/core/audit/windows';
import { FREQUENCIES } from '../../server/src/core/types';

const YEAR_2026 = { start: '2026-01-01', end: '2026-12-31' };
const spans = (windows: readonly AuditWindow[]) => windows.map((w) => `${w.label} ${w.start}..${w.end}`);
const labels = (windows: readonly AuditWindow[]) => windows.map((w) => w.label);

describe('audit spec (attest.yaml `audit`)', () => {
  it('reads a Type II period and a Type I date', () => {
    assert.deepStrictEqual(parseAuditSpec({ type: 2, period: { start: '2026-01-01', end: '2026-12-31' } }), { spec: { type: 2, period: YEAR_2026 }, problems: [] });
    assert.deepStrictEqual(parseAuditSpec({ type: 1, date: '2026-06-30' }), { spec: { type: 1, date: '2026-06-30' }, problems: [] });
  });

  it('takes a date a YAML 1.1 reader turned into a Date at midnight UTC', () => {
    assert.deepStrictEqual(parseAuditSpec({ type: 1, date: new Date('2026-06-30T00:00:00Z') }).spec, { type: 1, date: '2026-06-30' });
  });

  it('has nothing to say when `audit` is absent', () => {
    assert.deepStrictEqual(parseAuditSpec(undefined), { spec: undefined, problems: [] });
    assert.deepStrictEqual(parseAuditSpec(null), { spec: undefined, problems: [] });
  });

  const problemsOf = (raw: unknown) => parseAuditSpec(raw).problems.map((p) => `${p.severity} ${p.path.join('.')}: ${p.message}`);

  it('names the key at fault, and returns no spec on an error', () => {
    assert.strictEqual(parseAuditSpec({ type: 2, period: { start: '2026-06-01', end: '2026-01-31' } }).spec, undefined);
    assert.deepStrictEqual(problemsOf({ type: 2, period: { start: '2026-06-01', end: '2026-01-31' } }), ['error audit.period.end: `audit.period.end` is before `audit.period.start`.']);
    assert.deepStrictEqual(problemsOf({ type: 3 }), ['error audit.type: `audit.type` must be 1 or 2 (a number), not `3`.']);
    assert.deepStrictEqual(problemsOf({ type: '2', period: YEAR_2026 }), ['error audit.type: `audit.type` must be 1 or 2 (a number), not `2`.']);
    assert.deepStrictEqual(problemsOf({ type: 1, date: '2026-02-30' }), ['error audit.date: `audit.date` must be a date written YYYY-MM-DD, not `2026-02-30`.']);
    assert.deepStrictEqual(problemsOf({ type: 2, period: { start: '2026-01-01' } }), ['error audit.period: `audit.period` needs `end`, a date (YYYY-MM-DD).']);
    assert.deepStrictEqual(problemsOf({ type: 2 }), ['error audit: A Type II audit needs `audit.period: { start: <date>, end: <date> }`, the observation period.']);
    assert.match(problemsOf('2026')[0], /^error audit: `audit` is `\{ type: 2/);
    assert.match(problemsOf({ period: YEAR_2026 })[0], /^error audit: `audit` needs a `type`: 1 or 2/);
  });

  it('warns of keys that belong to the other type of audit, or to none, and keeps the spec', () => {
    assert.deepStrictEqual(parseAuditSpec({ type: 1, date: '2026-06-30', period: YEAR_2026 }), {
      spec: { type: 1, date: '2026-06-30' },
      problems: [{ path: ['audit', 'period'], severity: 'warning', code: 'unknown-field', message: 'A Type I audit takes `audit.date`, not `audit.period`.' }],
    });
    const extra = { type: 2, period: { ...YEAR_2026, length: 12 }, auditor: 'X' };
    assert.deepStrictEqual(parseAuditSpec(extra).spec, { type: 2, period: YEAR_2026 });
    assert.deepStrictEqual(problemsOf(extra), [
      'warning audit.auditor: `audit` takes `type` and `period`, not `auditor`.',
      'warning audit.period.length: `audit.period` takes `start` and `end`, not `length`.',
    ]);
  });

  it('warns of a period outside the usual 3 to 12 months but keeps it, and refuses one over 15 months', () => {
    const usual = 'SOC 2 Type II periods are 3 to 12 months';
    assert.deepStrictEqual(problemsOf({ type: 2, period: { start: '2026-01-01', end: '2026-03-31' } }), []);
    const short = parseAuditSpec({ type: 2, period: { start: '2026-01-01', end: '2026-03-30' } });
    assert.deepStrictEqual(short.spec, { type: 2, period: { start: '2026-01-01', end: '2026-03-30' } });
    assert.deepStrictEqual(short.problems.map((p) => `${p.severity} ${p.message}`), [`warning The observation period is shorter than 3 months; ${usual}.`]);
    assert.deepStrictEqual(problemsOf({ type: 2, period: { start: '2026-01-01', end: '2027-01-01' } }), [`warning audit.period.end: The observation period is longer than 12 months; ${usual}.`]);
    assert.deepStrictEqual(problemsOf({ type: 2, period: { start: '2026-01-01', end: '2027-03-31' } }), [`warning audit.period.end: The observation period is longer than 12 months; ${usual}.`]);
    const long = parseAuditSpec({ type: 2, period: { start: '2026-01-01', end: '2027-04-01' } });
    assert.strictEqual(long.spec, undefined);
    assert.deepStrictEqual(long.problems.map((p) => p.severity), ['error']);
    assert.match(long.problems[0].message, /longer than 15 months/);
  });
});

describe('ISO weeks', () => {
  it('gives a week to the year of its Thursday', () => {
    assert.deepStrictEqual(isoWeekOf('2026-12-31'), { year: 2026, week: 53 });
    assert.deepStrictEqual(isoWeekOf('2027-01-03'), { year: 2026, week: 53 });
    assert.deepStrictEqual(isoWeekOf('2027-01-04'), { year: 2027, week: 1 });
    assert.deepStrictEqual(isoWeekOf('2024-12-30'), { year: 2025, week: 1 });
    assert.deepStrictEqual(isoWeekOf('2026-02-15'), { year: 2026, week: 7 });
  });
});

describe('audit windows', () => {
  it('knows every frequency a control may have', () => {
    assert.deepStrictEqual([...AUDIT_FREQUENCIES], [...FREQUENCIES]);
  });

  it('splits a year into calendar months, quarters and the year', () => {
    assert.deepStrictEqual(labels(windowsOf('monthly', YEAR_2026)), ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2026-${m}`));
    assert.deepStrictEqual(spans(windowsOf('quarterly', YEAR_2026)), [
      '2026-Q1 2026-01-01..2026-03-31',
      '2026-Q2 2026-04-01..2026-06-30',
      '2026-Q3 2026-07-01..2026-09-30',
      '2026-Q4 2026-10-01..2026-12-31',
    ]);
    assert.deepStrictEqual(spans(windowsOf('annual', YEAR_2026)), ['2026 2026-01-01..2026-12-31']);
  });

  it('samples continuous and daily controls by the month', () => {
    assert.deepStrictEqual(windowsOf('continuous', YEAR_2026), windowsOf('monthly', YEAR_2026));
    assert.deepStrictEqual(windowsOf('daily', YEAR_2026), windowsOf('monthly', YEAR_2026));
  });

  it('clips the first and last windows to a period that starts and ends mid-month', () => {
    const period = { start: '2026-02-15', end: '2026-05-10' };
    assert.deepStrictEqual(spans(windowsOf('monthly', period)), ['2026-02 2026-02-15..2026-02-28', '2026-03 2026-03-01..2026-03-31', '2026-04 2026-04-01..2026-04-30', '2026-05 2026-05-01..2026-05-10']);
    assert.deepStrictEqual(spans(windowsOf('quarterly', period)), ['2026-Q1 2026-02-15..2026-03-31', '2026-Q2 2026-04-01..2026-05-10']);
  });

  it('splits by ISO weeks, Monday to Sunday, across the year boundary', () => {
    const weeks = windowsOf('weekly', YEAR_2026);
    assert.strictEqual(weeks.length, 53);
    assert.deepStrictEqual(spans(weeks.slice(0, 2)), ['2026-W01 2026-01-01..2026-01-04', '2026-W02 2026-01-05..2026-01-11']);
    assert.deepStrictEqual(spans(weeks.slice(-1)), ['2026-W53 2026-12-28..2026-12-31']);
    assert.deepStrictEqual(spans(windowsOf('weekly', { start: '2026-12-21', end: '2027-01-10' })), [
      '2026-W52 2026-12-21..2026-12-27',
      '2026-W53 2026-12-28..2027-01-03',
      '2027-W01 2027-01-04..2027-01-10',
    ]);
    assert.deepStrictEqual(spans(windowsOf('weekly', { start: '2027-01-01', end: '2027-01-05' })), ['2026-W53 2027-01-01..2027-01-03', '2027-W01 2027-01-04..2027-01-05']);
  });

  it('gives an annual control one window per calendar year the period touches', () => {
    assert.deepStrictEqual(spans(windowsOf('annual', { start: '2026-07-01', end: '2027-06-30' })), ['2026 2026-07-01..2026-12-31', '2027 2027-01-01..2027-06-30']);
  });

  it('gives an on-event control, or one with no frequency, one window spanning the period', () => {
    assert.deepStrictEqual(windowsOf('on-event', YEAR_2026), [{ label: '2026-01-01/2026-12-31', start: '2026-01-01', end: '2026-12-31', kind: 'period', onEvent: true }]);
    assert.deepStrictEqual(windowsOf(undefined, YEAR_2026), [{ label: '2026-01-01/2026-12-31', start: '2026-01-01', end: '2026-12-31', kind: 'period', onEvent: false }]);
  });

  it('has no windows for a period that ends before it starts', () => {
    assert.deepStrictEqual(windowsOf('monthly', { start: '2026-05-01', end: '2026-04-30' }), []);
  });

  it('gives a Type I audit one window: evidence still current on its date', () => {
    assert.deepStrictEqual(auditWindows('quarterly', { type: 1, date: '2026-06-30' }), [{ label: '2026-06-30', start: '2026-03-22', end: '2026-06-30', kind: 'as-of', onEvent: false }]);
    assert.deepStrictEqual(auditWindows('quarterly', { type: 2, period: YEAR_2026 }), windowsOf('quarterly', YEAR_2026));
  });
});

describe('window statuses', () => {
  const quarters = windowsOf('quarterly', YEAR_2026);
  const statusOf = (evidence: { collected?: string; noEvent?: boolean }[], today: string, windows = quarters) =>
    windowStatuses(windows, evidence, today).map((s) => `${s.window.label} ${s.status}`);

  it('names Q3 only when Q1 and Q2 have evidence and Q4 has not ended (the acceptance example)', () => {
    const evidence = [{ collected: '2026-02-10' }, { collected: '2026-05-12' }];
    assert.deepStrictEqual(labels(evidenceGaps(quarters, evidence, '2026-11-01')), ['2026-Q3']);
    assert.deepStrictEqual(statusOf(evidence, '2026-11-01'), ['2026-Q1 collected', '2026-Q2 collected', '2026-Q3 missing', '2026-Q4 upcoming']);
    assert.strictEqual(windowLine(windowStatuses(quarters, evidence, '2026-11-01')), 'Q1 ✓ Q2 ✓ Q3 ✗ Q4 upcoming');
  });

  it("counts evidence dated on a window's first and on its last day, not the day before or after", () => {
    assert.deepStrictEqual(statusOf([{ collected: '2026-07-01' }], '2026-11-01').slice(2, 3), ['2026-Q3 collected']);
    assert.deepStrictEqual(statusOf([{ collected: '2026-09-30' }], '2026-11-01').slice(2, 3), ['2026-Q3 collected']);
    assert.deepStrictEqual(statusOf([{ collected: '2026-06-30' }, { collected: '2026-10-01' }], '2026-11-01'), ['2026-Q1 missing', '2026-Q2 collected', '2026-Q3 missing', '2026-Q4 collected']);
  });

  it('keeps a window open on its last day and calls it missing the day after', () => {
    assert.deepStrictEqual(statusOf([], '2026-09-30').slice(2, 3), ['2026-Q3 upcoming']);
    assert.deepStrictEqual(statusOf([], '2026-10-01').slice(2, 3), ['2026-Q3 missing']);
    assert.deepStrictEqual(statusOf([{ collected: '2026-09-30' }], '2026-09-30').slice(2, 3), ['2026-Q3 collected']);
  });

  it('never counts a date in the future, nor one that is not a date', () => {
    assert.deepStrictEqual(statusOf([{ collected: '2026-11-15' }, { collected: '2026-08-32' }, { collected: 'Q3' }, {}], '2026-11-01').slice(2), ['2026-Q3 missing', '2026-Q4 upcoming']);
    const slack = windowStatuses(quarters, [{ collected: '2026-11-02' }], '2026-11-01', { futureSlackDays: 1 });
    assert.strictEqual(slack[3].status, 'collected');
  });

  it('lists the entries that count for each window', () => {
    const evidence = [{ collected: '2026-02-10', name: 'a' }, { collected: '2026-03-31', name: 'b' }, { collected: '2026-04-01', name: 'c' }];
    assert.deepStrictEqual(windowStatuses(quarters, evidence, '2026-11-01').map((s) => s.evidence.map((e) => e.name)), [['a', 'b'], ['c'], [], []]);
  });

  it('takes one item, or a note that no event occurred, for an on-event control', () => {
    const period = windowsOf('on-event', YEAR_2026);
    assert.deepStrictEqual(statusOf([], '2026-11-01', period), ['2026-01-01/2026-12-31 upcoming']);
    assert.deepStrictEqual(statusOf([], '2027-01-01', period), ['2026-01-01/2026-12-31 missing']);
    assert.deepStrictEqual(statusOf([{ collected: '2026-04-09' }], '2027-01-01', period), ['2026-01-01/2026-12-31 collected']);
    // A note that nothing happened is written once the period is over.
    assert.deepStrictEqual(statusOf([{ collected: '2027-01-05', noEvent: true }], '2027-01-10', period), ['2026-01-01/2026-12-31 collected']);
    assert.deepStrictEqual(statusOf([{ collected: '2027-01-05' }], '2027-01-10', period), ['2026-01-01/2026-12-31 missing']);
    assert.deepStrictEqual(statusOf([{ collected: '2025-12-31', noEvent: true }], '2027-01-10', period), ['2026-01-01/2026-12-31 missing']);
    assert.deepStrictEqual(statusOf([{ collected: '2027-01-05', noEvent: true }], '2027-01-04', period), ['2026-01-01/2026-12-31 missing']);
  });

  it('takes no "no event" note for a control that runs on a schedule', () => {
    assert.deepStrictEqual(statusOf([{ collected: '2026-08-01', noEvent: true }], '2026-11-01').slice(2, 3), ['2026-Q3 missing']);
    assert.deepStrictEqual(statusOf([{ collected: '2026-08-01', noEvent: true }], '2027-01-10', windowsOf(undefined, YEAR_2026)), ['2026-01-01/2026-12-31 missing']);
  });

  it('judges a Type I control by the evidence current on the date', () => {
    const asOf = [asOfWindow('quarterly', '2026-06-30')];
    assert.deepStrictEqual(statusOf([{ collected: '2026-03-22' }], '2026-07-15', asOf), ['2026-06-30 collected']);
    assert.deepStrictEqual(statusOf([{ collected: '2026-03-21' }, { collected: '2026-07-01' }], '2026-07-15', asOf), ['2026-06-30 missing']);
    assert.deepStrictEqual(statusOf([], '2026-06-30', asOf), ['2026-06-30 upcoming']);
  });
});

describe('due dates', () => {
  it('gives each window its grace after its end', () => {
    const due = (windows: readonly AuditWindow[]) => windows.map(dueDate);
    assert.deepStrictEqual(due(windowsOf('quarterly', YEAR_2026)), ['2026-04-15', '2026-07-15', '2026-10-15', '2027-01-15']);
    assert.deepStrictEqual(due(windowsOf('monthly', { start: '2026-02-15', end: '2026-03-31' })), ['2026-03-15', '2026-04-15']);
    assert.deepStrictEqual(due(windowsOf('weekly', { start: '2026-12-28', end: '2026-12-31' })), ['2027-01-07']);
    assert.deepStrictEqual(due(windowsOf('annual', YEAR_2026)), ['2027-01-30']);
    assert.deepStrictEqual(due(windowsOf('on-event', YEAR_2026)), ['2027-01-15']);
    assert.deepStrictEqual(due([asOfWindow('monthly', '2026-06-30')]), ['2026-06-30']);
  });
});

describe('window wording', () => {
  const today = '2026-11-01';

  it('names the gaps for the evidence-gap message', () => {
    const quarters = windowsOf('quarterly', YEAR_2026);
    assert.strictEqual(describeGaps([]), '');
    assert.strictEqual(describeGaps([quarters[2]]), 'no evidence for 2026-Q3');
    assert.strictEqual(describeGaps([quarters[0], quarters[2]]), 'no evidence for 2026-Q1 and 2026-Q3');
    const weeks = windowsOf('weekly', YEAR_2026);
    assert.strictEqual(describeGaps(weeks.slice(0, 9)), 'no evidence for 2026-W01, 2026-W02, 2026-W03, 2026-W04, 2026-W05 and 4 more weeks');
    assert.strictEqual(describeGaps(windowsOf('on-event', YEAR_2026)), 'no evidence for the period 2026-01-01 to 2026-12-31: an item, or a note that no event occurred');
    assert.strictEqual(describeGaps([asOfWindow('monthly', '2026-06-30')]), 'no evidence current on 2026-06-30');
  });

  it('joins a run of upcoming windows and names months', () => {
    const months = windowsOf('monthly', YEAR_2026);
    assert.strictEqual(windowLine(windowStatuses(months, [{ collected: '2026-01-31' }], '2026-03-01')), 'Jan ✓ Feb ✗ Mar–Dec upcoming');
  });

  it('keeps the year in labels when the period spans two', () => {
    const quarters = windowsOf('quarterly', { start: '2026-07-01', end: '2027-06-30' });
    assert.strictEqual(windowLine(windowStatuses(quarters, [{ collected: '2026-08-01' }], today)), '2026-Q3 ✓ 2026-Q4–2027-Q2 upcoming');
  });

  it('counts weeks rather than listing them', () => {
    const weeks = windowsOf('weekly', YEAR_2026);
    const evidence = weeks.filter((w) => !['2026-W07', '2026-W12'].includes(w.label) && w.end < today).map((w) => ({ collected: w.end }));
    assert.strictEqual(windowLine(windowStatuses(weeks, evidence, today)), '41 weeks ✓ · 2 ✗ (W07, W12) · 10 upcoming');
  });

  it('shows the single window of an on-event control and of a Type I audit', () => {
    assert.strictEqual(windowLine(windowStatuses(windowsOf('on-event', YEAR_2026), [], today)), 'period upcoming');
    assert.strictEqual(windowLine(windowStatuses([asOfWindow('monthly', '2026-06-30')], [{ collected: '2026-06-01' }], today)), 'as of 2026-06-30 ✓');
  });

  it('offers an entry dated inside the window as the quick fix', () => {
    assert.deepStrictEqual(evidencePlaceholder(windowsOf('quarterly', YEAR_2026)[2]), { name: 'Evidence for 2026-Q3', collected: '2026-09-30' });
    assert.deepStrictEqual(evidencePlaceholder(windowsOf('on-event', YEAR_2026)[0]), { name: 'Evidence for 2026-01-01 to 2026-12-31', collected: '2026-12-31' });
  });
});
