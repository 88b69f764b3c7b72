import * as assert from 'assert';
import { codes, diagnose, expectOne, policy, rangeOf, withCode } from '../../helpers';

const FILE = 'policies/p.md';
const AUDIT = 'rules: { uncovered-criterion: off }\naudit: { type: 1, date: 2026-06-30 }\n';
const check = async (fields: Record<string, string>) => diagnose({ 'attest.yaml': AUDIT, [FILE]: policy(fields) }, FILE);

describe('approval', () => {
  it('tells an approved document without an approval record, on its status', async () => {
    const text = policy();
    const d = expectOne(await diagnose({ 'attest.yaml': AUDIT, [FILE]: text }, FILE), 'missing-approval', rangeOf(text, 'approved'));
    assert.strictEqual(d.severity, 'information');
  });

  it('asks for no record where no audit is being prepared', async () => {
    assert.deepStrictEqual(withCode(await diagnose({ [FILE]: policy() }, FILE), 'missing-approval'), []);
  });

  it('is content with an approval after the last change', async () => {
    const d = await check({ approval: '{ by: CEO, on: 2026-02-01 }', effective: '2026-01-15' });
    assert.deepStrictEqual(withCode(d, 'missing-approval'), []);
    assert.deepStrictEqual(withCode(d, 'stale-approval'), []);
    assert.deepStrictEqual(withCode(d, 'invalid-value'), []);
  });

  it('tells an approval older than the effective date, on its date', async () => {
    const text = policy({ approval: '{ by: CEO, on: 2026-01-10 }', effective: '2026-03-01' });
    const d = expectOne(await diagnose({ [FILE]: text }, FILE), 'stale-approval', rangeOf(text, '2026-01-10'));
    assert.strictEqual(d.severity, 'information');
    assert.match(d.message, /before the document's last change \(2026-03-01\)/);
  });

  it('asks nothing of a draft', async () => {
    assert.deepStrictEqual(withCode(await check({ status: 'draft' }), 'missing-approval'), []);
  });

  it('checks the shape of approval', async () => {
    const text = policy({ approval: '{ by: "", on: 2026-13-01, when: today }' });
    const d = await diagnose({ [FILE]: text }, FILE);
    assert.deepStrictEqual(withCode(d, 'invalid-value').map((x) => x.range), [rangeOf(text, '""'), rangeOf(text, '2026-13-01'), rangeOf(text, 'when')], codes(d).join());
    assert.deepStrictEqual(withCode(await check({ approval: 'CEO' }), 'invalid-value').map((x) => x.message), ['`approval` is `{ by: <role>, on: YYYY-MM-DD }`: who approved this version, and when.']);
  });
});
