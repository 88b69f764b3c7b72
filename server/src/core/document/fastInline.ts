/**
 * The inline half of the fast outline: inline links, images, autolinks and raw HTML in a
 * paragraph or a heading, found the way CommonMark (micromark, under remark) finds them, left
 * to right with code spans, autolinks and HTML binding tighter than brackets. It models only a
 * document without link reference definitions (the caller makes sure there are none), and
 * gives up (undefined) on what it does not model exactly: HTML comments and other
 * declarations, destinations in `<…>` or with escapes or character references, titles with
 * escapes or in parentheses, a `](` that does not make a link, an autolink inside link text,
 * and in a heading's text, character references and emphasis it cannot pair for certain.
 */

export interface InlineLink {
  readonly start: number;
  readonly end: number;
  readonly url: string;
}

export interface InlineFacts {
  readonly links: InlineLink[];
  /** Raw HTML (tags), where suppression comments are looked for as remark's html nodes are. */
  readonly html: { readonly start: number; readonly end: number }[];
  /** The text remark gives the span (headings only): code spans' content, link text, no HTML. */
  readonly text?: string;
}

const SPECIAL = /[\\`<[\]!]/g;
/** In a heading the text counts too: emphasis markers and character references change it. */
const SPECIAL_IN_TEXT = /[\\`<[\]!*_&]/g;
/** A character reference, known or not, at the start (`&amp;`, `&#91;`): this scanner does not decode them. */
const CHARACTER_REFERENCE = /^&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const AUTOLINK_URI = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\0- <>\x7f]*>/y;
const AUTOLINK_EMAIL = /<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/y;
const OPEN_TAG = /<[A-Za-z][A-Za-z0-9-]*(?:[ \r\n]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \r\n]*=[ \r\n]*(?:[^ \r\n"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \r\n]*\/?>/y;
const CLOSING_TAG = /<\/[A-Za-z][A-Za-z0-9-]*[ \r\n]*>/y;
/** Distinct backtick run lengths without a closer after which a span gives up rather than search again. */
const MAX_UNCLOSED_RUNS = 16;

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Inline facts of `body` between `from` and `to` (one paragraph or heading content), or undefined when unsure. */
export function scanInline(body: string, from: number, to: number, wantText = false): InlineFacts | undefined {
  // The span on its own, so that no search runs on past its end (a body may hold thousands of spans).
  const facts = scanSpan(body.slice(from, to), wantText);
  if (!facts || from === 0) return facts;
  return {
    links: facts.links.map((l) => ({ ...l, start: l.start + from, end: l.end + from })),
    html: facts.html.map((h) => ({ start: h.start + from, end: h.end + from })),
    text: facts.text,
  };
}

function scanSpan(text: string, wantText: boolean): InlineFacts | undefined {
  const end = text.length;
  let links: InlineLink[] = [];
  let html: { start: number; end: number }[] = [];
  let edits: Edit[] = [];
  let emphasisRuns: number[] = [];
  /** Open brackets (`![` for an image), innermost last. */
  const openers: { at: number; image: boolean }[] = [];
  /**
   * Links do not nest: once one closes, no `[` opened before it may close another (an `![`
   * still may). Those are the openers below this index, kept as one number, not marked one
   * by one, so that many brackets left open before many links stay linear.
   */
  let closedBelow = 0;
  const unclosedRuns = new Set<number>();
  const special = wantText ? SPECIAL_IN_TEXT : SPECIAL;
  let at = 0;
  while (at < end) {
    special.lastIndex = at;
    const found = special.exec(text);
    if (!found) break;
    at = found.index;
    const char = text[at];
    if (char === '\\') {
      const escaped = at + 1 < end && ASCII_PUNCTUATION.test(text[at + 1]);
      if (escaped) edits.push({ start: at, end: at + 2, text: text[at + 1] });
      at += escaped ? 2 : 1;
    } else if (char === '*' || char === '_') {
      emphasisRuns.push(at);
      while (at < end && text[at] === char) at++;
    } else if (char === '&') {
      if (CHARACTER_REFERENCE.test(text.slice(at, at + 34))) return undefined;
      at++;
    } else if (char === '`') {
      const span = codeSpan(text, at, unclosedRuns);
      if (span === undefined) return undefined;
      if (span.end > at + span.run) edits.push({ start: at, end: span.end, text: span.content });
      at = span.end;
    } else if (char === '<') {
      const next = text[at + 1];
      if (next === '!' || next === '?') return undefined;
      const link = match(AUTOLINK_URI, text, at) ?? match(AUTOLINK_EMAIL, text, at);
      if (link !== undefined) {
        // An autolink inside link text makes a link inside a link: left to remark.
        if (openers.length > 0) return undefined;
        const written = text.slice(at + 1, link - 1);
        links.push({ start: at, end: link, url: written.includes(':') ? written : `mailto:${written}` });
        edits.push({ start: at, end: link, text: written });
        at = link;
        continue;
      }
      const tag = match(OPEN_TAG, text, at) ?? match(CLOSING_TAG, text, at);
      if (tag !== undefined) {
        html.push({ start: at, end: tag });
        edits.push({ start: at, end: tag, text: '' });
        at = tag;
      } else at++;
    } else if (char === '!') {
      const image = text[at + 1] === '[';
      if (image) openers.push({ at, image });
      at += image ? 2 : 1;
    } else if (char === '[') {
      openers.push({ at, image: false });
      at++;
    } else {
      const opener = openers.pop();
      const active = opener !== undefined && (opener.image || openers.length >= closedBelow);
      closedBelow = Math.min(closedBelow, openers.length);
      if (!opener || !active || text[at + 1] !== '(') {
        at++;
        continue;
      }
      const resource = resourceEnd(text, at + 1);
      if (resource === undefined) return undefined;
      if (opener.image) {
        // An image keeps only its alt text, which no fact needs: what its description held is gone.
        const outside = ({ start }: { start: number }) => start < opener.at;
        links = links.filter(outside);
        html = html.filter(outside);
        edits = [...edits.filter(outside), { start: opener.at, end: resource.end, text: '' }];
        emphasisRuns = emphasisRuns.filter((run) => run < opener.at);
      } else {
        links.push({ start: opener.at, end: resource.end, url: resource.url });
        edits.push({ start: opener.at, end: opener.at + 1, text: '' }, { start: at, end: resource.end, text: '' });
        closedBelow = openers.length;
      }
      at = resource.end;
    }
  }
  if (!wantText) return { links, html };
  const emphasis = emphasisEdits(text, emphasisRuns, links.length > 0);
  return emphasis && { links, html, text: applyEdits(text, [...edits, ...emphasis]) };
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/;

/** How micromark classifies the character beside a delimiter run: 1 whitespace (or none), 2 punctuation, 0 other. */
function classify(code: number | undefined): 0 | 1 | 2 {
  if (code === undefined) return 1;
  const char = String.fromCodePoint(code);
  return WHITESPACE.test(char) ? 1 : PUNCTUATION.test(char) ? 2 : 0;
}

/**
 * The edits that drop emphasis markers from a heading's text, for what can be decided
 * without CommonMark's whole delimiter algorithm: no run that may open or close, or exactly
 * one run that only opens followed by one of the same marker and length that only closes,
 * outside links. Undefined otherwise.
 */
function emphasisEdits(text: string, runs: readonly number[], hasLinks: boolean): Edit[] | undefined {
  const active: { at: number; end: number; char: string; open: boolean; close: boolean }[] = [];
  for (const at of runs) {
    const char = text[at];
    let end = at;
    while (end < text.length && text[end] === char) end++;
    const previous = at > 0 ? text.charCodeAt(at - 1) : undefined;
    // A low surrogate before the run: its character is not one UTF-16 unit; leave it to remark.
    if (previous !== undefined && previous >= 0xdc00 && previous <= 0xdfff) return undefined;
    const before = classify(previous);
    const after = classify(text.codePointAt(end));
    // micromark's flanking rules, `_` stricter inside words than `*`.
    const open = !after || (after === 2 && before !== 0);
    const close = !before || (before === 2 && after !== 0);
    const opens = char === '*' ? open : open && (before !== 0 || !close);
    const closes = char === '*' ? close : close && (after !== 0 || !open);
    if (opens || closes) active.push({ at, end, char, open: opens, close: closes });
  }
  if (active.length === 0) return [];
  const [first, second] = active;
  const pair = active.length === 2 && !hasLinks && first.char === second.char && first.end - first.at === second.end - second.at;
  if (!pair || !first.open || first.close || second.open || !second.close) return undefined;
  return [
    { start: first.at, end: first.end, text: '' },
    { start: second.at, end: second.end, text: '' },
  ];
}

/** Where a sticky pattern's match at `at` ends, if it matches. */
function match(pattern: RegExp, text: string, at: number): number | undefined {
  pattern.lastIndex = at;
  const found = pattern.exec(text);
  return found ? at + found[0].length : undefined;
}

/**
 * A code span opened by the backtick run at `at`: where it ends and its content, or, when no
 * run of the same length closes it, the run itself as text (end = at + run). Undefined when
 * too many runs stay open to keep searching cheaply.
 */
function codeSpan(text: string, at: number, unclosedRuns: Set<number>): { end: number; run: number; content: string } | undefined {
  let run = 1;
  while (text[at + run] === '`') run++;
  const literal = { end: at + run, run, content: '' };
  if (unclosedRuns.has(run)) return literal;
  for (let close = text.indexOf('`', at + run); close >= 0; ) {
    let length = 1;
    while (text[close + length] === '`') length++;
    if (length === run) {
      let content = text.slice(at + run, close).replace(/\r?\n/g, ' ');
      if (content.length >= 2 && content[0] === ' ' && content[content.length - 1] === ' ' && /[^ ]/.test(content)) content = content.slice(1, -1);
      return { end: close + length, run, content };
    }
    close = text.indexOf('`', close + length);
  }
  // No closer of this length follows, so none will for a later run of it either.
  unclosedRuns.add(run);
  return unclosedRuns.size > MAX_UNCLOSED_RUNS ? undefined : literal;
}

/**
 * The end and destination of an inline link's `(…)` that starts at `open`, or undefined when
 * it is not a resource this scanner reads exactly (the caller then gives up).
 */
function resourceEnd(text: string, open: number): { end: number; url: string } | undefined {
  let at = skipWhitespace(text, open + 1);
  if (text[at] === ')') return { end: at + 1, url: '' };
  const start = at;
  // Parentheses nest in a destination, to micromark's depth of 32.
  let balance = 0;
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x28) {
      if (++balance > 32) return undefined;
    } else if (code === 0x29) {
      if (balance === 0) break;
      balance--;
    } else if (code <= 0x20 || code === 0x7f || code === 0x5c || (code === 0x3c && at === start)) {
      // Controls and spaces end it; `\\` and a leading `<` are read otherwise by remark.
      break;
    } else if (code === 0x26 && CHARACTER_REFERENCE.test(text.slice(at, at + 34))) {
      // `&amp;` and the like are decoded by remark; a bare `&` (a query string's) is text.
      return undefined;
    }
  }
  if (balance > 0 || at === start || at >= text.length) return undefined;
  const url = text.slice(start, at);
  if (text[at] === ')') return { end: at + 1, url };
  if (!/[ \r\n]/.test(text[at])) return undefined;
  at = skipWhitespace(text, at);
  const quote = text[at];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, at + 1);
    if (close < 0 || text.slice(at + 1, close).includes('\\')) return undefined;
    at = skipWhitespace(text, close + 1);
  }
  return text[at] === ')' ? { end: at + 1, url } : undefined;
}

function skipWhitespace(text: string, at: number): number {
  while (text[at] === ' ' || text[at] === '\n' || text[at] === '\r') at++;
  return at;
}

function applyEdits(text: string, edits: Edit[]): string {
  edits.sort((a, b) => a.start - b.start);
  let result = '';
  let at = 0;
  for (const edit of edits) {
    result += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + text.slice(at);
}
