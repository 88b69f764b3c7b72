import { PAGE_CSS } from '../html/styles';

/**
 * The package's navigation bar, on every page. The statement of applicability and the
 * evidence list keep the inline styles of their own reports; this part is added to them.
 */
export const NAV_CSS = `
.pkg-nav { background: #1b1f24; color: #ffffff; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
.pkg-nav ul { display: flex; flex-wrap: wrap; gap: 2px 4px; align-items: center; max-width: 1120px; margin: 0 auto; padding: 8px 28px; list-style: none; }
.pkg-nav li.pkg-name { font-weight: 700; margin-right: 12px; }
.pkg-nav a { display: inline-block; color: #ffffff; text-decoration: none; padding: 3px 9px; border-radius: 4px; }
.pkg-nav a:hover, .pkg-nav a:focus-visible { background: #3a424c; text-decoration: underline; }
.pkg-nav a[aria-current="page"] { background: #ffffff; color: #1b1f24; font-weight: 600; }
@media print { .pkg-nav { display: none; } }
`;

/** What the package's own pages add to the coverage report's styles: contents, documents and their printing. */
const PACKAGE_CSS = `
.contents { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 12px; margin: 20px 0 0; padding: 0; list-style: none; }
.contents li { background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; padding: 12px 16px; }
.contents a { font-weight: 600; }
.contents p { margin: 4px 0 0; color: var(--muted); font-size: 13px; }
.findings { margin: 0; padding: 0; list-style: none; }
.findings li { background: var(--paper); border: 1px solid var(--rule); border-left: 6px solid #e69f00; border-radius: 6px; padding: 8px 12px; margin-bottom: 6px; }
.findings li.sev-error { border-left-color: #d55e00; }
.findings li.suppressed { border-left-color: #8c8c8c; }
.findings .where { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 13px; margin-right: 6px; }
.findings .code { color: var(--muted); font-size: 12px; }
table.documents td.crit a { white-space: nowrap; }
table.documents .doc-title { font-weight: 600; }
body.doc-page, body.book { background: var(--wash); }
article.doc { max-width: 920px; margin: 24px auto; background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; padding: 28px 36px 36px; }
.doc-kicker { margin: 0; color: var(--muted); font-size: 13px; text-transform: uppercase; letter-spacing: 0.05em; }
.doc-kicker .doc-id { text-transform: none; letter-spacing: 0; }
.doc-head h1 { margin: 4px 0 14px; }
.doc-fields { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 0 0 8px; padding: 14px 16px; background: var(--wash); border: 1px solid var(--rule); border-radius: 6px; font-size: 14px; }
.doc-fields dt { color: var(--muted); font-weight: 600; }
.doc-fields dd { margin: 0; }
.doc-fields ul { margin: 0; padding-left: 18px; }
.doc-fields .crit-links a { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 13px; }
.warn { color: #6e2800; font-weight: 600; }
.doc-body { margin-top: 22px; }
.doc-body h1, .doc-body h2, .doc-body h3, .doc-body h4 { margin: 26px 0 8px; padding: 0; border: 0; line-height: 1.25; }
.doc-body h1 { font-size: 24px; } .doc-body h2 { font-size: 20px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); } .doc-body h3 { font-size: 17px; } .doc-body h4 { font-size: 15px; }
.doc-body p, .doc-body ul, .doc-body ol, .doc-body blockquote, .doc-body pre, .doc-body table { margin: 0 0 12px; }
.doc-body li { margin: 2px 0; }
.doc-body blockquote { padding: 2px 14px; color: var(--muted); border-left: 4px solid var(--rule); }
.doc-body pre { background: var(--wash); border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; overflow-x: auto; }
.doc-body :not(pre) > code { background: var(--wash); border-radius: 4px; padding: 1px 4px; }
.doc-body table { width: auto; max-width: 100%; border-radius: 0; }
.doc-body tbody th { border-left: 0; }
.doc-body img { max-width: 100%; }
.doc-body .missing-image { color: var(--muted); font-style: italic; }
.doc-body .task-list-item { list-style: none; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.book-intro { max-width: 920px; margin: 24px auto 0; }
@media print {
  body.doc-page, body.book { background: #ffffff; }
  article.doc { max-width: none; margin: 0; padding: 0; border: 0; border-radius: 0; }
  body.book article.doc { break-before: page; }
  body.book article.doc:first-of-type { break-before: auto; }
  .book-intro { max-width: none; margin: 0; }
  .doc-fields { break-inside: avoid; }
  .doc-body h1, .doc-body h2, .doc-body h3, .doc-body h4 { break-after: avoid; }
  .doc-body pre, .doc-body tr, .doc-body li, .findings li { break-inside: avoid; }
  .doc-body a[href^="http"]::after, .doc-body a[href^="mailto:"]::after { content: " <" attr(href) ">"; font-size: 0.85em; color: var(--muted); overflow-wrap: anywhere; }
  .contents { display: block; }
  .contents li { border: 0; padding: 2px 0; }
}
`;

/** The package's one style sheet: the coverage report's styles, the navigation, the documents and print rules. */
export const PACKAGE_STYLESHEET = `${PAGE_CSS.trim()}\n${NAV_CSS.trim()}\n${PACKAGE_CSS.trim()}\n`;
