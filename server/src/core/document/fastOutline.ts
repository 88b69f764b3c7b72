import { scanInline, type InlineFacts } from './fastInline';
import { findSuppressions, linkRefAt, type Heading, type LinkRef, type MarkdownOutline, type Suppression } from './outlineFacts';

/**
 * A line scanner that gives the outline remark gives (headings, links, suppression comments)
 * for the bodies it can decide, some eighty times faster on realistic documents, and undefined
 * for the rest, which remark then parses. It follows CommonMark's block structure as micromark implements it for
 * paragraphs, ATX headings, fenced and indented code, thematic breaks, lists (with lazy
 * lines and the rules for interrupting a paragraph) and HTML comments at the margin, and
 * gives up on what it does not model exactly: block quotes, setext underlines, other HTML
 * blocks, headings and comments inside lists, link reference definitions (which reach
 * across the body), tabs outside a fence at the margin, NUL and lone CR. Agreement with remark is proven by the
 * differential test (test/core/fastOutline.test.ts), not assumed.
 */
export function fastOutline(body: string, base: number): MarkdownOutline | undefined {
  if (UNSURE_ANYWHERE.test(body)) return undefined;
  try {
    return new LineScanner(body, base).outline();
  } catch (error) {
    if (error === UNDECIDED) return undefined;
    throw error;
  }
}

/** NUL or a BOM (replaced by the parser), a lone CR (a line end), `]:` (a possible definition). */
const UNSURE_ANYWHERE = /[\0\uFEFF]|\r(?!\n)|\]:/;
/** A line of a fence that a tab could make its closing line: tabs count as columns, not modelled here. */
const MAY_CLOSE_FENCE = /^ {0,3}[`~]/;
/** Thrown, never seen outside: this body is for remark. */
const UNDECIDED = Symbol('undecided');
const LIST_ITEM = /^([-+*]|(\d{1,9})[.)])( +|$)/;
const THEMATIC_BREAK = /^([-*_])(?: *\1){2,} *$/;
const SETEXT_LIKE = /^(?:=+|-+) *$/;
const ATX_HEADING = /^(#{1,6})(?: |$)/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const CLOSING_FENCE = /^(`{3,}|~{3,}) *$/;
/** What may open an HTML block (or, after `>`, a block quote): modelled only as a comment at the margin. */
const BLOCK_QUOTE_OR_HTML = /^(?:>|<[A-Za-z/?!])/;

interface ListItem {
  /** Column where the item's content starts: lines indented this far continue it. */
  readonly col: number;
  /** It began with a blank line (a marker alone on its line): it may begin with only one. */
  initialBlank: boolean;
  /** A blank line followed that beginning: the next line with text cannot continue it. */
  furtherBlank: boolean;
}

type OpenBlock =
  | { readonly kind: 'none' }
  | { readonly kind: 'paragraph'; readonly start: number; end: number }
  | { readonly kind: 'fence'; readonly char: string; readonly length: number }
  | { readonly kind: 'indented-code' }
  /** An HTML comment block: it ends with the line holding `-->`, found once when it opens. */
  | { readonly kind: 'comment'; readonly start: number; readonly closeAt: number };

const NONE: OpenBlock = { kind: 'none' };
const INDENTED_CODE: OpenBlock = { kind: 'indented-code' };

function undecided(): never {
  throw UNDECIDED;
}

class LineScanner {
  private readonly items: ListItem[] = [];
  private open: OpenBlock = NONE;
  private readonly headings: Heading[] = [];
  private readonly links: LinkRef[] = [];
  private readonly suppressions: Suppression[] = [];
  /** The first tab at or after the current line (-1: none is left; -2: not looked for yet), found once per tab, not per line. */
  private nextTab = -2;

  constructor(
    private readonly body: string,
    private readonly base: number,
  ) {}

  outline(): MarkdownOutline {
    const body = this.body;
    for (let start = 0; ; ) {
      const newline = body.indexOf('\n', start);
      const next = newline < 0 ? body.length : newline;
      this.line(start, next > start && body.charCodeAt(next - 1) === 13 ? next - 1 : next);
      if (newline < 0) break;
      start = newline + 1;
    }
    this.closeItems(0);
    return { headings: this.headings, links: this.links, suppressions: this.suppressions };
  }

  private line(start: number, end: number): void {
    const body = this.body;
    const open = this.open;
    if (open.kind === 'comment') {
      if (open.closeAt + 3 <= end) {
        this.open = NONE;
        this.html(open.start, end);
      }
      return;
    }
    if (this.nextTab !== -1 && this.nextTab < start) this.nextTab = body.indexOf('\t', start);
    if (this.nextTab >= 0 && this.nextTab < end) {
      // Only code in a fence at the margin is read with tabs: nothing in it counts.
      if (open.kind !== 'fence' || this.items.length > 0 || MAY_CLOSE_FENCE.test(body.slice(start, end))) undecided();
      return;
    }
    let ind = start;
    while (ind < end && body.charCodeAt(ind) === 32) ind++;
    const blank = ind === end;
    const indent = ind - start;
    let matched = 0;
    if (blank) {
      // A blank line continues every item; only the innermost can have begun with one.
      const innermost = this.items[this.items.length - 1];
      if (innermost) innermost.furtherBlank ||= innermost.initialBlank;
      matched = this.items.length;
    }
    for (; matched < this.items.length; matched++) {
      const item = this.items[matched];
      const continues = !item.furtherBlank && indent >= item.col;
      item.furtherBlank = item.initialBlank = false;
      if (!continues) break;
    }
    const all = matched === this.items.length;
    if (open.kind === 'fence') {
      if (all) {
        const close = CLOSING_FENCE.exec(body.slice(ind, end));
        if (close && indent - this.col() <= 3 && close[1][0] === open.char && close[1].length >= open.length) this.open = NONE;
        return;
      }
      this.closeItems(matched);
    } else if (!all) {
      const rel = indent - (matched > 0 ? this.items[matched - 1].col : 0);
      const content = body.slice(ind, end);
      if (rel <= 3 && LIST_ITEM.test(content)) this.closeItems(matched);
      else if (open.kind === 'paragraph') {
        // A lazy line: it continues the paragraph unless it starts a block that interrupts one.
        if (rel < 4) {
          if (BLOCK_QUOTE_OR_HTML.test(content) || SETEXT_LIKE.test(content)) undecided();
          if (ATX_HEADING.test(content) || FENCE.test(content) || THEMATIC_BREAK.test(content)) this.closeItems(matched);
        }
        if (this.open === open) {
          open.end = end;
          return;
        }
      } else this.closeItems(matched);
    }
    this.block(start, ind, end, all && (open.kind === 'paragraph' || open.kind === 'indented-code'));
  }

  /** The rest of a line once its list items are matched: `interrupting` a paragraph (or, in micromark, indented code). */
  private block(start: number, ind: number, end: number, interrupting: boolean): void {
    const body = this.body;
    const open = this.open;
    if (ind === end) {
      // Indented code stays open across blank lines: what follows still interrupts it.
      if (open.kind === 'paragraph') this.endBlock();
      return;
    }
    const rel = ind - start - this.col();
    if (rel >= 4) {
      if (open.kind === 'paragraph') open.end = end;
      else this.open = INDENTED_CODE;
      return;
    }
    const content = body.slice(ind, end);
    if (open.kind === 'paragraph' && SETEXT_LIKE.test(content)) undecided();
    if (THEMATIC_BREAK.test(content)) return this.endBlock();
    const item = LIST_ITEM.exec(content);
    if (item) return this.openItem(item, ind - start, ind, end, interrupting);
    const atx = ATX_HEADING.exec(content);
    if (atx) {
      if (this.items.length > 0) undecided();
      this.endBlock();
      return this.heading(atx[1].length, ind, end);
    }
    const fence = FENCE.exec(content);
    if (fence) {
      if (fence[1][0] === '`' && fence[2].includes('`')) undecided();
      this.endBlock();
      this.open = { kind: 'fence', char: fence[1][0], length: fence[1].length };
      return;
    }
    if (content.startsWith('<!--')) {
      if (this.items.length > 0) undecided();
      this.endBlock();
      // `<!-->` and `<!--->` close themselves: the end marker may share the opener's dashes.
      const close = body.indexOf('-->', ind + 2);
      // A comment never closed runs to the end, where remark's span is not modelled.
      if (close < 0) undecided();
      if (close + 3 <= end) this.html(start, end);
      else this.open = { kind: 'comment', start, closeAt: close };
      return;
    }
    if (BLOCK_QUOTE_OR_HTML.test(content)) undecided();
    if (open.kind === 'paragraph') open.end = end;
    else this.open = { kind: 'paragraph', start: ind, end };
  }

  private openItem(item: RegExpExecArray, indent: number, ind: number, end: number, interrupting: boolean): void {
    const rest = this.body.slice(ind + item[0].length, end);
    // Only a non-empty bullet or an item numbered 1 may interrupt; micromark reads the number by its first digit.
    if (interrupting && (rest === '' || (item[2] !== undefined && item[2] !== '1'))) undecided();
    if (item[3].length > 4 && rest !== '') undecided();
    this.endBlock();
    const col = indent + item[1].length + (rest === '' ? 1 : item[3].length);
    this.items.push({ col, initialBlank: rest === '', furtherBlank: false });
    if (rest === '') return;
    if (BLOCK_QUOTE_OR_HTML.test(rest) || ATX_HEADING.test(rest) || FENCE.test(rest) || THEMATIC_BREAK.test(rest) || LIST_ITEM.test(rest)) undecided();
    this.open = { kind: 'paragraph', start: end - rest.length, end };
  }

  private heading(depth: number, ind: number, end: number): void {
    const body = this.body;
    let from = ind + depth;
    let to = end;
    while (from < to && body.charCodeAt(from) === 32) from++;
    while (to > from && body.charCodeAt(to - 1) === 32) to--;
    // A closing run of `#` counts when a space (or nothing) is before it.
    let close = to;
    while (close > from && body.charCodeAt(close - 1) === 35) close--;
    if (close < to && (close === from || body.charCodeAt(close - 1) === 32)) {
      to = close;
      while (to > from && body.charCodeAt(to - 1) === 32) to--;
    }
    const facts = scanInline(body, from, to, true) ?? undecided();
    this.headings.push({ text: (facts.text ?? '').trim(), depth, start: this.base + ind, end: this.base + end });
    this.record(facts);
  }

  private record(facts: InlineFacts): void {
    for (const link of facts.links) this.links.push(linkRefAt(this.body, link.start, link.end, link.url, this.base));
    for (const html of facts.html) this.html(html.start, html.end);
  }

  private html(start: number, end: number): void {
    this.suppressions.push(...findSuppressions(this.body.slice(start, end), this.base + start));
  }

  /** Ends the open leaf block, outlining it if it is a paragraph. */
  private endBlock(): void {
    const open = this.open;
    this.open = NONE;
    if (open.kind === 'paragraph') this.record(scanInline(this.body, open.start, open.end) ?? undecided());
  }

  private closeItems(level: number): void {
    this.endBlock();
    this.items.length = level;
  }

  private col(): number {
    return this.items.length > 0 ? this.items[this.items.length - 1].col : 0;
  }
}
