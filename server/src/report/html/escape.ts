/** Text made safe for HTML content and for quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A relative URL for a workspace path: each segment percent-encoded, so no path can become a scheme or escape the attribute. */
export function hrefOf(relPath: string, linkBase: string): string {
  return linkBase + relPath
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** A fragment id for a criterion (`CC6.1` → `crit-CC6-1`). */
export function anchorOf(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}
