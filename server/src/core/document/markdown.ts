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

export interface MarkdownOutline {
  readonly headings: readonly Heading[];
  readonly links: readonly LinkRef[];
}

const processor = unified().use(remarkParse);

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

/** Headings and links of a Markdown body that starts at `base` in the file. */
export function outlineMarkdown(text: string, base: number): MarkdownOutline {
  const body = text.slice(base);
  const tree = processor.parse(body);
  const headings: Heading[] = [];
  const links: LinkRef[] = [];
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
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return { headings, links };
}

export interface Suppression {
  readonly codes: readonly string[];
  readonly reason: string;
  readonly start: number;
  readonly end: number;
}

const SUPPRESSION = /<!--\s*attest-ignore\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(?::([^]*?))?-->/g;

/** `<!-- attest-ignore CODE[, CODE]: reason -->` comments of a file. */
export function findSuppressions(text: string): Suppression[] {
  const found: Suppression[] = [];
  for (const match of text.matchAll(SUPPRESSION)) {
    found.push({
      codes: match[1].split(',').map((c) => c.trim()),
      reason: (match[2] ?? '').trim(),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return found;
}
