/**
 * The facts a check needs from a Markdown body, and the two ways of turning a parser's nodes
 * into them that both outliners share (remark's tree and the line scanner of fastOutline), so
 * that the two cannot drift apart in how a link target or a suppression is located.
 */

export interface Heading {
  readonly text: string;
  readonly depth: number;
  /** Offsets of the whole heading line. */
  readonly start: number;
  readonly end: number;
}

export interface LinkRef {
  readonly url: string;
  /** Offsets of the link's target in the file. */
  readonly start: number;
  readonly end: number;
}

/** `<!-- attest-ignore CODE[, CODE]: reason -->`, with the offsets of the comment and of each code. */
export interface Suppression {
  readonly codes: readonly { readonly code: string; readonly start: number; readonly end: number }[];
  readonly reason: string;
  readonly start: number;
  readonly end: number;
}

/** Why a body was not outlined: it is larger than a check reads (see bodyLimits). */
export interface SkippedBody {
  readonly reason: string;
  /** Offsets of what the information diagnostic marks: the first line of the body. */
  readonly start: number;
  readonly end: number;
}

export interface MarkdownOutline {
  readonly headings: readonly Heading[];
  readonly links: readonly LinkRef[];
  /** Suppression comments in HTML: one in a code block or code span documents the syntax, it does not apply. */
  readonly suppressions: readonly Suppression[];
  /** Set when the body was not read at all, so that its headings, links and suppressions are unknown. */
  readonly skipped?: SkippedBody;
}

/**
 * A link or definition spanning `start`..`end` of `body`, as a LinkRef in the file: at its
 * target where the target is written as is, else over the whole link.
 */
export function linkRefAt(body: string, start: number, end: number, url: string, base: number): LinkRef {
  const source = body.slice(start, end);
  // The target follows `](` (inline) or `]:` (definition), before any title.
  const opening = source.search(/\]\(|\]:/);
  const at = url ? source.indexOf(url, Math.max(0, opening)) : -1;
  return at >= 0 ? { url, start: base + start + at, end: base + start + at + url.length } : { url, start: base + start, end: base + end };
}

const SUPPRESSION = /(<!--\s*attest-ignore\s+)([\w-]+(?:\s*,\s*[\w-]+)*)\s*(?::([^]*?))?-->/g;
const CODE = /[\w-]+/g;

/** The suppression comments in a piece of HTML that starts at `offset` in the file. */
export function findSuppressions(html: string, offset: number): Suppression[] {
  const found: Suppression[] = [];
  for (const match of html.matchAll(SUPPRESSION)) {
    const codesAt = offset + match.index + match[1].length;
    found.push({
      codes: [...match[2].matchAll(CODE)].map((c) => ({ code: c[0], start: codesAt + c.index, end: codesAt + c.index + c[0].length })),
      reason: (match[3] ?? '').trim(),
      start: offset + match.index,
      end: offset + match.index + match[0].length,
    });
  }
  return found;
}
