import * as assert from 'assert';
import { diagnose, expectOne, policy, rangeOf, withCode } from '../../helpers';

describe('document rules', () => {
  describe('unknown-criterion', () => {
    it('suggests the nearest real ids for CC9.9', async () => {
      const text = policy({ criteria: '[CC6.1, CC9.9]' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'unknown-criterion', rangeOf(text, 'CC9.9'));
      assert.strictEqual(d.severity, 'error');
      assert.match(d.message, /did you mean `CC9\.1` or `CC9\.2`/);
      assert.deepStrictEqual([d.data?.replacement, ...(d.data?.alternatives ?? [])], ['CC9.1', 'CC9.2']);
    });

    it('handles block lists and lower case', async () => {
      const text = policy({ criteria: '\n  - CC6.1\n  - cc6.2' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'unknown-criterion', rangeOf(text, 'cc6.2'));
      assert.strictEqual(d.data?.replacement, 'CC6.2');
    });
  });

  describe('out-of-scope-criterion', () => {
    it('is information on a criterion of a category not in scope', async () => {
      const text = policy({ criteria: '[CC6.1, P4.3]' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'out-of-scope-criterion', rangeOf(text, 'P4.3'));
      assert.strictEqual(d.severity, 'information');
      assert.match(d.message, /Privacy/);
    });

    it('is silent when attest.yaml puts the category in scope', async () => {
      const text = policy({ criteria: '[CC6.1, P4.3]' });
      const d = await diagnose({ 'attest.yaml': 'categories: [privacy]\n', 'policies/a.md': text }, 'policies/a.md');
      assert.deepStrictEqual(withCode(d, 'out-of-scope-criterion'), []);
    });
  });
});
