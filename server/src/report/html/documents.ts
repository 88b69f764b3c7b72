import type { Coverage } from '../../core/coverage';
import type { ReportMeta } from '../coverage';
import { esc, hrefOf } from './escape';

/** The documents of a criterion or topic: each linked to its file, titled, with type and status. */
export function documentList(ids: readonly string[], meta: ReportMeta, linkBase: string): string {
  if (ids.length === 0) return '<span class="none">none</span>';
  const items = ids.map((id) => {
    const doc = meta.documents.get(id);
    if (!doc) return `<li><code class="doc-id">${esc(id)}</code> <span class="doc-meta">not found in the workspace</span></li>`;
    const info = [doc.type, doc.status].filter((s) => s).join(' · ');
    return (
      `<li><a class="doc-id" href="${esc(hrefOf(doc.relPath, linkBase))}" title="${esc(doc.title)}">${esc(id)}</a>` +
      (info ? ` <span class="doc-meta">${esc(info)}</span>` : '') +
      '</li>'
    );
  });
  return `<ul class="docs">${items.join('')}</ul>`;
}

/**
 * Every document the report refers to, so that a printed copy names them too: controls first,
 * then procedures, policies and the rest. Empty when the report refers to none.
 */
export function documentsReferenced(coverage: Coverage, meta: ReportMeta, linkBase: string): string {
  const ids = new Set<string>();
  for (const c of coverage.criteria) if (c.status !== 'excepted') for (const id of c.documents) ids.add(id);
  for (const t of coverage.ml) for (const id of t.documents) ids.add(id);
  const rank = (type: string) => (type === 'control' ? 0 : type === 'procedure' ? 1 : type === 'policy' ? 2 : 3);
  const rows = [...ids]
    .flatMap((id) => {
      const doc = meta.documents.get(id);
      return doc ? [{ id, ...doc }] : [];
    })
    .sort((a, b) => rank(a.type) - rank(b.type) || a.id.localeCompare(b.id));
  if (rows.length === 0) return '';
  const out = ['<section aria-labelledby="documents-h">', '<h2 id="documents-h">Documents referenced</h2>', '<table class="index">'];
  out.push('<thead><tr><th scope="col">Document</th><th scope="col">Title</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">File</th></tr></thead>', '<tbody>');
  for (const d of rows) {
    out.push(
      `<tr><th scope="row" class="doc-id">${esc(d.id)}</th><td>${esc(d.title)}</td><td>${esc(d.type)}</td><td>${esc(d.status)}</td>` +
        `<td class="path"><a class="mono" href="${esc(hrefOf(d.relPath, linkBase))}">${esc(d.relPath)}</a></td></tr>`,
    );
  }
  out.push('</tbody>', '</table>', '</section>');
  return out.join('\n');
}
