import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes } from 'mdast';

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

export interface MarkdownOutline {
  readonly headings: readonly Heading[];
  readonly links: readonly LinkRef[];
  /** Suppression comments in HTML: one in a code block or code span documents the syntax, it does not apply. */
  readonly suppressions: readonly Suppression[];
}

const processor = unified().use(remarkParse);

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

/** Headings, links and suppression comments of a Markdown body that starts at `base` in the file. */
export function outlineMarkdown(text: string, base: number): MarkdownOutline {
  const body = text.slice(base);
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
      const url = node.url;
      const source = body.slice(start, end);
      // The target follows `](` (inline) or `]:` (definition), before any title.
      const opening = source.search(/\]\(|\]:/);
      const at = url ? source.indexOf(url, Math.max(0, opening)) : -1;
      links.push(at >= 0 ? { url, start: base + start + at, end: base + start + at + url.length } : { url, start: base + start, end: base + end });
    } else if (node.type === 'html' && start !== undefined && end !== undefined) {
      // The source, not node.value: inside a block quote or list the value lacks the markers.
      suppressions.push(...findSuppressions(body.slice(start, end), base + start));
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return { headings, links, suppressions };
}

const SUPPRESSION = /(<!--\s*attest-ignore\s+)([\w-]+(?:\s*,\s*[\w-]+)*)\s*(?::([^]*?))?-->/g;
const CODE = /[\w-]+/g;

/** The suppression comments in a piece of HTML that starts at `offset` in the file. */
function findSuppressions(html: string, offset: number): Suppression[] {
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
