import * as assert from 'assert';
import { codeActionsFor } from '../../../../server/src/features/codeActions';
import { control, policy, POLICY_BODY, workspace } from '../../../helpers';
import { applyFix, fixesFor } from './fixtures';

describe('quick fixes', () => {
  describe('missing-field', () => {
    it('adds owner with a placeholder role before the closing delimiter', async () => {
      const files = { 'policies/access.md': policy({ owner: '' }) };
      const after = await applyFix(files, 'policies/access.md', 'missing-field', 'Add `owner: <OWNER ROLE>`');
      assert.strictEqual(after['policies/access.md'], policy({ owner: '' }).replace('[CC6.1, CC6.2]\n---', '[CC6.1, CC6.2]\nowner: <OWNER ROLE>\n---'));
    });

    it('takes the title from the heading and the id from the file name (the folder says the type)', async () => {
      const text = policy({ type: '', title: '', id: '' }).replace('# \n', '# Access Control Policy\n');
      const files = { 'policies/access-control.md': text };
      let after = await applyFix(files, 'policies/access-control.md', 'missing-field', 'Add `title: Access Control Policy`');
      assert.strictEqual(after['policies/access-control.md'], text.replace('[CC6.1, CC6.2]\n---', '[CC6.1, CC6.2]\ntitle: Access Control Policy\n---'));
      after = await applyFix(files, 'policies/access-control.md', 'missing-field', 'Add `id: POL-ACCESS-CONTROL`');
      assert.strictEqual(after['policies/access-control.md'], text.replace('[CC6.1, CC6.2]\n---', '[CC6.1, CC6.2]\nid: POL-ACCESS-CONTROL\n---'));
    });

    it('offers every type where no folder says which, replacing an unusable value', async () => {
      const text = '---\nid: NAR-SYSTEM\ntitle: System Description\nowner: CISO\n---\n\n## Purpose\n\nWhy.\n';
      const untyped = { 'attest.yaml': 'folders: [compliance]\n', 'compliance/system.md': text };
      const offered = (await fixesFor(untyped, 'compliance/system.md', 'missing-field')).actions.filter((a) => a.title.startsWith('Add'));
      assert.deepStrictEqual(offered.map((a) => a.title), ['policy', 'control', 'procedure', 'narrative', 'addendum'].map((t) => `Add \`type: ${t}\``));
      const after = await applyFix(untyped, 'compliance/system.md', 'missing-field', 'Add `type: narrative`');
      assert.strictEqual(after['compliance/system.md'], text.replace('owner: CISO\n', 'owner: CISO\ntype: narrative\n'));

      const wrong = { 'attest.yaml': 'folders: [compliance]\n', 'compliance/system.md': text.replace('id:', 'type: nothing\nid:') };
      const replaced = await applyFix(wrong, 'compliance/system.md', 'missing-field', 'Add `type: narrative`');
      assert.strictEqual(replaced['compliance/system.md'], text.replace('id:', 'type: narrative\nid:'));

      const empty = { 'attest.yaml': 'folders: [compliance]\n', 'compliance/system.md': text.replace('id:', 'type:\nid:') };
      const filled = await applyFix(empty, 'compliance/system.md', 'missing-field', 'Add `type: narrative`');
      assert.strictEqual(filled['compliance/system.md'], text.replace('id:', 'type: narrative\nid:'));
    });

    it('offers nothing once the field is written, as a diagnostic from before the edit asks', async () => {
      const files = { 'policies/access.md': policy({ owner: '' }) };
      const { targeted } = await fixesFor(files, 'policies/access.md', 'missing-field');
      const { index } = await workspace({ 'policies/access.md': policy() });
      const doc = index.get('policies/access.md');
      assert.ok(doc);
      assert.deepStrictEqual(codeActionsFor({ text: doc.text, doc, index }, targeted).map((a) => a.title), ['Suppress missing-field in this file']);
    });

    it("points a control's `policy` at the policy that claims its criteria", async () => {
      const files = {
        'policies/access.md': policy(),
        'policies/hr.md': policy({ id: 'POL-HR', title: 'HR', criteria: '[CC1.4]' }),
        'controls/ac-01.md': control({ policy: '', criteria: '[CC6.2]' }),
      };
      const after = await applyFix(files, 'controls/ac-01.md', 'missing-field', 'Add `policy: POL-ACCESS`');
      assert.strictEqual(after['controls/ac-01.md'], control({ policy: '', criteria: '[CC6.2]' }).replace('[CC6.2]\n---', '[CC6.2]\npolicy: POL-ACCESS\n---'));
    });

    it("adds an addendum's `extends`", async () => {
      const addendum = '---\nid: ADD-ML\ntype: addendum\ntitle: ML\nowner: Head of ML\n---\n\n## Purpose\n\nWhy.\n';
      const files = { 'policies/access.md': policy(), 'addenda/ml.md': addendum };
      const after = await applyFix(files, 'addenda/ml.md', 'missing-field', 'Add `extends: POL-ACCESS`');
      assert.strictEqual(after['addenda/ml.md'], addendum.replace('Head of ML\n', 'Head of ML\nextends: POL-ACCESS\n'));
    });
  });

  describe('unclosed frontmatter', () => {
    const unclosed = (text: string) => text.replace('\n---\n', '\n');

    it('adds the closing `---` after the last field, and offers no suppression above the frontmatter', async () => {
      const files = { 'policies/a.md': unclosed(policy()) };
      const { actions } = await fixesFor(files, 'policies/a.md', 'yaml-syntax');
      assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred]), [['Close the frontmatter: add `---` after line 8', true]]);
      const after = await applyFix(files, 'policies/a.md', 'yaml-syntax', /^Close the frontmatter/);
      assert.strictEqual(after['policies/a.md'], policy());
    });

    it('closes before a heading that follows the fields at once, past blank lines inside the YAML, keeping CRLF', async () => {
      const tight = { 'policies/a.md': unclosed(policy()).replace('CC6.2]\n\n#', 'CC6.2]\n#') };
      const closed = await applyFix(tight, 'policies/a.md', 'yaml-syntax', 'Close the frontmatter: add `---` after line 8');
      assert.strictEqual(closed['policies/a.md'], policy().replace('---\n\n#', '---\n#'));

      const spaced = policy({ criteria: '\n  - CC6.1\n\n  - CC6.2' });
      const crlf = { 'policies/a.md': unclosed(spaced).replace(/\n/g, '\r\n') };
      const after = await applyFix(crlf, 'policies/a.md', 'yaml-syntax', 'Close the frontmatter: add `---` after line 11');
      assert.strictEqual(after['policies/a.md'], spaced.replace(/\n/g, '\r\n'));
    });

    it('leaves prose that reads like a key (`Scope: …`) in the body', async () => {
      for (const prose of ['Scope: all production systems and staff.\n', '\nNote: this policy replaces v1.\n']) {
        const text = unclosed(policy()).replace('CC6.2]\n\n#', `CC6.2]\n${prose}\n#`);
        const after = await applyFix({ 'policies/a.md': text }, 'policies/a.md', 'yaml-syntax', 'Close the frontmatter: add `---` after line 8');
        assert.strictEqual(after['policies/a.md'], text.replace('CC6.2]\n', 'CC6.2]\n---\n'), JSON.stringify(prose));
      }
    });

    it('offers nothing where the end of the YAML is not plain', async () => {
      for (const text of ['---\nSome notes first.\n\n# Title\n', '---\nid: POL-A\n  - stray: [\n\n# Title\n', '---\n\n# Title\n']) {
        const { actions } = await fixesFor({ 'policies/a.md': text }, 'policies/a.md', 'yaml-syntax');
        assert.deepStrictEqual(actions, [], JSON.stringify(text));
      }
    });
  });

  describe('comply documents', () => {
    it('converts the frontmatter to Attest format, keeping the body and comply-only keys', async () => {
      const yaml = 'name: Access Policy\nacronym: AP\nsatisfies:\n  TSC:\n    - CC6.1\n    - CC6.2\nmajorRevisions:\n  - date: Jun 1 2026\n    comment: Initial document\n---\n';
      const body = `\n# Access Policy\n\n${POLICY_BODY}`;
      const files = { 'policies/access.md': yaml + body };
      const after = await applyFix(files, 'policies/access.md', 'missing-field', 'Convert to Attest format');
      assert.strictEqual(
        after['policies/access.md'],
        // comply's published documents count: converted, they stay approved, last reviewed at their newest revision.
        '---\nid: AP\ntype: policy\ntitle: Access Policy\nowner: <OWNER ROLE>\nstatus: approved\nreview: { cycle: annual, last: 2026-06-01 }\ncriteria: [CC6.1, CC6.2]\n# Kept from the comply frontmatter:\n# majorRevisions:\n#   - date: Jun 1 2026\n#     comment: Initial document\n---\n' + body,
      );
    });

    it('prefers one fix per diagnostic: its own over converting the document', async () => {
      const files = { 'policies/access.md': 'name: Access Policy\nacronym: AP\n---\n\n# Access Policy\n' };
      const { actions } = await fixesFor(files, 'policies/access.md', 'missing-field');
      const preferred = actions.filter((a) => a.isPreferred).map((a) => a.title);
      assert.ok(actions.some((a) => a.title === 'Convert to Attest format'), 'the conversion is still offered');
      assert.ok(!preferred.includes('Convert to Attest format'), JSON.stringify(preferred));
      assert.ok(preferred.length > 0, JSON.stringify(actions.map((a) => a.title)));
    });

    it('never prefers the conversion for an unknown criterion, which it leaves in place', async () => {
      const files = { 'policies/access.md': 'name: Access Policy\nacronym: AP\nsatisfies:\n  TSC:\n    - CC9.9\n---\n\n# Access Policy\n' };
      const { actions } = await fixesFor(files, 'policies/access.md', 'unknown-criterion');
      assert.deepStrictEqual(actions.filter((a) => a.isPreferred).map((a) => a.title), []);
      assert.deepStrictEqual(actions.filter((a) => /^Change `CC9\.9`/.test(a.title)).map((a) => a.title), ['Change `CC9.9` to `CC9.1`', 'Change `CC9.9` to `CC9.2`']);
    });
  });
});
