import * as assert from 'assert';
import { control, diagnose, expectOne, lineRange, policy, rangeOf } from '../../helpers';

describe('document rules', () => {
  it('reports nothing on a correct policy and its control', async () => {
    const files = { 'policies/access.md': policy(), 'controls/ac-01.md': control() };
    assert.deepStrictEqual(await diagnose(files, 'policies/access.md'), []);
    assert.deepStrictEqual(await diagnose(files, 'controls/ac-01.md'), []);
  });

  it('never treats a README.md or ordinary Markdown as a document', async () => {
    const files = {
      'policies/README.md': '# About these policies\n\nNo frontmatter here.\n',
      'docs/guide.md': '---\ntitle: A page\nlayout: post\n---\n# Guide\n',
      'notes.md': 'Note: this is not comply\n\n---\n\ntext',
    };
    for (const file of Object.keys(files)) assert.deepStrictEqual(await diagnose(files, file), [], file);
  });

  describe('yaml-syntax', () => {
    it('reports an unclosed `[` once, on the list, saying what to do', async () => {
      const text = '---\nid: POL-A\ntype: policy\ntitle: [Risk Assessment Policy\nowner: CISO\n---\n# T\n';
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'yaml-syntax', rangeOf(text, '[Risk Assessment Policy'));
      assert.strictEqual(d.severity, 'error');
      assert.strictEqual(d.message, 'This `[` list is never closed: add `]` after its last item, or put the whole value in quotes if the `[` is part of the text.');
    });

    it('reports one error per place, on the innermost unclosed collection', async () => {
      const text = '---\nid: POL-A\nreview: { cycle: annual, last: [2026-06-01\nowner: CISO\n---\n# T\n';
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'yaml-syntax', rangeOf(text, '[2026-06-01'));
      assert.match(d.message, /^This `\[` list is never closed/);
    });

    it('reports an unclosed frontmatter on its opening line', async () => {
      const text = '---\nid: POL-A\ntype: policy\n\n# Title\n';
      const d = await diagnose({ 'policies/a.md': text }, 'policies/a.md');
      expectOne(d, 'yaml-syntax', lineRange(text, 0));
      assert.match(d[0].message, /never closed/);
    });

    it('names a duplicate key, on the second one', async () => {
      const text = policy({ owner: 'CISO\nowner: CTO' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'yaml-syntax', rangeOf(text, 'owner', 1));
      assert.strictEqual(d.message, '`owner` appears twice in the frontmatter; keep one.');
      const nested = policy({ review: '\n  cycle: annual\n  cycle: quarterly\n  last: 2026-06-01' });
      const n = expectOne(await diagnose({ 'policies/a.md': nested }, 'policies/a.md'), 'yaml-syntax', rangeOf(nested, 'cycle', 1));
      assert.strictEqual(n.message, '`cycle` appears twice in `review`; keep one.');
    });

    const cases: [string, string, string | [string, number], string][] = [
      ['an unclosed `{`', 'review: { cycle: annual, last: 2026-06-01\nowner: CISO', '{ cycle: annual, last: 2026-06-01', 'This `{` map is never closed: add `}` after its last entry, or put the whole value in quotes if the `{` is part of the text.'],
      ['an unclosed quote', 'title: "Access Control\nowner: CISO', '"Access Control', 'This quoted value is never closed: add the closing `"` at its end.'],
      ['a colon in a plain value', 'title: Access: Control', 'Access: Control', 'A value that contains `: ` must be in quotes: write `title: "Access: Control"`.'],
      ['a colon in a value before a comment', 'title: Access: who # internal', 'Access: who', 'A value that contains `: ` must be in quotes: write `title: "Access: who"`.'],
      ['a colon in a nested value', 'review:\n  cycle: annual\n  last: Q3: done', 'Q3: done', 'A value that contains `: ` must be in quotes: write `last: "Q3: done"`.'],
      ['a field without a colon', 'owner CISO\nstatus: approved', 'owner CISO', 'A field needs a colon after its key: write `owner: CISO`.'],
      ['an over-indented line', 'title: Access\n  owner: CISO', 'owner: CISO', 'This line is indented more than the line above it, so YAML reads it as part of that value: start it in the same column as the line above.'],
      ['misaligned fields of a map', 'review:\n    cycle: annual\n  last: 2026-06-01', 'last: 2026-06-01', 'This line is indented differently from the fields before it: the fields of one map must start in the same column.'],
      ['a tab as indentation', 'review:\n\tcycle: annual', '\t', 'YAML does not allow tabs for indentation: indent with spaces.'],
      ['a reserved first character', 'owner: @security', '@security', 'A value cannot start with `@`: put the whole value in quotes.'],
      ['a `]` too many', 'criteria: [CC6.1]]', [']', 1], 'This `]` closes no list: remove it.'],
      ['text after a closing quote', "owner: 'Head of Security's deputy'", "s deputy'", "There is text after the closing quote: put the whole value in quotes (inside single quotes, write an apostrophe as `''`)."],
    ];
    for (const [what, yaml, needle, message] of cases) {
      it(`says what to do about ${what}`, async () => {
        const text = `---\nid: POL-A\ntype: policy\n${yaml}\n---\n# T\n`;
        const range = typeof needle === 'string' ? rangeOf(text, needle) : rangeOf(text, ...needle);
        const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'yaml-syntax', range);
        assert.strictEqual(d.message, message);
      });
    }

    it("falls back to the parser's message where it has no advice of its own", async () => {
      const text = '---\nid: POL-A\ntype: policy\n- CC6.1\n---\n# T\n';
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'yaml-syntax', rangeOf(text, '-', 4));
      assert.strictEqual(d.message, 'Invalid YAML in the frontmatter: Implicit keys need to be on a single line');
    });
  });

  describe('missing-frontmatter', () => {
    it('flags a file in a document folder without frontmatter, on its first line', async () => {
      const text = '# Access Control\n\nSome words.\n';
      const d = await diagnose({ 'policies/access.md': text }, 'policies/access.md');
      expectOne(d, 'missing-frontmatter', lineRange(text, 0));
      assert.match(d[0].message, /no frontmatter/);
    });

    it('says what the folder makes of the file, with the right article', async () => {
      const text = '# Model governance\n';
      const d = expectOne(await diagnose({ 'attest.yaml': 'folders: [policies, addenda]\n', 'addenda/model.md': text }, 'addenda/model.md'), 'missing-frontmatter', lineRange(text, 0));
      assert.match(d.message, /so it is read as an addendum, but it has no frontmatter/);
    });
  });
});
