import * as assert from 'assert';
import { codes, diagnose, policy, rangeOf, withCode, workspace } from '../helpers';

const NASTY: Record<string, string> = {
  empty: '',
  'only an opening delimiter': '---',
  'empty frontmatter': '---\n---\n',
  'frontmatter that is a list': '---\n- a\n- b\n---\n# T\n',
  'frontmatter that is a scalar': '---\njust text\n---\n',
  'binary garbage': '\u0000\u0001\u0002\uFFFD\u0007---\u0000',
  'a tab-indented map': '---\nid: POL-X\ntype: policy\nreview:\n\tcycle: annual\n---\n',
  'an alias bomb': `---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nml: *d\ncriteria: *d\n---\n`,
  'deeply nested lists': `---\ncriteria: ${'['.repeat(500)}${']'.repeat(500)}\n---\n`,
  'a very long line': `---\nid: POL-LONG\ntype: policy\ntitle: ${'x'.repeat(200_000)}\n---\n`,
  'numbers and booleans where text is expected': '---\nid: 12\ntype: true\ntitle: 3.5\nowner: null\ncriteria: 7\nml: {a: 1}\nreview: 2026-01-01\nevidence: yes\n---\n',
  'an unterminated HTML comment': `${policy()}\n<!-- attest-ignore missing-section`,
  'a heading-only body with odd markup': '---\nid: POL-Y\ntype: policy\ntitle: Y\nowner: CISO\n---\n#\n##\n###### \n<h2>Purpose</h2>\n```\n## Scope\n',
};

describe('bad input', () => {
  for (const [what, text] of Object.entries(NASTY)) {
    it(`gives diagnostics, not an exception, for ${what}`, async () => {
      const { index } = await workspace({ 'policies/bad.md': text, 'attest.yaml': text });
      const started = Date.now();
      const d = index.diagnose('policies/bad.md');
      index.diagnoseConfig();
      index.coverage();
      assert.ok(Date.now() - started < 2000, 'no hang');
      for (const x of d) {
        assert.ok(x.message.length > 0);
        assert.ok(x.range.start.line >= 0 && x.range.end.line >= x.range.start.line);
      }
    });
  }

  it('keeps ranges right with CRLF line endings and a BOM', async () => {
    const text = '\uFEFF' + policy({ criteria: '[CC6.1, CC9.9]' }).replace(/\n/g, '\r\n');
    const d = withCode(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'unknown-criterion');
    assert.strictEqual(d.length, 1);
    const line = text.split('\r\n').findIndex((l) => l.includes('CC9.9'));
    assert.deepStrictEqual(d[0].range, { start: { line, character: 18 }, end: { line, character: 23 } });
    assert.deepStrictEqual(codes(await diagnose({ 'policies/a.md': text }, 'policies/a.md')), ['unknown-criterion']);
  });

  it('reads workspace frameworks, and reports a broken one on attest.yaml', async () => {
    const framework = [
      'id: internal',
      'title: Internal controls',
      'categories: [{ key: internal, name: Internal }]',
      'series: [{ id: INT, name: Internal }]',
      'criteria:',
      '  - { id: INT-1, category: internal, series: INT, summary: Laptops are encrypted. }',
    ].join('\n');
    const config = 'categories: [internal]\nframeworks: [frameworks/internal.yaml, frameworks/missing.yaml]\n';
    const text = policy({ criteria: '[CC6.1, INT-1, INT-2]' });
    const { index } = await workspace({ 'attest.yaml': config, 'frameworks/internal.yaml': framework, 'policies/a.md': text });
    assert.deepStrictEqual(withCode(index.diagnose('policies/a.md'), 'unknown-criterion').map((x) => x.range), [rangeOf(text, 'INT-2')]);
    assert.strictEqual(index.coverage().criteria.find((c) => c.id === 'INT-1')?.status, 'documented');
    const problems = withCode(index.diagnoseConfig(), 'invalid-value');
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0].message, /frameworks\/missing\.yaml could not be loaded/);
    assert.deepStrictEqual(problems[0].range, rangeOf(config, 'frameworks/missing.yaml'), 'on its entry in the list');
  });
});
