import { esc } from '../html/escape';
import { BOOK_PAGE, EVIDENCE_PAGE, INDEX_PAGE, STYLESHEET, hrefFrom, soaPage } from './paths';
import { NAV_CSS } from './styles';

/** What the navigation bar offers: the parts this package has. */
export interface PackageParts {
  readonly organization?: string;
  readonly date: string;
  readonly evidence: boolean;
  readonly soas: readonly { readonly framework: string; readonly name: string }[];
}

/** Says which pages an earlier run wrote, so that a later one may replace the folder (see the command line). */
export const GENERATOR = 'Attest auditor package';

export function packageTitle(parts: PackageParts): string {
  return `Auditor package${parts.organization ? ` — ${parts.organization}` : ''}`;
}

export function navBar(page: string, parts: PackageParts): string {
  const item = (label: string, to: string, fragment?: string) => {
    const current = to === page && fragment === undefined ? ' aria-current="page"' : '';
    return `<li><a href="${esc(hrefFrom(page, to, fragment))}"${current}>${esc(label)}</a></li>`;
  };
  const items = [
    `<li class="pkg-name">${esc(packageTitle(parts))}</li>`,
    item('Coverage', INDEX_PAGE),
    ...(parts.evidence ? [item('Evidence', EVIDENCE_PAGE)] : []),
    ...parts.soas.map((s) => item(`SoA ${s.name}`, soaPage(s.framework))),
    item('Exceptions', INDEX_PAGE, 'exceptions-h'),
    item('Documents', INDEX_PAGE, 'pkg-documents'),
    item('All documents', BOOK_PAGE),
  ];
  return `<nav class="pkg-nav" aria-label="Auditor package"><ul>${items.join('')}</ul></nav>`;
}

/** A page of the package: the shared style sheet, the navigation bar, the content and a footer. */
export function packagePage(page: string, title: string, parts: PackageParts, content: readonly string[], bodyClass = ''): string {
  const lines = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${GENERATOR}">`,
    `<title>${esc(title)} (${esc(parts.date)})</title>`,
    `<link rel="stylesheet" href="${esc(hrefFrom(page, STYLESHEET))}">`,
    '</head>',
    `<body${bodyClass ? ` class="${bodyClass}"` : ''}>`,
    navBar(page, parts),
    ...content,
    `<footer class="page"><p>${esc(packageTitle(parts))} · generated <time datetime="${esc(parts.date)}">${esc(parts.date)}</time> by Attest from the workspace's documents, attest.yaml and git history. Every page works offline; links stay inside this folder.</p></footer>`,
    '</body>',
    '</html>',
  ];
  return lines.join('\n') + '\n';
}

/**
 * A page another report made whole (the statement of applicability, the evidence list), with
 * the package's navigation bar added, so that it looks as it does on its own.
 */
export function withNavigation(html: string, page: string, parts: PackageParts): string {
  const head = html.indexOf('</head>');
  const body = html.indexOf('<body>', head);
  if (head < 0 || body < 0) throw new Error(`The page for ${page} has no <head> and <body> to add the navigation to.`);
  const bodyEnd = body + '<body>'.length;
  return `${html.slice(0, head)}<meta name="generator" content="${GENERATOR}">\n<style>${NAV_CSS}</style>\n${html.slice(head, bodyEnd)}\n${navBar(page, parts)}${html.slice(bodyEnd)}`;
}
