import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { attestPreviewPlugin } from '../../client/src/preview/plugin';
import { escapeHtml, reviewDue } from '../../client/src/preview/card';
import { policy } from '../helpers';

const render = (text: string): string => new MarkdownIt().use(attestPreviewPlugin).render(text);

describe('the Markdown preview card of a document', () => {
  it('shows id, type, owner, status, review due and criteria with their summaries, instead of the raw frontmatter', () => {
    const html = render(policy({ ml: '[model-versioning]' }));
    assert.match(html, /<section class="attest-card attest-card--policy"/);
    assert.match(html, /<span class="attest-id">POL-ACCESS<\/span>/);
    assert.match(html, /attest-status--approved">approved</);
    assert.match(html, /<dt>Owner<\/dt><dd>Head of Security<\/dd>/);
    assert.match(html, /<dt>Review due<\/dt><dd>2027-06-01<\/dd>/);
    assert.match(html, /<code>CC6\.1<\/code> <span class="attest-chip-summary">[^<]+<\/span>/);
    assert.match(html, /<code>model-versioning<\/code> <span class="attest-chip-summary">Model Versioning<\/span>/);
    assert.doesNotMatch(html, /<hr>|id: POL-ACCESS/);
    assert.match(html, /<h2>Purpose<\/h2>|<h1>/);
  });

  it('escapes what the frontmatter says', () => {
    const html = render(policy({ title: '"<img src=x onerror=alert(1)>"', criteria: '["<b>CC1</b>"]' }));
    assert.ok(!html.includes('<img') && !html.includes('<b>'), html);
    assert.match(html, /attest-chip--unknown/);
    assert.strictEqual(escapeHtml(`<a href="x">'&'</a>`), '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });

  it('leaves Markdown that is no Attest document as it was', () => {
    const plain = '---\ntitle: Notes\n---\n\n# Notes\n';
    assert.doesNotMatch(render(plain), /attest-card/);
    assert.strictEqual(render('# Just a heading\n\n---\n\ntext\n'), new MarkdownIt().render('# Just a heading\n\n---\n\ntext\n'));
  });

  it('draws the card for the front_matter token of VS Code\'s own frontmatter plugin', () => {
    const md = new MarkdownIt();
    md.block.ruler.before('table', 'front_matter', (state, start, _end, silent) => {
      if (start !== 0 || !state.src.startsWith('---\n')) return false;
      const close = state.src.indexOf('\n---\n', 3);
      if (silent) return true;
      const token = state.push('front_matter', '', 0);
      (token as { meta?: unknown }).meta = state.src.slice(4, close);
      state.line = state.src.slice(0, close + 5).split('\n').length - 1;
      return true;
    });
    md.use(attestPreviewPlugin);
    assert.match(md.render(policy()), /attest-id">POL-ACCESS</);
  });

  it('works out when the review falls due from its cycle', () => {
    assert.strictEqual(reviewDue({ cycle: 'quarterly', last: '2026-11-30' }), '2027-03-02');
    assert.strictEqual(reviewDue({ cycle: 'Annual', last: '2026-01-15' }), '2027-01-15');
    assert.strictEqual(reviewDue({ cycle: 'weekly', last: '2026-01-15' }), undefined);
  });
});
