import * as assert from 'assert';
import { codes, diagnose, expectOne, policy, POLICY_BODY, rangeOf } from '../../helpers';
import { POLICY_WITHOUT } from './policyBody';

describe('document rules', () => {
  describe('suppressions and severities', () => {
    it('suppresses a code with a reason, and reports a suppression without one', async () => {
      const body = POLICY_WITHOUT('Exceptions') + '\n<!-- attest-ignore missing-section: exceptions are handled by the ISMS -->\n';
      assert.deepStrictEqual(await diagnose({ 'policies/a.md': policy({}, body) }, 'policies/a.md'), []);
      const bare = POLICY_WITHOUT('Exceptions') + '\n<!-- attest-ignore missing-section -->\n';
      const text = policy({}, bare);
      const d = await diagnose({ 'policies/a.md': text }, 'policies/a.md');
      assert.deepStrictEqual(codes(d).sort(), ['invalid-suppression', 'missing-section']);
      expectOne(d, 'invalid-suppression', rangeOf(text, '<!-- attest-ignore missing-section -->'));
    });

    it('reports a code that is no rule\'s on the code, with the nearest one, and applies the others', async () => {
      const body = POLICY_WITHOUT('Exceptions') + '\n<!-- attest-ignore missing-sectoin, stale-review: handled by the ISMS -->\n';
      const text = policy({ review: '{ cycle: annual, last: 2025-01-01 }' }, body);
      const d = await diagnose({ 'policies/a.md': text }, 'policies/a.md');
      assert.deepStrictEqual(codes(d), ['missing-section', 'invalid-suppression']);
      const bad = expectOne(d, 'invalid-suppression', rangeOf(text, 'missing-sectoin'));
      assert.strictEqual(bad.message, '`missing-sectoin` is not a rule code, so this attest-ignore comment suppresses nothing for it: did you mean `missing-section`?');
      assert.strictEqual(bad.data?.replacement, 'missing-section');
      const far = policy({}, POLICY_BODY + '\n<!-- attest-ignore everything: too noisy -->\n');
      const none = expectOne(await diagnose({ 'policies/a.md': far }, 'policies/a.md'), 'invalid-suppression', rangeOf(far, 'everything'));
      assert.strictEqual(none.message, '`everything` is not a rule code, so this attest-ignore comment suppresses nothing for it: use the code shown with the diagnostic, e.g. `missing-section`.');
      assert.strictEqual(none.data, undefined);
    });

    it('does not apply a suppression shown in a code block or code span, which documents the syntax', async () => {
      const comment = '<!-- attest-ignore missing-section: exceptions are handled by the ISMS -->';
      for (const shown of ['```markdown\n' + comment + '\n```\n', '~~~\n' + comment + '\n~~~\n', '    ' + comment + '\n', 'Write `' + comment + '` to suppress a rule.\n']) {
        const text = policy({}, POLICY_WITHOUT('Exceptions') + '\n' + shown);
        const d = await diagnose({ 'policies/a.md': text }, 'policies/a.md');
        assert.deepStrictEqual(codes(d), ['missing-section'], shown);
      }
      // In HTML it applies, also inside a block quote, a list item or a paragraph.
      for (const html of ['> ' + comment + '\n', '- item ' + comment + '\n', 'Text ' + comment + ' more.\n']) {
        assert.deepStrictEqual(await diagnose({ 'policies/a.md': policy({}, POLICY_WITHOUT('Exceptions') + '\n' + html) }, 'policies/a.md'), [], html);
      }
    });

    it('applies severities from attest.yaml, and `off`', async () => {
      const text = policy({ ownr: 'CISO', criteria: '[CC9.9]' });
      const files = { 'attest.yaml': 'rules:\n  unknown-field: error\n  unknown-criterion: off\n', 'policies/a.md': text };
      const d = await diagnose(files, 'policies/a.md');
      assert.deepStrictEqual(d.map((x) => [x.code, x.severity]), [['unknown-field', 'error']]);
    });
  });
});
