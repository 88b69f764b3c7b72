import * as assert from 'assert';
import { diagnose, expectOne, policy, rangeOf, workspace } from '../helpers';

/** Which files are Attest documents, beyond the document folders. */
describe('documents outside the document folders', () => {
  it('are those whose frontmatter has one of our types', async () => {
    const { index } = await workspace({ 'docs/access.md': policy() });
    assert.strictEqual(index.get('docs/access.md')?.type, 'policy');
  });

  // A type in another case is the type, with a warning (SPEC §10); a typo is an error.
  for (const [written, suggested, code] of [['Policy', 'policy', 'value-spelling'], ['polcy', 'policy', 'invalid-value'], ['Controls', 'control', 'invalid-value']] as const) {
    it(`report a near-miss type \`${written}\` beside an id or criteria, instead of dropping the document`, async () => {
      const text = policy({ type: written });
      const d = await diagnose({ 'docs/access.md': text }, 'docs/access.md');
      const found = expectOne(d, code, rangeOf(text, written));
      assert.ok(found.message.includes(`\`${suggested}\``), found.message);
    });
  }

  it("leave a site generator's page alone, even with an id", async () => {
    const files = {
      'docs/home.md': '---\ntype: page\nid: home\ntitle: Home\n---\n# Home\n',
      'docs/post.md': '---\ntype: post\ncriteria: none\n---\n# A post\n',
      'docs/note.md': '---\ntype: Policy\ntitle: Our policy on pets\n---\n# Pets\n',
    };
    const { index } = await workspace(files);
    for (const file of Object.keys(files)) {
      assert.strictEqual(index.get(file), undefined, `${file} is no document`);
      assert.deepStrictEqual(index.diagnose(file), [], file);
    }
  });
});
