import type { ReportMeta } from '../coverage';
import { esc } from './escape';
import { PAGE_CSS } from './styles';

/** The organization the report is for, or nothing where none is named. */
export function organizationOf(meta: ReportMeta): string | undefined {
  return meta.organization?.trim();
}

/** Everything before the page's content: the document type, the head with title and styles, the opened body. */
export function pageOpening(meta: ReportMeta): string[] {
  const org = organizationOf(meta);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>SOC 2 coverage report${org ? ` — ${esc(org)}` : ''} (${esc(meta.date)})</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
  ];
}

/** The footer, which says what the document links are relative to, and the closing tags. */
export function pageClosing(meta: ReportMeta, linkBase: string): string[] {
  const org = organizationOf(meta);
  return [
    `<footer class="page"><p>SOC 2 coverage report${org ? ` for ${esc(org)}` : ''} · generated <time datetime="${esc(meta.date)}">${esc(meta.date)}</time>. ` +
      `Document links ${/^[a-z][a-z0-9+.-]*:/i.test(linkBase) ? 'point to the workspace folder itself' : `are relative to ${linkBase ? 'the folder this report was written to' : 'the workspace root'}`}.</p></footer>`,
    '</body>',
    '</html>',
  ];
}
