import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Root as MarkdownRoot, RootContent as MarkdownContent } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { slugOf, workspacePathOf } from './paths';

/**
 * A document's Markdown as HTML, through unified's own path: GitHub's Markdown (tables,
 * task lists, footnotes) to HTML, then sanitised as GitHub sanitises it, so that raw HTML,
 * scripts, event handlers and `javascript:` links in a document never reach the package.
 * Footnote ids are left unprefixed here because the sanitiser prefixes every id itself.
 */
const toSafeTree = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { clobberPrefix: '' }).use(rehypeSanitize);
const toHtml = unified().use(rehypeStringify);

/** What the sanitiser puts before every id of a document (`user-content-fn-1`). */
const SANITIZED_ID_PREFIX = 'user-content-';

/** A document body rendered once, placed in each page that shows it with its links rewritten for that page. */
export interface RenderedBody {
  readonly tree: Root;
  /** The ids of the body's elements: its headings' GitHub-style ids and the footnotes'. */
  readonly ids: ReadonlySet<string>;
}

export function renderBody(markdown: string, title: string | undefined): RenderedBody {
  const source = toSafeTree.parse(markdown);
  dropTitleHeading(source, title);
  const tree = toSafeTree.runSync(source);
  return { tree, ids: addHeadingIds(tree) };
}

/** The id of the body a fragment names, as written (`evidence`) or as the sanitiser renamed it (`fn-1`). */
export function idOf(body: RenderedBody, fragment: string): string | undefined {
  for (const candidate of [fragment, SANITIZED_ID_PREFIX + fragment, slugOf(fragment)]) if (body.ids.has(candidate)) return candidate;
  return undefined;
}

/** Where a body's relative links go in the page that shows it. */
export interface LinkResolver {
  /** The URL of the document at a workspace path (at one of its ids), or undefined when no document is there. */
  document(relPath: string, fragment: string | undefined): string | undefined;
  /** The URL of a workspace file copied into the package, or undefined when the workspace has no such file. */
  file(relPath: string): string | undefined;
}

/**
 * The body as HTML for one page: ids prefixed with `idPrefix` (so that several documents
 * share a page), links to other documents and files rewritten to the package, links that
 * lead nowhere in the package made plain text, and images from the web made links to them,
 * so that the package loads nothing from outside.
 */
export function placeBody(body: RenderedBody, docRelPath: string, idPrefix: string, resolve: LinkResolver): string {
  const tree = structuredClone(body.tree);
  const sameDocument = (fragment: string): string | undefined => {
    const id = idOf(body, fragment);
    return id === undefined ? undefined : `#${encodeURIComponent(idPrefix + id)}`;
  };
  visitElements(tree, (element) => {
    const props = element.properties;
    if (typeof props.id === 'string') props.id = idPrefix + props.id;
    if (Array.isArray(props.ariaDescribedBy)) props.ariaDescribedBy = props.ariaDescribedBy.map((id) => idPrefix + String(id));
    if (element.tagName === 'a' && typeof props.href === 'string') {
      const href = linkHref(props.href, docRelPath, resolve, sameDocument);
      if (href === undefined) delete props.href;
      else props.href = href;
    }
    if (element.tagName === 'img' && typeof props.src === 'string') placeImage(element, docRelPath, resolve);
  });
  return toHtml.stringify(tree);
}

function linkHref(href: string, docRelPath: string, resolve: LinkResolver, sameDocument: (fragment: string) => string | undefined): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
  if (href.startsWith('//')) return undefined;
  const hashAt = href.indexOf('#');
  const fragment = hashAt < 0 ? undefined : decoded(href.slice(hashAt + 1));
  const path = (hashAt < 0 ? href : href.slice(0, hashAt)).replace(/\?.*$/, '');
  if (path === '') return fragment === undefined ? undefined : sameDocument(fragment);
  const target = workspacePathOf(docRelPath, path);
  if (target === undefined) return undefined;
  return resolve.document(target, fragment) ?? resolve.file(target);
}

function placeImage(image: Element, docRelPath: string, resolve: LinkResolver): void {
  const src = String(image.properties.src);
  const alt = typeof image.properties.alt === 'string' && image.properties.alt !== '' ? image.properties.alt : undefined;
  if (/^https?:/i.test(src)) {
    // A web image would be loaded from outside: it becomes a link the reader can follow.
    Object.assign(image, { tagName: 'a', properties: { href: src, className: ['external-image'] }, children: [{ type: 'text', value: `Image: ${alt ?? src}` }] });
    return;
  }
  const target = /^[a-z][a-z0-9+.-]*:/i.test(src) ? undefined : workspacePathOf(docRelPath, src.replace(/[?#].*$/, ''));
  const copied = target === undefined ? undefined : resolve.file(target);
  if (copied !== undefined) image.properties.src = copied;
  else Object.assign(image, { tagName: 'span', properties: { className: ['missing-image'] }, children: [{ type: 'text', value: `Image not in the workspace: ${alt ?? src}` }] });
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A first-level heading that repeats the title is left out: the page's header shows the title. */
function dropTitleHeading(tree: MarkdownRoot, title: string | undefined): void {
  const first = tree.children[0];
  if (title !== undefined && first?.type === 'heading' && first.depth === 1 && plainText(first).trim().toLowerCase() === title.trim().toLowerCase()) tree.children.shift();
}

function plainText(node: MarkdownContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as MarkdownContent[]).map(plainText).join('') : '';
}

/** Gives each heading the id GitHub gives it (`evidence`, then `evidence-1`), and returns every id of the body. */
function addHeadingIds(tree: Root): Set<string> {
  const ids = new Set<string>();
  visitElements(tree, (element) => {
    if (typeof element.properties.id === 'string') ids.add(element.properties.id);
  });
  visitElements(tree, (element) => {
    if (!/^h[1-6]$/.test(element.tagName) || element.properties.id !== undefined) return;
    const slug = slugOf(textOf(element));
    if (slug === '') return;
    let id = slug;
    for (let n = 1; ids.has(id); n++) id = `${slug}-${n}`;
    ids.add(id);
    element.properties.id = id;
  });
  return ids;
}

function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

function visitElements(node: Root | Element, visit: (element: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    visit(child);
    visitElements(child, visit);
  }
}
