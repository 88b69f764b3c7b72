import type { SkippedBody } from './outlineFacts';

/**
 * Sizes past which Attest does not read part of a file, so that no file keeps a check or the
 * editor waiting. Policies are written by people: the starter library's longest document is
 * 27 KB, and real ones run to tens of KB. What is far larger is data pasted into a document
 * (an export, a log, a minified blob), and it is where the parsers' costs stop being linear
 * (remark's inline parsing on a long paragraph of brackets or emphasis runs, YAML's check for
 * duplicate keys and its alias resolution). Sizes are in characters (as many bytes for ASCII).
 */

/** A body longer than this is not outlined: 1 MB is thirty times the longest document one expects. */
export const BODY_LIMIT = 1_000_000;
/** A body with a line longer than this is not outlined: no sentence is 100 KB; data on one line is. */
export const LINE_LIMIT = 100_000;
/**
 * A frontmatter longer than this is not parsed: twenty times the longest in the library and
 * the real repositories (1.5 KB), room for three hundred evidence entries; and YAML this long
 * made of mistakes or aliases still parses in about half a second.
 */
export const FRONTMATTER_LIMIT = 32_000;

/**
 * A body (or a section of one, between headings) that the fast reader leaves to remark is
 * parsed only up to this length, and up to REMARK_MARK_LIMIT inline marks: remark's time grows
 * with the brackets, emphasis and code marks it resolves rather than with the text (140 KB of
 * 3,000 reference links, 12,000 marks, takes 1.3 s; a 600 KB changelog of 18,000 takes 13 s),
 * and faster than linearly on long runs of `*` or `_`. Past these, a body is not read at all
 * rather than keep the editor waiting for seconds; under them, a part may still take a second
 * or two when it is all links or brackets, which only parsing off the main thread would bound.
 */
export const REMARK_LIMIT = 200_000;
export const REMARK_MARK_LIMIT = 16_000;
const LONG_EMPHASIS_RUN = /\*{500}|_{500}/;

/** Whether remark parses `piece` in time (see REMARK_LIMIT). */
export function remarkReadsInTime(piece: string): boolean {
  if (piece.length > REMARK_LIMIT || LONG_EMPHASIS_RUN.test(piece)) return false;
  let marks = 0;
  for (let at = 0; at < piece.length; at++) {
    const code = piece.charCodeAt(at);
    // [ ] * _ ` < ! & \
    if (code === 91 || code === 93 || code === 42 || code === 95 || code === 96 || code === 60 || code === 33 || code === 38 || code === 92) {
      if (++marks > REMARK_MARK_LIMIT) return false;
    }
  }
  return true;
}

/** `1.5 MB`, `120 KB`: a size in characters, as people read file sizes. */
export function sizeInWords(characters: number): string {
  if (characters >= 1_000_000) return `${Number((characters / 1_000_000).toFixed(1))} MB`;
  return `${Math.max(1, Math.round(characters / 1_000))} KB`;
}

/**
 * Why the body of `text` from `base` is not outlined, with the range to report it on (its
 * first line that is not blank), or undefined when it is within the limits.
 */
export function oversizedBody(text: string, base: number): SkippedBody | undefined {
  const length = text.length - base;
  let reason: string | undefined;
  if (length > BODY_LIMIT) {
    reason = `it is ${sizeInWords(length)}, and Attest reads bodies of up to ${sizeInWords(BODY_LIMIT)}`;
  } else {
    const longest = longestLine(text, base);
    if (longest.length > LINE_LIMIT) {
      reason = `line ${longest.line + 1} is ${sizeInWords(longest.length)} long, and Attest reads no line over ${sizeInWords(LINE_LIMIT)}`;
    }
  }
  if (reason === undefined) return undefined;
  const first = firstFilledLine(text, base);
  return { reason, ...first };
}

/** The reason a body is not outlined when a part of it that only remark reads is past what remark reads in time. */
export function tooCostlyForRemark(text: string, base: number): SkippedBody {
  const reason = `it is ${sizeInWords(text.length - base)} and holds Markdown that only Attest's full parser reads (a block quote, an HTML block, a setext heading…), in a part too long or too dense for that parser to read in time (over ${sizeInWords(REMARK_LIMIT)}, or over ${REMARK_MARK_LIMIT.toLocaleString('en-US')} brackets, emphasis and code marks, between two headings)`;
  return { reason, ...firstFilledLine(text, base) };
}

/**
 * Why a frontmatter between `contentStart` and `contentEnd` was not parsed, on the line that
 * opens it (`lineStart`), or undefined when it is within the limit.
 */
export function oversizedFrontmatter(text: string, lineStart: number, contentStart: number, contentEnd: number): { message: string; start: number; end: number } | undefined {
  const length = contentEnd - contentStart;
  if (length <= FRONTMATTER_LIMIT) return undefined;
  const newline = text.indexOf('\n', lineStart);
  const end = newline < 0 ? text.length : newline - (text.charCodeAt(newline - 1) === 13 ? 1 : 0);
  return {
    message: `The frontmatter is ${sizeInWords(length)}, and Attest reads frontmatter of up to ${sizeInWords(FRONTMATTER_LIMIT)}, so none of its fields were read: keep the fields short and move long lists (evidence, exports) into files the document names.`,
    start: lineStart,
    end: Math.max(lineStart, end),
  };
}

/** The longest line from `base` on: its length and its number in the file (0-based). */
function longestLine(text: string, base: number): { length: number; line: number } {
  let line = countLines(text, base);
  let longest = { length: 0, line };
  for (let start = base; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (end - start > longest.length) longest = { length: end - start, line };
    if (newline < 0) break;
    start = newline + 1;
  }
  return longest;
}

function countLines(text: string, end: number): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/** Offsets of the first line from `base` with something on it (without its line break), else of the line at `base`. */
function firstFilledLine(text: string, base: number): { start: number; end: number } {
  const filled = /\S/g;
  filled.lastIndex = base;
  const found = filled.exec(text);
  const at = found ? found.index : base;
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at);
  let end = newline < 0 ? text.length : newline;
  if (text.charCodeAt(end - 1) === 13 && end > at) end--;
  return { start: Math.max(start, base), end };
}
