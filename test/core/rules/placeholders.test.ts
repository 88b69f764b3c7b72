import * as assert from 'assert';
import { placeholdersIn } from '../../../server/src/core/placeholders';
import { codes, control, diagnose, expectOne, policy, POLICY_BODY, rangeOf, withCode } from '../../helpers';
import { applyFix } from '../features/codeActions/fixtures';

describe('template text', () => {
  it('is found by one pattern, with its offsets, and not in HTML', () => {
    assert.deepStrictEqual(placeholdersIn('Run <N> times by <ON-CALL ROLE>.<br><BR>'), [
      { start: 4, end: 7, words: 'N' },
      { start: 17, end: 31, words: 'ON-CALL ROLE' },
    ]);
  });

  describe('unfilled-placeholder', () => {
    it('reports a placeholder in a field, in a section and not in code, each on its own range', async () => {
      const text = policy({ owner: '<OWNER ROLE>' }, POLICY_BODY.replace('Text about scope.', 'Applies to <COMPANY NAME> in `<ENV>`.'));
      const found = await diagnose({ 'policies/p.md': text }, 'policies/p.md');
      assert.deepStrictEqual(codes(found), ['unfilled-placeholder', 'unfilled-placeholder']);
      const owner = expectOne(found.slice(0, 1), 'unfilled-placeholder', rangeOf(text, '<OWNER ROLE>'));
      assert.match(owner.message, /^<OWNER ROLE> in "owner" is template text, not an answer: write the owner role/);
      const company = expectOne(found.slice(1), 'unfilled-placeholder', rangeOf(text, '<COMPANY NAME>'));
      assert.strictEqual(company.message, '<COMPANY NAME> in "Scope" is template text, not an answer: write the company name here.');
    });

    it('keeps a suppression whose reason is a placeholder from suppressing', async () => {
      const body = POLICY_BODY.replace('## Scope\n\nText about scope.\n\n', '') + '\n<!-- attest-ignore missing-section: <WHY> -->\n';
      const text = policy({}, body);
      const found = await diagnose({ 'policies/p.md': text }, 'policies/p.md');
      assert.deepStrictEqual(codes(found), ['missing-section', 'unfilled-placeholder']);
      const d = expectOne(found, 'unfilled-placeholder', rangeOf(text, '<WHY>'));
      assert.match(d.message, /suppresses nothing: write why missing-section does not apply here\.$/);
    });
  });

  describe('empty-section', () => {
    it('reports a required section with only its heading, or only template text, on its heading', async () => {
      const text = policy({}, POLICY_BODY.replace('Text about scope.', '').replace(/(## Policy\n\n)[^\n]*/, '$1- <REQUIREMENT 1>'));
      const found = withCode(await diagnose({ 'policies/p.md': text }, 'policies/p.md'), 'empty-section');
      assert.deepStrictEqual(found.map((d) => d.range), [rangeOf(text, '## Scope'), rangeOf(text, '## Policy\n')].map((r) => ({ ...r, end: { line: r.start.line, character: r.start.character + (r.end.line > r.start.line ? 9 : 8) } })));
      assert.strictEqual(found[0].message, 'The "Scope" section has nothing under its heading: write its content, since a heading alone tells an auditor nothing.');
      assert.match(found[1].message, /"Policy" section holds only template text/);
    });
  });

  describe('a control without criteria', () => {
    it('is told it claims nothing, also when the key is misspelt, and the fix writes a criterion placeholder', async () => {
      const text = control({ criteria: '' }).replace(/^criteria:.*\n/m, 'critera: [CC6.1]\n');
      const files = { 'policies/p.md': policy(), 'controls/c.md': text };
      const found = withCode(await diagnose(files, 'controls/c.md'), 'missing-field');
      assert.strictEqual(found.length, 1);
      assert.match(found[0].message, /^This control claims no criterion, so it covers nothing/);
      const after = await applyFix(files, 'controls/c.md', 'missing-field', 'Add `criteria: [<CRITERION ID>]`');
      assert.match(after['controls/c.md'], /^criteria: \[<CRITERION ID>\]$/m);
    });
  });
});
