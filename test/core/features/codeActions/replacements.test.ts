import * as assert from 'assert';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import { codeActionsFor, type FixTarget } from '../../../../server/src/features/codeActions';
import { control, policy, POLICY_BODY, workspace } from '../../../helpers';
import { applyFix, fixesFor, titled } from './fixtures';

describe('quick fixes', () => {
  describe('replace by suggestion', () => {
    it('offers CC9.1 and CC9.2 for CC9.9, one action each', async () => {
      const files = { 'policies/access.md': policy({ criteria: '[CC6.1, CC9.9]' }) };
      const { actions } = await fixesFor(files, 'policies/access.md', 'unknown-criterion');
      const replacements = actions.filter((a) => a.title.startsWith('Change'));
      assert.deepStrictEqual(replacements.map((a) => a.title), ['Change `CC9.9` to `CC9.1`', 'Change `CC9.9` to `CC9.2`']);
      assert.ok(replacements.every((a) => !a.isPreferred), 'two equal suggestions: none is preferred');
      for (const id of ['CC9.1', 'CC9.2']) {
        const after = await applyFix(files, 'policies/access.md', 'unknown-criterion', `Change \`CC9.9\` to \`${id}\``);
        assert.strictEqual(after['policies/access.md'], policy({ criteria: `[CC6.1, ${id}]` }));
      }
    });

    it('offers nothing for a diagnostic from before an edit, or whose range lies outside the document', async () => {
      const files = { 'policies/access.md': policy({ criteria: '[CC6.2, CC9.9]' }) };
      const { targeted } = await fixesFor(files, 'policies/access.md', 'unknown-criterion');
      const [stale] = targeted;
      // The author typed `CC1.1, ` earlier on the line: the old range now holds `CC6.2`, a valid criterion.
      const edited = { 'policies/access.md': policy({ criteria: '[CC1.1, CC6.2, CC9.9]' }) };
      const { index } = await workspace(edited);
      const doc = index.get('policies/access.md');
      assert.ok(doc);
      assert.strictEqual(doc.text.getText(stale.range), 'CC6.2');
      const target: FixTarget = { text: doc.text, doc, index };
      const changes = (diagnostic: LspDiagnostic) => codeActionsFor(target, [diagnostic]).filter((a) => a.title.startsWith('Change'));
      assert.deepStrictEqual(changes(stale), []);
      const outside = { ...stale, range: { start: { line: 40, character: 2 }, end: { line: 40, character: 7 } } };
      assert.deepStrictEqual(changes(outside), []);
      const pastLineEnd = { ...stale, range: { start: { line: stale.range.start.line, character: 60 }, end: { line: stale.range.start.line, character: 65 } } };
      assert.deepStrictEqual(changes(pastLineEnd), []);
      // The same diagnostic, made afresh, is fixed where it now is.
      const fresh = await fixesFor(edited, 'policies/access.md', 'unknown-criterion');
      assert.deepStrictEqual(fresh.actions.filter((a) => a.title.startsWith('Change')).map((a) => a.title), ['Change `CC9.9` to `CC9.1`', 'Change `CC9.9` to `CC9.2`']);
    });

    it('renames a misspelt field', async () => {
      const files = { 'policies/access.md': policy({ owner: '', ownr: 'Head of Security' }) };
      const { actions } = await fixesFor(files, 'policies/access.md', 'unknown-field');
      assert.strictEqual(titled(actions, 'Rename `ownr` to `owner`').isPreferred, true);
      const after = await applyFix(files, 'policies/access.md', 'unknown-field', 'Rename `ownr` to `owner`');
      assert.strictEqual(after['policies/access.md'], policy({ owner: '', ownr: '' }).replace('criteria: [CC6.1, CC6.2]', 'criteria: [CC6.1, CC6.2]\nowner: Head of Security'));
    });

    it('offers no rename into a key the map already has, which would make a duplicate key', async () => {
      const field = await fixesFor({ 'policies/access.md': policy({ ownr: 'CISO' }) }, 'policies/access.md', 'unknown-field');
      assert.deepStrictEqual(field.actions.map((a) => a.title), ['Suppress unknown-field in this file']);
      const review = await fixesFor({ 'policies/access.md': policy({ review: '{ cycle: annual, last: 2026-06-01, cylce: monthly }' }) }, 'policies/access.md', 'invalid-value');
      assert.deepStrictEqual(review.actions.map((a) => a.title), ['Suppress invalid-value in this file']);
      const config = await fixesFor({ 'attest.yaml': 'categories: [security]\ncategries: [privacy]\n', 'policies/access.md': policy() }, 'attest.yaml', 'unknown-field');
      assert.deepStrictEqual(config.actions, []);
    });

    it('fixes an enum value and an ML topic id', async () => {
      const files = { 'policies/access.md': policy({ status: 'aproved' }) };
      const after = await applyFix(files, 'policies/access.md', 'invalid-value', 'Change `aproved` to `approved`');
      assert.strictEqual(after['policies/access.md'], policy());

      const body = `${POLICY_BODY}\n## Drift Monitoring\n\nWe watch for drift.\n`;
      const ml = { 'policies/access.md': policy({ ml: '[drift-monitorin]' }, body) };
      const fixed = await applyFix(ml, 'policies/access.md', 'invalid-value', 'Change `drift-monitorin` to `drift-monitoring`');
      assert.strictEqual(fixed['policies/access.md'], policy({ ml: '[drift-monitoring]' }, body));
    });

    it('renames a misspelt key of `review`', async () => {
      const files = { 'policies/access.md': policy({ review: '{ cylce: annual, last: 2026-06-01 }' }) };
      const after = await applyFix(files, 'policies/access.md', 'invalid-value', 'Change `cylce` to `cycle`');
      assert.strictEqual(after['policies/access.md'], policy());
    });

    it('fixes a misspelt rule code in attest.yaml', async () => {
      const files = { 'attest.yaml': 'rules:\n  stale-reveiw: off\n', 'policies/access.md': policy() };
      const after = await applyFix(files, 'attest.yaml', 'invalid-value', 'Change `stale-reveiw` to `stale-review`');
      assert.strictEqual(after['attest.yaml'], 'rules:\n  stale-review: off\n');
    });
  });

  describe('empty or unknown enum value', () => {
    it('fills an empty `type` with the valid types, the folder\'s preferred', async () => {
      const text = policy().replace('type: policy', 'type:');
      const files = { 'policies/access.md': text };
      const { actions } = await fixesFor(files, 'policies/access.md', 'invalid-value');
      assert.deepStrictEqual(
        actions.map((a) => [a.title, a.isPreferred === true]),
        [...['policy', 'control', 'procedure', 'narrative', 'addendum'].map((t) => [`Set \`type: ${t}\``, t === 'policy']), ['Suppress invalid-value in this file', false]],
      );
      const after = await applyFix(files, 'policies/access.md', 'invalid-value', 'Set `type: policy`');
      assert.strictEqual(after['policies/access.md'], policy());
    });

    it('fills an empty `status`, `draft` preferred, and replaces a value nothing valid is near', async () => {
      const empty = { 'policies/access.md': policy().replace('status: approved', 'status:') };
      const { actions } = await fixesFor(empty, 'policies/access.md', 'invalid-value');
      assert.strictEqual(titled(actions, 'Set `status: draft`').isPreferred, true);
      const after = await applyFix(empty, 'policies/access.md', 'invalid-value', 'Set `status: approved`');
      assert.strictEqual(after['policies/access.md'], policy());

      const unknown = { 'controls/ac-01.md': control({ frequency: 'fortnightly' }), 'policies/access.md': policy() };
      const fixed = await applyFix(unknown, 'controls/ac-01.md', 'invalid-value', 'Set `frequency: weekly`');
      assert.strictEqual(fixed['controls/ac-01.md'], control({ frequency: 'weekly' }));
    });
  });
});
