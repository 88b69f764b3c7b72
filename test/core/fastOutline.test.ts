/**
 * The fast outline against remark, the parser of record: wherever the line scanner decides a
 * body, its headings, links and suppressions must be exactly remark's. Checked on the starter
 * library, every fixture, generated realistic documents, hand-picked constructs and seeded
 * mutations. Two environment variables widen the run locally:
 *   ATTEST_MARKDOWN_CORPUS=DIR   also every Markdown file under DIR (e.g. cloned repositories)
 *   ATTEST_FUZZ_SEEDS=N          N bodies of each kind (mutated, random, bracket soup) instead of 250
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fastOutline } from '../../server/src/core/document/fastOutline';
import { bodyStartOf } from '../../server/src/core/document/frontmatter';
import { outlineMarkdown, outlineWithRemark, type MarkdownOutline } from '../../server/src/core/document/markdown';
import { generateDocuments, loadCatalog, measureLibrary } from '../../scripts/bench/generate';
import { REPO } from '../helpers';
import { bracketSoup, mutateMarkdown, randomMarkdown, seededRandom } from './markdownMutations';

const SEEDS = Number(process.env.ATTEST_FUZZ_SEEDS ?? 250);

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === '.git' ? [] : markdownFiles(path.join(dir, e.name));
    return /\.md$/i.test(e.name) ? [path.join(dir, e.name)] : [];
  });
}

function bodyOf(text: string): string {
  return text.slice(bodyStartOf(text, true));
}

/** Whether the fast path decided `body`; throws when what it decided differs from remark's outline (given, or parsed here). */
function agrees(body: string, what: string, remark?: MarkdownOutline): boolean {
  const fast = fastOutline(body, 0);
  if (fast) assert.deepStrictEqual(fast, remark ?? outlineWithRemark(body, 0), `${what}: ${JSON.stringify(body.length < 2000 ? body : body.slice(0, 200))}`);
  return fast !== undefined;
}

/** Constructs the scanner decides: each must come out as remark has it. */
const DECIDED: Record<string, string> = {
  'headings with closing runs and trailing spaces': '# A\n## B ##\n### C #not\n#### D \\#\n##### E ##   \n######\n# #\n  ## indented\n',
  'heading text with code, links, autolinks, HTML and escapes': '## `` a ` `` and ` b ` [l `]` x](u "t") <http://x.y/z> <m@x.io> <b>bold</b> \\[x\\] & co\n',
  'heading emphasis that pairs': '## *Objective*\n## **Scope** of work\n## snake_case_name\n## a * b\n## ***both***\n',
  'links and titles': 'See [a](b.md), [c](d.md "t"), [e](f.md \'t\'), [g]( h.md ), [empty](), [i](j.md\n"multi\nline").\n',
  'links do not nest; brackets that open nothing': '[a [b](c.md) d](e.md) [x] [y][z] a] [b\n',
  'images, badges and links around them': '[![badge](i.svg)](l.md) ![alt [in](x.md)](p.png) ![x] ! [a](b)\n',
  'code spans bind tighter than brackets': 'a `[x](y)` b ``c`d`` [e `]` f](g.md) `unclosed [h](i.md)\n',
  'raw HTML and suppression comments': '<!-- attest-ignore stale-review: booked -->\n\nText <a href="](x)">y</a> [z](w.md)\n\n<!--\nattest-ignore missing-section: moved\n-->\n<!-->\n',
  'nested lists, lazy lines and loose items': '- a [l](1.md)\n  - b\ncontinued [l](2.md)\n\n  c\n1. one\n   two\n2) x\n-\n  y\n* * *\n',
  'indented code and fences, also in items': '    [no](x.md)\n\n```md\n# no\n[no](y.md)\n```\n- item\n\n      [no](z.md)\n  ```\n  # no\n  ```\n~~~~\n~~~\n# no\n~~~~\n# yes\n',
  'CRLF line ends': '## A\r\n\r\n[x](a.md)\r\n- b\r\n  [y](b.md)\r\n```\r\n# code\r\n```\r\n# C\r\n',
  'tabs inside a fence at the margin': '# A\n```go\nfunc main() {\n\tfmt.Println("[x](y)")\n}\n```\n[z](w.md)\n',
};

/** Constructs it leaves to remark, each for a reason given in fastOutline. */
const UNDECIDED: Record<string, string> = {
  'a setext underline': 'Title\n=====\n',
  'a reference definition': '[a]: b.md\n',
  'a block quote': '> [x](y.md)\n',
  'an HTML block': '<div>\n\n# A\n</div>\n',
  'a heading in a list item': '- # A\n',
  'a tab that indents': '-\tx\n',
  'a lone CR': 'a\rb\n',
  'an entity in a destination': '[a](b&amp;c.md)\n',
  'an unclosed comment': '<!-- a\n',
  'emphasis that CommonMark must resolve': '## a *b* c *d*\n',
  'a numbered line that might interrupt a paragraph': 'text\n2. x\n',
};

describe('the fast Markdown outline against remark', () => {
  for (const [what, body] of Object.entries(DECIDED)) {
    it(`decides, as remark does: ${what}`, () => {
      assert.ok(agrees(body, what), 'the fast path decided it');
    });
  }

  for (const [what, body] of Object.entries(UNDECIDED)) {
    it(`leaves to remark: ${what}`, () => {
      assert.strictEqual(fastOutline(body, 0), undefined);
      assert.deepStrictEqual(outlineMarkdown(body, 0), outlineWithRemark(body, 0));
    });
  }

  it('agrees on every document of the starter library and the fixtures, and decides them all', () => {
    const files = [path.join(REPO, 'policies'), path.join(REPO, 'test', 'fixtures')].flatMap(markdownFiles);
    assert.ok(files.length > 150);
    const undecided = files.filter((file) => !agrees(bodyOf(fs.readFileSync(file, 'utf8')), file));
    assert.deepStrictEqual(undecided, []);
  });

  it('agrees on generated realistic documents, and decides them all', () => {
    const docs = [...generateDocuments(120, measureLibrary(path.join(REPO, 'policies')), loadCatalog(REPO), 11)];
    const undecided = docs.filter((doc) => !agrees(bodyOf(doc.text), doc.rel));
    assert.deepStrictEqual(undecided.map((d) => d.rel), []);
  });

  it(`agrees on ${SEEDS} mutated library bodies, ${SEEDS} random ones and ${SEEDS} of bracket soup, whole and in sections`, function () {
    this.timeout(Math.max(120_000, SEEDS * 60));
    const bodies = [path.join(REPO, 'policies'), path.join(REPO, 'test', 'fixtures')]
      .flatMap(markdownFiles)
      .map((file) => bodyOf(fs.readFileSync(file, 'utf8')))
      .filter((body) => body.length < 16_384);
    let decided = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const next = seededRandom(seed);
      const mutated = mutateMarkdown(bodies[Math.floor(next() * bodies.length)], next);
      const random = randomMarkdown(next);
      const soup = bracketSoup(next);
      for (const [kind, body] of [['mutated', mutated], ['random', random], ['bracket soup', soup]] as const) {
        const remark = outlineWithRemark(body, 0);
        if (agrees(body, `seed ${seed}, ${kind}`, remark)) decided++;
        // Sections cut at headings, each outlined the fast way where it can be: still remark's whole outline.
        assert.deepStrictEqual(outlineMarkdown(body, 0, 0), remark, `seed ${seed}, ${kind}, in sections`);
      }
    }
    // The mutations are meant to hit what the scanner gives up on, but not only that.
    assert.ok(decided > SEEDS * 0.6, `decided ${decided} of ${3 * SEEDS}`);
  });

  it('keeps a body whole when a definition label runs over lines, as the definition serves every section', () => {
    for (const body of ['# A\n\n[foo\nbar]: /url\n\n## [x][foo bar]\n', '# A\n\n- [foo\n  bar]: /url\n\n## [x][foo bar]\n']) {
      assert.deepStrictEqual(outlineMarkdown(body, 0, 0), outlineWithRemark(body, 0), JSON.stringify(body));
    }
  });

  const corpus = process.env.ATTEST_MARKDOWN_CORPUS;
  (corpus ? it : it.skip)('agrees on every Markdown file under ATTEST_MARKDOWN_CORPUS', function () {
    this.timeout(600_000);
    const files = markdownFiles(corpus ?? '.');
    const decided = files.filter((file) => agrees(bodyOf(fs.readFileSync(file, 'utf8')), file)).length;
    console.log(`      ${decided} of ${files.length} decided by the fast path`);
  });
});
