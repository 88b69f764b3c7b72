import * as assert from 'assert';
import { diagnose, expectOne, policy, rangeOf, withCode, workspace } from '../../helpers';
import { applyFixTitled, fixesOf } from './fix';

/** Known fields under other names, values in another case, and extension fields (SPEC §10). */
describe('fields as other templates write them', () => {
  const file = 'policies/a.md';

  it('reads `status: Approved` as approved, with a warning and a fix, not an error', async () => {
    const text = policy({ status: 'Approved', review: '{ cycle: Annual, last: 2026-06-01 }' });
    const d = await diagnose({ [file]: text }, file);
    assert.deepStrictEqual(withCode(d, 'invalid-value'), []);
    const spelt = withCode(d, 'value-spelling');
    assert.deepStrictEqual(spelt.map((x) => [x.range, x.severity]), [[rangeOf(text, 'Approved'), 'warning'], [rangeOf(text, 'Annual'), 'warning']]);
    assert.strictEqual(spelt[0].message, "`Approved` is read as `approved`: write the status in lower case, as Attest's values are.");
    const { index } = await workspace({ [file]: text });
    assert.strictEqual(index.get(file)?.status?.value, 'approved');
    const after = await applyFixTitled({ [file]: text }, file, 'value-spelling', "Change 'Approved' to 'approved'");
    assert.strictEqual(after[file], text.replace('Approved', 'approved'));
  });

  it('suggests the field Attest knows for another name, with a rename', async () => {
    const text = policy({ effective_date: '2026-01-01', policy_owner: 'CISO', owner: '' });
    const d = withCode(await diagnose({ [file]: text }, file), 'unknown-field');
    assert.deepStrictEqual(
      d.map((x) => [x.message, x.range]),
      [
        ['`effective_date` is what Attest calls `effective`: rename it.', rangeOf(text, 'effective_date')],
        ['`policy_owner` is what Attest calls `owner`: rename it.', rangeOf(text, 'policy_owner')],
      ],
    );
    const after = await applyFixTitled({ [file]: text }, file, 'unknown-field', "Rename 'effective_date' to 'effective'");
    assert.strictEqual(after[file], text.replace('effective_date:', 'effective:'));
  });

  it('moves review dates and frequencies of other templates into `review`', async () => {
    const text = policy({ review: '', last_reviewed: '2026-03-01', review_frequency: 'Annually', next_review: '2027-03-01' });
    const d = withCode(await diagnose({ [file]: text }, file), 'unknown-field');
    assert.deepStrictEqual(d.map((x) => x.range), [rangeOf(text, 'last_reviewed'), rangeOf(text, 'review_frequency'), rangeOf(text, 'next_review')]);
    assert.strictEqual(d[0].message, '`last_reviewed` is `review.last` in Attest: move it into `review: { cycle: …, last: YYYY-MM-DD }`, so that stale reviews are caught.');
    assert.strictEqual(d[2].message, 'Attest works `next_review` out from `review`: write `review: { cycle: annual, last: YYYY-MM-DD }` (the date of the last review) instead.');
    const after = await applyFixTitled({ [file]: text }, file, 'unknown-field', "Move 'last_reviewed' and 'review_frequency' into 'review: { cycle: annual, last: 2026-03-01 }'");
    assert.strictEqual(after[file], text.replace('last_reviewed: 2026-03-01\nreview_frequency: Annually\n', 'review: { cycle: annual, last: 2026-03-01 }\n'));
  });

  it('offers no move when the document has a `review` already', async () => {
    const text = policy({ last_reviewed: '2026-03-01' });
    const titles = (await fixesOf({ [file]: text }, file, 'unknown-field')).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Move')), titles.join(', '));
  });

  it('never flags `x-` extension fields', async () => {
    const text = policy({ 'x-trestle-global': '{ profile: fedramp }', 'x-owner-team': 'security' });
    assert.deepStrictEqual(withCode(await diagnose({ [file]: text }, file), 'unknown-field'), []);
  });

  it('names approval fields of other templates as `approval`, without renaming a person into it', async () => {
    const text = policy({ approver: 'Tsavo Knott (CEO)' });
    const d = expectOne(await diagnose({ [file]: text }, file), 'unknown-field', rangeOf(text, 'approver'));
    assert.strictEqual(d.message, '`approver` is `approval.by` in Attest: write `approval: { by: <role>, on: YYYY-MM-DD }` (a role, not a person), so that approvals are checked.');
    assert.strictEqual(d.data?.replacement, undefined);
  });
});
