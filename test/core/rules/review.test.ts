import * as assert from 'assert';
import { diagnose, expectOne, policy, rangeOf, withCode } from '../../helpers';

describe('document rules', () => {
  describe('stale-review', () => {
    it('warns on review.last older than its cycle, on the date', async () => {
      const text = policy({ review: '{ cycle: quarterly, last: 2026-01-15 }' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'stale-review', rangeOf(text, '2026-01-15'));
      assert.strictEqual(d.message, 'Last reviewed 2026-01-15, 312 days ago: a quarterly review was due by 2026-04-15. Review the document and update `review.last`.');
    });

    it('is due a calendar cycle later: reviewed 2024-06-01, an annual review is not stale on 2025-06-01 and stale on 2025-06-02', async () => {
      const text = policy({ review: '{ cycle: annual, last: 2024-06-01 }' });
      const on = (today: string) => diagnose({ 'policies/a.md': text }, 'policies/a.md', { today: () => today });
      assert.deepStrictEqual(withCode(await on('2025-06-01'), 'stale-review'), []);
      const d = expectOne(await on('2025-06-02'), 'stale-review', rangeOf(text, '2024-06-01'));
      assert.strictEqual(d.message, 'Last reviewed 2024-06-01, 366 days ago: an annual review was due by 2025-06-01. Review the document and update `review.last`.');
    });

    it('ends a monthly cycle on the last day of a shorter month', async () => {
      const text = policy({ review: '{ cycle: monthly, last: 2026-01-31 }' });
      const on = (today: string) => diagnose({ 'policies/a.md': text }, 'policies/a.md', { today: () => today });
      assert.deepStrictEqual(withCode(await on('2026-02-28'), 'stale-review'), []);
      const d = expectOne(await on('2026-03-01'), 'stale-review', rangeOf(text, '2026-01-31'));
      assert.match(d.message, /a monthly review was due by 2026-02-28\./);
    });

    it('accepts a review within its cycle', async () => {
      const text = policy({ review: '\n  cycle: annual\n  last: 2026-01-15' });
      assert.deepStrictEqual(withCode(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'stale-review'), []);
    });
  });
});
