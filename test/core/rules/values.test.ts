import * as assert from 'assert';
import { control, diagnose, expectOne, policy, rangeOf, withCode } from '../../helpers';

describe('document rules', () => {
  describe('invalid-value', () => {
    const cases: [string, Record<string, string>, string, RegExp][] = [
      ['an enum value, with the nearest suggested', { status: 'aproved' }, 'aproved', /did you mean `approved`/],
      ['the id pattern', { id: 'pol-access' }, 'pol-access', /e\.g\. `POL-ACCESS`/],
      ['an ISO date', { effective: '2026-13-01' }, '2026-13-01', /YYYY-MM-DD/],
      ['the review cycle', { review: '{ cycle: yearly, last: 2026-06-01 }' }, 'yearly', /annual/],
      ['the type', { type: 'polcy' }, 'polcy', /did you mean `policy`/],
    ];
    for (const [what, fields, needle, message] of cases) {
      it(`checks ${what}`, async () => {
        const text = policy(fields);
        const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'invalid-value', rangeOf(text, needle, text.indexOf(needle) === text.lastIndexOf(needle) ? 0 : 0));
        assert.match(d.message, message);
      });
    }

    it('asks for a value where a text field is empty', async () => {
      const text = policy({ title: '""' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'invalid-value', rangeOf(text, '""'));
      assert.strictEqual(d.message, '`title` must not be empty: write the title of the document.');
      const owner = policy({ owner: '[CISO, CTO]' });
      const list = expectOne(await diagnose({ 'policies/a.md': owner }, 'policies/a.md'), 'invalid-value', rangeOf(owner, '[CISO, CTO]'));
      assert.strictEqual(list.message, '`owner` must be a single line of text, naming a role (e.g. Head of Security).');
    });

    it('checks the frequency and evidence entries of a control', async () => {
      const text = control({ frequency: 'hourly', evidence: '\n  - name: Review ticket\n    collected: 2026-02-30\n  - path: evidence/x.pdf' });
      const d = withCode(await diagnose({ 'policies/p.md': policy(), 'controls/c.md': text, 'evidence/x.pdf': '' }, 'controls/c.md'), 'invalid-value');
      assert.deepStrictEqual(d.map((x) => x.range), [
        rangeOf(text, 'hourly'),
        rangeOf(text, 'name: Review ticket\n    collected: 2026-02-30'),
        rangeOf(text, '2026-02-30'),
        rangeOf(text, 'path: evidence/x.pdf'),
      ]);
      assert.match(d[1].message, /neither `path` nor `url`/);
      assert.match(d[3].message, /no `name`/);
    });

    it('suggests the nearest key of an evidence entry, unless the entry has it already', async () => {
      const text = control({ evidence: '\n  - { nme: Ticket, path: evidence/x.pdf }\n  - { name: Export, nme: Ticket, path: evidence/x.pdf }' });
      const d = withCode(await diagnose({ 'policies/p.md': policy(), 'controls/c.md': text, 'evidence/x.pdf': '' }, 'controls/c.md'), 'invalid-value');
      assert.deepStrictEqual(d.map((x) => [x.range, x.data?.replacement]), [
        [rangeOf(text, '{ nme: Ticket, path: evidence/x.pdf }'), undefined],
        [rangeOf(text, 'nme'), 'name'],
        [rangeOf(text, 'nme', 1), undefined],
      ]);
      assert.match(d[1].message, /did you mean `name`/);
      assert.doesNotMatch(d[2].message, /did you mean/);
    });

    it('suggests the nearest key of `review`, reporting a misspelt `cycle` once', async () => {
      const text = policy({ review: '{ cylce: annual, last: 2026-06-01 }' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'invalid-value', rangeOf(text, 'cylce'));
      assert.strictEqual(d.message, '`review` takes `cycle` and `last`, not `cylce` (did you mean `cycle`?).');
      assert.strictEqual(d.data?.replacement, 'cycle');
      const other = policy({ review: '{ cycle: annual, last: 2026-06-01, by: CISO }' });
      const o = expectOne(await diagnose({ 'policies/a.md': other }, 'policies/a.md'), 'invalid-value', rangeOf(other, 'by'));
      assert.strictEqual(o.message, '`review` takes `cycle` and `last`, not `by`.');
      const both = policy({ review: '{ cycle: annual, last: 2026-06-01, cylce: monthly }' });
      const b = expectOne(await diagnose({ 'policies/a.md': both }, 'policies/a.md'), 'invalid-value', rangeOf(both, 'cylce'));
      assert.strictEqual(b.message, '`review` takes `cycle` and `last`, not `cylce`.', 'no rename into a key that is already there');
      assert.strictEqual(b.data?.replacement, undefined);
    });

    it('flags evidence collected in the future, on the date, allowing one day for time zones', async () => {
      const entry = (collected: string) => `\n  - { name: Export, path: evidence/ok.csv, collected: ${collected} }`;
      const files = { 'policies/p.md': policy(), 'evidence/ok.csv': 'a,b' };
      const text = control({ status: 'implemented', evidence: entry('2030-01-01') });
      const d = expectOne(await diagnose({ ...files, 'controls/c.md': text }, 'controls/c.md'), 'invalid-value', rangeOf(text, '2030-01-01'));
      assert.strictEqual(d.message, '`collected` is 2030-01-01, which is in the future: use the date the evidence was collected (a future date does not count as current evidence).');
      // Today is 2026-11-23: tomorrow may be today somewhere else, the day after is not.
      assert.deepStrictEqual(await diagnose({ ...files, 'controls/c.md': control({ status: 'implemented', evidence: entry('2026-11-24') }) }, 'controls/c.md'), []);
      const after = control({ status: 'implemented', evidence: entry('2026-11-25') });
      expectOne(await diagnose({ ...files, 'controls/c.md': after }, 'controls/c.md'), 'invalid-value', rangeOf(after, '2026-11-25'));
    });

    it('flags a review.last in the future, on the date', async () => {
      const text = policy({ review: '{ cycle: annual, last: 2027-01-10 }' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'invalid-value', rangeOf(text, '2027-01-10'));
      assert.strictEqual(d.message, '`review.last` is 2027-01-10, which is in the future: use the date the document was last reviewed.');
      assert.deepStrictEqual(await diagnose({ 'policies/a.md': policy({ review: '{ cycle: annual, last: 2026-11-24 }' }) }, 'policies/a.md'), []);
    });

    it('flags an unknown ML topic with the nearest one', async () => {
      const text = policy({ ml: '[model-versoning]' }, undefined);
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'invalid-value', rangeOf(text, 'model-versoning'));
      assert.match(d.message, /did you mean `model-versioning`/);
    });
  });
});
