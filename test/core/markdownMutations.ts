/**
 * Seeded Markdown mutations for the differential test of the fast outline: real bodies with
 * the constructs that change CommonMark's block and inline structure spliced in, mostly at
 * line starts where they matter (fences, comments, setext underlines, list markers and
 * indents, `#` runs, quotes, HTML), and inline where brackets, code spans, autolinks and
 * escapes bind (`[`, `](`, backticks, `<…>`, backslashes, entities), plus tabs, CRLF and
 * lone CR. The same seed always gives the same text, so a failure names a case that replays.
 */

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Written at the start of a line (after an indent, sometimes): what opens or ends blocks. */
const LINE_STARTS = [
  '```', '```sh', '````', '~~~', '~~~~ x', '``` a`b', '<!-- ', '<!-- attest-ignore stale-review: booked -->', '<!-->', '-->', '<div>', '</div>', '<pre>', '<span>', '<x y="1">',
  '===', '---', '- - -', '***', '___', '-', '- ', '* ', '+ ', '1. ', '1) ', '2. ', '10. ', '0. ', '-     ', '- [x](y.md) ', '- # ', '- ```', '1. <!-- a -->',
  '#', '# ', '## ', '###### ', '####### ', '#x', '> ', '>', '[a]: b.md', '[a]:', '    ', '  ', '   ', '\t', '', '| a | b |',
];
/** Written anywhere: what binds inside a paragraph or heading. */
const INLINE = [
  '[', ']', '](', '(', ')', '[x](a.md)', '[x](a.md "t")', "[x](a.md 't')", '[x]( a.md )', '[x](<a b>)', '[x](a(b)c)', '[x][y]', '[x]', '![i](p.png)', '!',
  '`', '``', '` ', ' `', '```', '\\', '\\[', '\\]', '\\`', '&amp;', '&#91;', '&', '<', '>', '<http://a.b/c>', '<a@b.co>', '<b>', '</b>', '<a href="x]">', '<!-- x -->', '<?p?>',
  '*', '**', '_', '#', ' #', ' ##', '"', "'", '\t', '\r\n', '\r', '\n', '\n\n', '\u00a0', '\u0000', '[a\n](b)', '](c.md)', '[`]`](d.md)', '<!-- attest-ignore missing-section: x -->',
  '[![b](i.svg)](l.md)', '![a [b](c.md) d](e.png)', '![x]', '*a*', '**b**', '_c_', 'a_b', ' * ', '&copy;', '&#x5b;', '\\*', '\\_',
];

/** A mutation of `text`: one to four edits drawn from `next`. */
export function mutateMarkdown(text: string, next: () => number): string {
  const pick = (n: number) => Math.floor(next() * n);
  let result = text;
  for (let edits = 1 + pick(4); edits > 0; edits--) {
    const kind = pick(10);
    if (kind < 4) {
      // At a line start, sometimes indented, sometimes with a line of its own.
      const starts = lineStarts(result);
      const at = starts[pick(starts.length)];
      const indent = ' '.repeat([0, 0, 0, 1, 2, 3, 4, 6][pick(8)]);
      const token = LINE_STARTS[pick(LINE_STARTS.length)];
      result = result.slice(0, at) + indent + token + (next() < 0.4 ? '\n' : '') + result.slice(at);
    } else if (kind < 8) {
      const at = pick(result.length + 1);
      result = result.slice(0, at) + INLINE[pick(INLINE.length)] + result.slice(at);
    } else if (kind === 8) {
      const at = pick(result.length + 1);
      result = result.slice(0, at) + result.slice(at + 1 + pick(30));
    } else {
      // A line doubled, or moved under another: lists and paragraphs meet in new ways.
      const starts = lineStarts(result);
      const from = starts[pick(starts.length)];
      const end = result.indexOf('\n', from);
      const line = result.slice(from, end < 0 ? result.length : end + 1);
      const at = starts[pick(starts.length)];
      result = result.slice(0, at) + line + (line.endsWith('\n') ? '' : '\n') + result.slice(at);
    }
  }
  return result;
}

const WORDS = ['access', 'review', 'CC6.1', 'the', 'owner', '[policy](../policies/a.md)', '`code`', '**bold**', '<b>x</b>', 'a', '[x]', 'see [r](http://x.y/z "t")'];

/**
 * A small body made of random lines: each an indent, often a block opener and a few words.
 * Real documents rarely nest lists in odd indents or put fences after lazy lines; these do.
 */
export function randomMarkdown(next: () => number): string {
  const pick = (n: number) => Math.floor(next() * n);
  const lines: string[] = [];
  for (let count = 2 + pick(14); count > 0; count--) {
    const indent = ' '.repeat([0, 0, 0, 0, 1, 2, 2, 3, 3, 4, 5, 6, 8][pick(13)]);
    const opener = next() < 0.5 ? LINE_STARTS[pick(LINE_STARTS.length)] : '';
    const words = Array.from({ length: pick(4) }, () => (next() < 0.2 ? INLINE[pick(INLINE.length)] : WORDS[pick(WORDS.length)]));
    lines.push(next() < 0.15 ? '' : `${indent}${opener}${words.join(' ')}`);
  }
  return lines.join(next() < 0.1 ? '\r\n' : '\n') + (next() < 0.7 ? '\n' : '');
}

const SOUP = ['[', ']', '](', '(', ')', '&amp;', '&q=1', '(x)', '![', '!', 'a', ' ', ' ', 'x.md', 'h.md "t"', '`', '``', '<b>', '</b>', '<http://a.b>', '\\', '*', '_', '&', '#', '\n', '\n', '\n## ', '\n- '];

/** Lines of brackets, parentheses, code spans and tags in random order: where links are found or not. */
export function bracketSoup(next: () => number): string {
  return Array.from({ length: 4 + Math.floor(next() * 40) }, () => SOUP[Math.floor(next() * SOUP.length)]).join('');
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}
