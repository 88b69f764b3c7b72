import { posix } from 'path';

/**
 * Checks an auditor package the way a reader's browser would use it: every `href` and `src`
 * of every page leads to a file of the package, and every fragment to an id on that page;
 * nothing is loaded from outside (links to the web are allowed, resources are not).
 * `exists` says whether a path that is no page (a copied file or folder) is in the package.
 */
export function packageLinkProblems(pages: ReadonlyMap<string, string>, exists: (path: string) => boolean): string[] {
  const problems: string[] = [];
  const idsOf = new Map<string, Set<string>>();
  const ids = (page: string) => {
    let found = idsOf.get(page);
    if (!found) idsOf.set(page, (found = new Set([...(pages.get(page) ?? '').matchAll(/\sid="([^"]*)"/g)].map((m) => unescapeHtml(m[1])))));
    return found;
  };
  for (const [page, text] of pages) {
    if (/@import|url\(\s*['"]?(?:https?:)?\/\//i.test(text)) problems.push(`${page}: loads a resource from outside in its styles`);
    if (!page.endsWith('.html')) continue;
    if (/<script\b/i.test(text)) problems.push(`${page}: has a script`);
    for (const m of text.matchAll(/<(\w+)\b[^>]*?\s(href|src)="([^"]*)"/g)) {
      const [, tag, attribute, raw] = m;
      const url = unescapeHtml(raw);
      const where = `${page}: <${tag} ${attribute}="${url}">`;
      if (/^(https?:|mailto:)/i.test(url)) {
        if (attribute === 'src' || tag === 'link') problems.push(`${where} loads a resource from outside`);
        continue;
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('/')) {
        problems.push(`${where} is not a relative link`);
        continue;
      }
      const hashAt = url.indexOf('#');
      const path = decodeURIComponent(hashAt < 0 ? url : url.slice(0, hashAt));
      const fragment = hashAt < 0 ? undefined : decodeURIComponent(url.slice(hashAt + 1));
      const target = path === '' ? page : posix.normalize(posix.join(posix.dirname(page), path));
      if (target.startsWith('../')) problems.push(`${where} leaves the package`);
      else if (!pages.has(target) && !exists(target)) problems.push(`${where}: no ${target} in the package`);
      else if (fragment !== undefined && !ids(target).has(fragment)) problems.push(`${where}: no id "${fragment}" in ${target}`);
    }
  }
  return problems;
}

/** The hrefs of a page's links, decoded from HTML. */
export function hrefsOf(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)].map((m) => unescapeHtml(m[1]));
}

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e] ?? _);
}
