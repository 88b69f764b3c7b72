/**
 * Documents too large to read in time: the body is not outlined and one information
 * diagnostic says so on its first line; a frontmatter too large to parse is an error on its
 * opening line; and the benchmark's pathological documents parse within a bound.
 */
import * as assert from 'assert';
import { performance } from 'perf_hooks';
import { BODY_LIMIT, FRONTMATTER_LIMIT, LINE_LIMIT, REMARK_LIMIT, REMARK_MARK_LIMIT } from '../../server/src/core/document/bodyLimits';
import { outlineMarkdown } from '../../server/src/core/document/markdown';
import { parseDocument } from '../../server/src/core/document/model';
import { manyHeadings, oneLongLine } from '../../scripts/bench/pathological';
import { diagnose, expectOne, lineRange, rangeOf, withCode, workspace } from '../helpers';

const FILE = 'controls/big.md';
const HEAD = '---\nid: CTL-BIG\ntype: control\ntitle: Big\nowner: SRE Lead\nstatus: implemented\npolicy: POL-X\nfrequency: annual\ncriteria: [CC7.2]\n---\n';
const POLICY = { 'policies/x.md': '---\nid: POL-X\ntype: policy\ntitle: X\nowner: CISO\ncriteria: [CC7.2]\n---\n\n# X\n' };
const SENTENCE = 'The owner reviews the [runbook](https://wiki.example.com/r) and CC7.2 every week.\n';

/** A body of `size` characters or a little more, of sentences on lines of their own, under two headings. */
function longBody(size: number): string {
  return `\n# Big\n\n## Objective\n\n${SENTENCE.repeat(Math.ceil(size / SENTENCE.length))}`;
}

const check = async (text: string) => diagnose({ ...POLICY, [FILE]: text }, FILE);
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

describe('documents too large to read in time', () => {
  it('reads a body over 1 MB by its frontmatter only, and says so on the first line of the body', async () => {
    const text = HEAD + longBody(BODY_LIMIT + 1);
    const d = expectOne(await check(text), 'document-too-large', lineRange(text, lineOf(text, '# Big')));
    assert.strictEqual(d.severity, 'information');
    assert.match(d.message, /^The body of this document was not checked: it is 1(\.\d)? MB, and Attest reads bodies of up to 1 MB\. Its frontmatter still counts/);
    const { index } = await workspace({ ...POLICY, [FILE]: text });
    const doc = index.get(FILE);
    assert.strictEqual(doc?.id?.value, 'CTL-BIG', 'indexed by its frontmatter');
    assert.deepStrictEqual([doc.headings.length, doc.links.length, doc.suppressions.length], [0, 0, 0]);
    assert.deepStrictEqual(withCode(await check(text), 'unresolved-reference'), []);
    // Its sections are unknown, not missing; its placeholders unread, not absent.
    const unread = HEAD.replace('owner: SRE Lead', 'owner: <OWNER ROLE>') + longBody(BODY_LIMIT + 1) + '<TOOL NAME>\n';
    assert.deepStrictEqual(
      (await check(unread)).map((x) => x.code).sort(),
      ['document-too-large', 'unfilled-placeholder'],
      'only the document-too-large note and the placeholder in its frontmatter',
    );
  });

  it('checks a body just under the limit as any other', async () => {
    const text = HEAD + longBody(BODY_LIMIT - 1000);
    assert.ok(text.length - HEAD.length <= BODY_LIMIT);
    assert.deepStrictEqual(withCode(await check(text), 'document-too-large'), []);
    const doc = parseDocument({ uri: 'file:///ws/' + FILE, relPath: FILE, text }, ['controls']);
    assert.ok(doc && doc.links.length > 10_000 && doc.headings.length === 2);
  });

  it('names a line over 100 KB, and reports on the first line with text, whatever blank lines come first', async () => {
    const text = `${HEAD}\n\n  \r\n## Objective\r\n\r\n${'x'.repeat(LINE_LIMIT + 1)}\r\n`;
    const heading = lineOf(text, '## Objective');
    const d = expectOne(await check(text), 'document-too-large', { start: { line: heading, character: 0 }, end: { line: heading, character: '## Objective'.length } });
    assert.match(d.message, new RegExp(`line ${lineOf(text, 'xxx') + 1} is 100 KB long, and Attest reads no line over 100 KB`));
  });

  it('reports on the first line of a file without frontmatter, whose whole text is the body', async () => {
    const text = `# Notes\n\n${'y'.repeat(LINE_LIMIT + 1)}\n`;
    const d = expectOne(await diagnose({ 'controls/notes.md': text }, 'controls/notes.md'), 'document-too-large', rangeOf(text, '# Notes'));
    assert.strictEqual(d.severity, 'information');
  });

  it('does not hand remark more than it parses in time: a long part it would need is left unread', async () => {
    // A block quote makes the fast reader give up, so each part between headings goes to remark.
    const part = SENTENCE.repeat(Math.ceil(50_000 / SENTENCE.length));
    const uncut = `${HEAD}\n# Big\n\n> A quote.\n\n${part.repeat(5)}`;
    const d = expectOne(await check(uncut), 'document-too-large', rangeOf(uncut, '# Big'));
    assert.match(d.message, /holds Markdown that only Attest's full parser reads .*\(over 200 KB, or over 16,000 brackets, emphasis and code marks, between two headings\)/);
    // Cut by headings into parts remark reads in time, as much text is read.
    const cut = `${HEAD}\n# Big\n\n> A quote.\n\n${`## Part\n\n${part}`.repeat(5)}`;
    assert.ok(cut.length - HEAD.length > REMARK_LIMIT);
    assert.deepStrictEqual(withCode(await check(cut), 'document-too-large'), []);
    assert.strictEqual(outlineMarkdown(cut, HEAD.length).links.length, 5 * (part.length / SENTENCE.length));
  });

  it('nor a part dense with marks or long emphasis runs, where remark slows down faster than the text grows', () => {
    for (const dense of [`${'[a] '.repeat(REMARK_MARK_LIMIT / 2 + 1)}\n`, `${'*'.repeat(600)}a${'*'.repeat(600)}\n`]) {
      const text = `${HEAD}\n# Big\n\n> A quote.\n\n${dense}`;
      assert.ok(text.length - HEAD.length < REMARK_LIMIT);
      assert.match(outlineMarkdown(text, HEAD.length).skipped?.reason ?? '', /too long or too dense/);
      // The fast reader needs no remark for the same text without the quote.
      assert.strictEqual(outlineMarkdown(text.replace('> A quote.', 'A line.'), HEAD.length).skipped, undefined);
    }
  });

  it('does not parse a frontmatter over 32 KB: an error on its opening line, and no field-by-field noise', async () => {
    const evidence = Array.from({ length: 400 }, (_, i) => `  - { name: Export ${i}, url: https://grc.example.com/evidence/${i}, collected: 2026-01-01 }\n`).join('');
    const text = `${HEAD.slice(0, -4)}evidence:\n${evidence}---\n\n# Big\n\n## Objective\n\nWhy.\n`;
    assert.ok(text.length > FRONTMATTER_LIMIT);
    const diagnostics = await check(text);
    const d = expectOne(diagnostics, 'yaml-syntax', lineRange(text, 0));
    assert.strictEqual(d.severity, 'error');
    assert.match(d.message, /^The frontmatter is \d\d KB, and Attest reads frontmatter of up to 32 KB, so none of its fields were read/);
    assert.deepStrictEqual(withCode(diagnostics, 'missing-field'), []);
    assert.deepStrictEqual(withCode(diagnostics, 'document-too-large'), []);
  });
});

describe('pathological documents parse within a bound', () => {
  /** Generous for a loaded CI machine: each takes a small fraction of it here. */
  const BOUND_MS = 5_000;
  const timed = (what: string, text: string) => {
    const start = performance.now();
    const doc = parseDocument({ uri: 'file:///ws/controls/p.md', relPath: 'controls/p.md', text }, ['controls']);
    const took = performance.now() - start;
    assert.ok(took < BOUND_MS, `${what}: ${Math.round(took)} ms`);
    return doc;
  };

  it('10 MB of 250,000 headings', function () {
    this.timeout(30_000);
    const doc = timed('many headings', manyHeadings());
    assert.ok(doc?.bodySkipped && doc.id?.value === 'CTL-BENCH-HEADINGS');
  });

  it('a 3 MB line', function () {
    this.timeout(30_000);
    assert.ok(timed('one long line', oneLongLine())?.bodySkipped);
  });

  it('just under the limits: 1 MB of headings, a 100 KB line, both read; the same after a block quote', function () {
    this.timeout(60_000);
    const headings = Array.from({ length: 23_000 }, (_, i) => `## Section ${i}: access review notes\n`).join('');
    const line = `${SENTENCE.trim().repeat(Math.floor(LINE_LIMIT / SENTENCE.length))}\n`;
    for (const [what, body] of [['headings', headings], ['line', line], ['quote, headings', `> q\n\n${headings}`], ['quote, line', `> q\n\n${line}`]]) {
      const doc = timed(what, `${HEAD}\n${body}`);
      assert.ok(doc && !doc.bodySkipped && doc.headings.length + doc.links.length > 1000, what);
    }
  });

  it('a frontmatter just under 32 KB of mistakes or aliases', function () {
    this.timeout(60_000);
    const mistakes = ': x\n[\n'.repeat(Math.floor((FRONTMATTER_LIMIT - 100) / 6));
    const aliases = `a: &a [x]\n${Array.from({ length: 3000 }, (_, i) => `k${i}: *a\n`).join('')}`.slice(0, FRONTMATTER_LIMIT - 100);
    for (const [what, yaml] of [['mistakes', mistakes], ['aliases', aliases]]) assert.ok(timed(what, `---\n${yaml}\n---\n\n# A\n`), what);
  });
});
