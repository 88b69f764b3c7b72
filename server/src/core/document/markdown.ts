import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes } from 'mdast';
import { oversizedBody, remarkReadsInTime, tooCostlyForRemark } from './bodyLimits';
import { fastOutline } from './fastOutline';
import { findSuppressions, linkRefAt, type Heading, type LinkRef, type MarkdownOutline, type Suppression } from './outlineFacts';

export type { Heading, LinkRef, MarkdownOutline, Suppression } from './outlineFacts';

const processor = unified().use(remarkParse);

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

/** Bodies from this many characters on are outlined in sections, each remembered (see `outlineLarge`). */
export const SECTIONED_FROM = 32_768;

/**
 * Headings, links and suppression comments of a Markdown body that starts at `base` in the
 * file; none, with the reason, for a body too large to read in time (the document then counts
 * by its frontmatter alone, and the document-too-large rule says so).
 */
export function outlineMarkdown(text: string, base: number, sectionedFrom = SECTIONED_FROM): MarkdownOutline {
  const oversized = oversizedBody(text, base);
  if (oversized) return { headings: [], links: [], suppressions: [], skipped: oversized };
  const body = text.slice(base);
  // A reference definition serves the whole body (`[text][ref]` in a heading reads as a link):
  // a body with one is parsed whole.
  const outline = body.length >= sectionedFrom && !DEFINITION.test(body) ? outlineLarge(body, base) : outlineOf(body, base);
  return outline ?? { headings: [], links: [], suppressions: [], skipped: tooCostlyForRemark(text, base) };
}

/**
 * A line that may define a link reference (`[ref]: url`, the label running over lines too),
 * wherever it stands: generous, as a false alarm only costs a whole parse.
 */
const DEFINITION = /^[ \t>*+\-\d.)]*\[(?:[^[\]\\]|\\[^])+\]:/m;

/**
 * A large body: the fast way whole where it decides it (a linear scan, cheaper than cutting);
 * else section by section, cut before the ATX headings where a cut changes nothing (outside
 * fenced code and HTML blocks), each section's outline remembered by its text, so that typing
 * in a long document re-parses one section, and remark parses only the sections that need it.
 * Undefined when a section that needs remark is too costly for it (see REMARK_LIMIT).
 */
function outlineLarge(body: string, base: number): MarkdownOutline | undefined {
  const fast = fastOutline(body, base);
  if (fast) return fast;
  const starts = sectionStarts(body);
  if (!starts) return outlineOf(body, base);
  const headings: Heading[] = [];
  const links: LinkRef[] = [];
  const suppressions: Suppression[] = [];
  for (const start of starts) {
    const end = start.next ?? body.length;
    const outline = rememberedOutline(body.slice(start.at, end));
    if (!outline) return undefined;
    const shift = base + start.at;
    for (const h of outline.headings) headings.push({ ...h, start: h.start + shift, end: h.end + shift });
    for (const l of outline.links) links.push({ ...l, start: l.start + shift, end: l.end + shift });
    for (const x of outline.suppressions) {
      suppressions.push({ ...x, start: x.start + shift, end: x.end + shift, codes: x.codes.map((c) => ({ ...c, start: c.start + shift, end: c.end + shift })) });
    }
  }
  return { headings, links, suppressions };
}

/** An ATX heading at the margin: a line that starts a top-level block wherever it stands. */
const ATX_AT_MARGIN = /^#{1,6}(?:[ \t]|$)/;
const FENCE_AT_MARGIN = /^(`{3,}|~{3,})(.*)$/;
/** HTML blocks that run to an end marker, blank lines included (CommonMark's kinds 1 to 5), at the margin. */
const HTML_UNTIL: readonly (readonly [RegExp, RegExp])[] = [
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];
/** A fence or such an HTML block opened anywhere else: indented, in a list item or a quote. */
const NESTED_BLOCK = /^(?:[ \t]|>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))+(?:`{3,}|~{3,}|<(?:!--|\?|![A-Za-z[]|(?:script|pre|style|textarea)(?:[\s>]|$)))/i;
const FENCE_OR_HTML_UNTIL = /^(?:`{3,}|~{3,}|<(?:!--|\?|![A-Za-z[]|(?:script|pre|style|textarea)(?:[\s>]|$)))/i;

/**
 * Where the sections of a body start (offsets), each with where the next one does; undefined
 * where the body holds what this line scan cannot follow for certain (a fence or an HTML
 * block inside a list, a quote or an indent; one inside other HTML; a lone CR), so that the
 * body is parsed whole. A cut is made only before a heading at the margin, outside fenced
 * code and HTML blocks, where the whole parse starts a top-level block too.
 */
function sectionStarts(body: string): { at: number; next?: number }[] | undefined {
  if (/\r(?!\n)/.test(body)) return undefined;
  const starts = [0];
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  // Other HTML (and anything in a paragraph that began with `<`) ends at a blank line.
  let htmlParagraph = false;
  let offset = 0;
  while (offset < body.length) {
    const newline = body.indexOf('\n', offset);
    const lineEnd = newline < 0 ? body.length : newline;
    const line = body.slice(offset, lineEnd).replace(/\r$/, '');
    if (NESTED_BLOCK.test(line)) return undefined;
    if (fence) {
      const close = FENCE_AT_MARGIN.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length && close[2].trim() === '') fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
    } else if (line.trim() === '') {
      htmlParagraph = false;
    } else if (htmlParagraph) {
      if (FENCE_OR_HTML_UNTIL.test(line)) return undefined;
    } else {
      const open = FENCE_AT_MARGIN.exec(line);
      const html = HTML_UNTIL.find(([start]) => start.test(line));
      if (open && !(open[1][0] === '`' && open[2].includes('`'))) fence = { char: open[1][0], length: open[1].length };
      else if (html) htmlEnd = html[1].test(line.slice(2)) ? undefined : html[1];
      else if (/^ {0,3}</.test(line)) htmlParagraph = true;
      else if (ATX_AT_MARGIN.test(line) && offset > 0) starts.push(offset);
    }
    offset = lineEnd + 1;
  }
  return starts.map((at, i) => ({ at, next: starts[i + 1] }));
}

/**
 * Outlines of recent sections by their text: a memo, never a second truth. Two generations,
 * so that forgetting the oldest costs nothing per section: when the young one holds
 * REMEMBER_CHARS of text it becomes the old one, and what was old is dropped; a section
 * found in the old generation moves back to the young one.
 */
let young = new Map<string, MarkdownOutline>();
let old = new Map<string, MarkdownOutline>();
let youngSize = 0;
const REMEMBER_CHARS = 2_000_000;

function rememberedOutline(section: string): MarkdownOutline | undefined {
  const known = young.get(section);
  if (known) return known;
  const aged = old.get(section);
  // A copy, so that the memo does not keep the whole document text of this version alive.
  const own = (' ' + section).slice(1);
  const outline = aged ?? outlineOf(own, 0);
  if (!outline) return undefined;
  if (youngSize + own.length > REMEMBER_CHARS) {
    old = young;
    young = new Map();
    youngSize = 0;
  }
  young.set(own, outline);
  youngSize += own.length;
  return outline;
}

/**
 * The outline of `body` parsed whole, with offsets from `base`: by the line scanner where it
 * can decide the body, else by remark, the parser of record, where remark reads it in time
 * (undefined otherwise: see REMARK_LIMIT).
 */
function outlineOf(body: string, base: number): MarkdownOutline | undefined {
  return fastOutline(body, base) ?? (remarkReadsInTime(body) ? outlineWithRemark(body, base) : undefined);
}

/** The outline of `body` as remark parses it whole: what the fast scanner must equal wherever it answers. */
export function outlineWithRemark(body: string, base: number): MarkdownOutline {
  const tree = processor.parse(body);
  const headings: Heading[] = [];
  const links: LinkRef[] = [];
  const suppressions: Suppression[] = [];
  const visit = (node: Nodes): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'heading' && start !== undefined && end !== undefined) {
      headings.push({ text: textOf(node).trim(), depth: node.depth, start: base + start, end: base + end });
    } else if ((node.type === 'link' || node.type === 'definition') && start !== undefined && end !== undefined) {
      links.push(linkRefAt(body, start, end, node.url, base));
    } else if (node.type === 'html' && start !== undefined && end !== undefined) {
      // The source, not node.value: inside a block quote or list the value lacks the markers.
      suppressions.push(...findSuppressions(body.slice(start, end), base + start));
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return { headings, links, suppressions };
}
