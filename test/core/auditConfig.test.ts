import * as assert from 'assert';
import { diagnose, expectOne, rangeOf, withCode, workspace } from '../helpers';

const OFF = 'rules: { uncovered-criterion: off }\n';

describe('attest.yaml audit', () => {
  it('reads a Type II period and a Type I date', async () => {
    const two = await workspace({ 'attest.yaml': `${OFF}audit: { type: 2, period: { start: 2026-01-01, end: 2026-12-31 } }\n` });
    assert.deepStrictEqual(two.index.config.audit, { type: 2, period: { start: '2026-01-01', end: '2026-12-31' } });
    assert.deepStrictEqual(two.index.diagnoseConfig(), []);
    const one = await workspace({ 'attest.yaml': `${OFF}audit:\n  type: 1\n  date: 2026-06-30\n` });
    assert.deepStrictEqual(one.index.config.audit, { type: 1, date: '2026-06-30' });
  });

  it('reports a bad date on the value, and drops the spec', async () => {
    const config = `${OFF}audit: { type: 2, period: { start: 2026-01-01, end: 2026-13-31 } }\n`;
    const { index } = await workspace({ 'attest.yaml': config });
    assert.strictEqual(index.config.audit, undefined);
    const d = expectOne(index.diagnoseConfig(), 'invalid-value', rangeOf(config, '2026-13-31'));
    assert.strictEqual(d.severity, 'error');
  });

  it('reports a missing period on the `audit` key and an unknown key on itself', async () => {
    const config = `${OFF}audit:\n  type: 2\n  dates: 2026\n`;
    const d = await diagnose({ 'attest.yaml': config }, 'attest.yaml');
    expectOne(d, 'missing-field', rangeOf(config, 'audit'));
    expectOne(d, 'unknown-field', rangeOf(config, 'dates'));
  });

  it('says a long but usable period as a warning under invalid-value, and keeps it', async () => {
    const config = `${OFF}audit: { type: 2, period: { start: 2026-01-01, end: 2027-01-31 } }\n`;
    const { index } = await workspace({ 'attest.yaml': config });
    assert.deepStrictEqual(index.config.audit, { type: 2, period: { start: '2026-01-01', end: '2027-01-31' } });
    const d = expectOne(index.diagnoseConfig(), 'invalid-value', rangeOf(config, '2027-01-31'));
    assert.strictEqual(d.severity, 'warning');
  });

  it('is no unknown setting', async () => {
    const d = await diagnose({ 'attest.yaml': `${OFF}audit: { type: 1, date: 2026-06-30 }\n` }, 'attest.yaml');
    assert.deepStrictEqual(withCode(d, 'unknown-field'), []);
  });
});
