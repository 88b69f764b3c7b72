import { esc, hrefOf } from './html/escape';
import { soaStatus, soaSummary, type Soa, type SoaRow } from './soa';

const CSS = `
body { margin: 0; background: #f6f8fa; color: #1b1f24; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Liberation Sans", Arial, sans-serif; }
header, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 28px; }
header { padding-top: 28px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #1b1f24; }
.note, footer { color: #57606a; }
table { width: 100%; border-collapse: collapse; background: #ffffff; border: 1px solid #d0d7de; }
th, td { text-align: left; vertical-align: top; padding: 7px 10px; border-bottom: 1px solid #d0d7de; }
thead th { background: #f6f8fa; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: #57606a; }
tbody th { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; white-space: nowrap; }
tr.na td, tr.na th { background: #f3f3f3; }
.docs { list-style: none; margin: 0; padding: 0; }
.status { white-space: nowrap; font-weight: 600; }
.st-uncovered { color: #6e2800; } .st-drafted { color: #5c4000; font-style: italic; } .st-documented { color: #5c4000; } .st-controlled { color: #0b3d66; } .st-implemented { color: #00513b; } .st-excepted { color: #333333; }
footer { font-size: 13px; padding-bottom: 32px; margin-top: 28px; }
@media print { body { background: #ffffff; font-size: 10pt; } header, main, footer { max-width: none; padding: 0; } tr { break-inside: avoid; } thead { display: table-header-group; } }
`;

function row(r: SoaRow, soa: Soa, linkBase: string): string {
  const docs = r.documents.map((id) => {
    const doc = soa.meta.documents.get(id);
    return doc ? `<li><a href="${esc(hrefOf(doc.relPath, linkBase))}">${esc(id)}</a> ${esc(doc.title)}</li>` : `<li>${esc(id)}</li>`;
  });
  return (
    `<tr${r.applicable ? '' : ' class="na"'}><th scope="row">${esc(r.id)}</th><td>${esc(r.title)}</td>` +
    `<td>${r.applicable ? 'Yes' : 'No'}</td><td>${esc(r.reason)}</td>` +
    `<td class="status st-${r.status}">${esc(soaStatus(r))}</td>` +
    `<td>${docs.length ? `<ul class="docs">${docs.join('')}</ul>` : ''}</td></tr>`
  );
}

/**
 * The Statement of Applicability as one self-contained page (inline CSS, no scripts): a table
 * per clause, every control with whether it applies, why not, its status and the documents
 * that implement it, linked relative to `linkBase` as the coverage report's are.
 */
export function formatSoaHtml(soa: Soa, linkBase = ''): string {
  const org = soa.meta.organization?.trim();
  const title = `Statement of Applicability: ${soa.name}`;
  const out = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}${org ? ` — ${esc(org)}` : ''} (${esc(soa.meta.date)})</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${esc(title)}</h1>`,
    ...(org ? [`<p>${esc(org)}</p>`] : []),
    `<p class="note">${esc(soa.title)}. Generated <time datetime="${esc(soa.meta.date)}">${esc(soa.meta.date)}</time>. ${esc(soaSummary(soa))}</p>`,
    ...(soa.enabled ? [] : [`<p class="note">${esc(soa.name)} is not turned on in attest.yaml: add <code>${esc(soa.framework)}</code> to <code>frameworks</code> so that the editor checks these claims.</p>`]),
    '</header>',
    '<main>',
  ];
  const groups = new Map<string, SoaRow[]>();
  for (const r of soa.rows) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  for (const [group, rows] of groups) {
    out.push(`<h2>${esc(group)}</h2>`, '<table>');
    out.push('<thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col">Applicable</th><th scope="col">Reason for exclusion</th><th scope="col">Status</th><th scope="col">Implemented by</th></tr></thead>', '<tbody>');
    for (const r of rows) out.push(row(r, soa, linkBase));
    out.push('</tbody>', '</table>');
  }
  out.push('</main>', `<footer><p>${esc(title)}${org ? ` for ${esc(org)}` : ''} · generated ${esc(soa.meta.date)} by Attest from the workspace's documents and attest.yaml.</p></footer>`, '</body>', '</html>');
  return out.join('\n') + '\n';
}
