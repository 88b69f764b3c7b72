import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { outlineMarkdown } from '../../server/src/core/document/markdown';
import { REPO } from '../helpers';

/** Outlined in sections (as large bodies are) and whole: the two must agree exactly. */
function assertSectionsAgree(text: string, base = 0, what = JSON.stringify(text.slice(0, 60))): void {
  assert.deepStrictEqual(outlineMarkdown(text, base, 0), outlineMarkdown(text, base, Infinity), what);
}

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? markdownFiles(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []));
}

const TRICKY: Record<string, string> = {
  'headings, links and a suppression': '# A\n\nSee [x](a.md).\n\n## B\n\n<!-- attest-ignore missing-section: why -->\n\n### C [y](b.md)\n',
  'a heading inside fenced code': '## A\n\n```md\n# not a heading\n[link](x.md)\n```\n\n## B\n\n~~~~\n## still code\n~~~\n~~~~\n# C\n',
  'a heading inside an HTML comment': '## A\n\n<!--\n# not a heading\n\n# still not\n-->\n## B\n',
  'a heading inside a <pre> block': '## A\n<pre>\n# code\n\n# code\n</pre>\n# B\n',
  'a heading right after an HTML paragraph': '## A\n<div>\n# inside the div\n</div>\n\n# B\n',
  'lists, quotes and lazy lines': '- item\n# B\n> quote\n# C\n  # indented heading\n    # code\n1. one\n\n   # in the item\n',
  'reference links and definitions': '## A\n\n[r]: ../x.md\n\n## B [s][r]\n\n[s]: y.md "title"\n',
  'CRLF line ends': '## A\r\n\r\n[x](a.md)\r\n## B\r\n```\r\n# code\r\n```\r\n# C\r\n',
  'an unclosed fence': '## A\n```\n# code\n## code\n',
  'a backtick fence whose info has a backtick': '## A\n``` a`b\n# heading after a paragraph\n',
  'empty headings and setext': '#\n##\nTitle\n=====\n# A #\n',
  'a fence opened on a list item': '# Runbook\n\n1. ```sh\n   # restore backup\n   ./restore\n   ```\n2. Verify\n\n## Evidence\n\n[log](evidence/log.md)\n',
  'a comment opened on a list item': '# A\n\n- <!-- attest-ignore missing-section: handled elsewhere\n  # x\n  -->\n\n# B\n',
  'a fence line inside other HTML': '# A\n\n<div>\n```\n</div>\n\n# Heading A\n```\n\n# Heading B\n```\n',
  'a heading inside a list item, then a code-like line': '# A\n\n- item\n  # H\n    see [policy](../policies/x.md)\n# B\n',
  'a fence closed by the end of its list item': '# A\n- a\n  ```\n  code\n# H\n```\n# I\n```\n',
  'lone CR line ends': '# A\rfoo\r```\n# H\n```\n# I\n',
  'an indented closing fence': '# A\n```\ncode\n   ```\n# B\n',
  'odd reference definitions': '# A\n\n1.  item\n\n    [ref]: ./a.md\n\n## B [y][ref]\n\n- > [r2]: b.md\n\n## C [z][r2]\n\n[a\\]b]: c.md\n\n## D [w][a\\]b]\n',
};

describe('Markdown outline of large bodies, in sections', () => {
  for (const [what, text] of Object.entries(TRICKY)) {
    it(`agrees with the whole parse: ${what}`, () => {
      assertSectionsAgree(text);
      assertSectionsAgree(`---\nid: X\n---\n${text}`, 14);
    });
  }

  it('agrees with the whole parse on every document of the starter library and the fixtures', () => {
    const files = [path.join(REPO, 'policies'), path.join(REPO, 'test', 'fixtures')].flatMap(markdownFiles);
    assert.ok(files.length > 80);
    for (const file of files) assertSectionsAgree(fs.readFileSync(file, 'utf8'), 0, file);
  });

  it('re-parses only what changed: an edit in one section gives the outline of the whole new text', () => {
    const sections = Array.from({ length: 800 }, (_, i) => `## Part ${i}\n\nText with [a link](p${i}.md) and more words.\n\n`);
    const before = sections.join('');
    const after = sections.map((s, i) => (i === 400 ? s.replace('more words', 'more words, [another](q.md)') : s)).join('');
    assert.ok(before.length > 32_768, 'large enough to be outlined in sections');
    const first = outlineMarkdown(before, 0);
    const second = outlineMarkdown(after, 0);
    assert.deepStrictEqual(second, outlineMarkdown(after, 0, Infinity));
    assert.strictEqual(second.links.length, first.links.length + 1);
    assert.strictEqual(after.slice(second.links[401].start, second.links[401].end), 'q.md');
  });
});
