import * as assert from 'assert';
import { diagnose, expectOne, policy, POLICY_BODY, rangeOf, workspace } from '../../../helpers';
import { applyWorkspaceEdit } from '../cursor';
import { applyFix, diagnosticsOf, fixesFor } from './fixtures';

describe('quick fixes', () => {
  describe('suppression', () => {
    it('suppresses a code in the file with a comment after the frontmatter', async () => {
      const body = POLICY_BODY.replace('## Scope\n\nText about scope.\n\n', '');
      const files = { 'policies/a.md': policy({}, body) };
      const { actions } = await fixesFor(files, 'policies/a.md', 'missing-section');
      const action = actions.find((a) => a.title === 'Suppress missing-section in this file');
      assert.ok(action?.edit);
      const { index } = await workspace(files);
      const inserted = applyWorkspaceEdit(files, action.edit, index);
      assert.strictEqual(inserted['policies/a.md'], policy({}, body).replace('---\n\n#', '---\n<!-- attest-ignore missing-section: <WHY THIS DOES NOT APPLY HERE> -->\n\n#'));
      // The inserted reason is template text: nothing is suppressed until the author writes one.
      const text = inserted['policies/a.md'];
      const left = await diagnose(inserted, 'policies/a.md');
      assert.deepStrictEqual(left.map((d) => d.code), ['missing-section', 'unfilled-placeholder']);
      expectOne(left, 'unfilled-placeholder', rangeOf(text, '<WHY THIS DOES NOT APPLY HERE>'));
      assert.match(left[1].message, /suppresses nothing/);
      const reasoned = { 'policies/a.md': text.replace('<WHY THIS DOES NOT APPLY HERE>', 'scope is set by the ISMS') };
      assert.deepStrictEqual(await diagnose(reasoned, 'policies/a.md'), []);
    });

    it('changes an unknown code in an attest-ignore comment to the nearest rule code', async () => {
      const body = POLICY_BODY.replace('## Scope\n\nText about scope.\n\n', '') + '\n<!-- attest-ignore missing-sectoin: scope is set by the ISMS -->\n';
      const files = { 'policies/a.md': policy({}, body) };
      const { actions } = await fixesFor(files, 'policies/a.md', 'invalid-suppression');
      assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred]), [['Change `missing-sectoin` to `missing-section`', true]]);
      const after = await applyFix(files, 'policies/a.md', 'invalid-suppression', 'Change `missing-sectoin` to `missing-section`');
      assert.strictEqual(after['policies/a.md'], policy({}, body.replace('missing-sectoin', 'missing-section')));
      assert.deepStrictEqual(await diagnosticsOf(after, 'policies/a.md'), [], 'the corrected comment suppresses the missing section');
    });

    it('offers no suppression on attest.yaml, where comments do not apply', async () => {
      const { actions } = await fixesFor({ 'attest.yaml': 'categories: [security]\n', ...{ 'policies/a.md': policy() } }, 'attest.yaml', 'uncovered-criterion');
      assert.ok(!actions.some((a) => a.title.startsWith('Suppress')));
    });
  });
});
