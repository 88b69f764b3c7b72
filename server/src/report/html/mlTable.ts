import type { TopicCoverage } from '../../core/coverage';
import { plural } from '../../core/words';
import type { ReportMeta } from '../coverage';
import { documentList } from './documents';
import { anchorOf, esc } from './escape';
import { chip, statusBreakdown } from './status';

/** The ML topics, apart from the criteria because they do not count towards the percentage; nothing when the ML addenda do not apply. */
export function mlTopicsTable(topics: readonly TopicCoverage[], meta: ReportMeta, linkBase: string): string[] {
  if (topics.length === 0) return [];
  const out = ['<section aria-labelledby="ml-h">', '<h2 id="ml-h">ML topics</h2>'];
  out.push(`<p class="note">${plural(topics.length, 'topic')} of the ML addenda: ${esc(statusBreakdown(topics))}. ML topics are not part of the percentage above.</p>`);
  out.push('<table>');
  out.push('<colgroup><col class="c-topic"><col class="c-status"><col class="c-docs"></colgroup>');
  out.push('<thead><tr><th scope="col">Topic</th><th scope="col">Status</th><th scope="col">Documents</th></tr></thead>', '<tbody>');
  for (const t of topics) {
    out.push(
      `<tr id="${esc(anchorOf('ml', t.topic))}" class="row-${t.status}">` +
        `<th scope="row">${esc(t.title)}<br><code class="doc-meta">${esc(t.topic)}</code></th>` +
        `<td class="status">${chip(t.status)}</td>` +
        `<td>${documentList(t.documents, meta, linkBase)}</td>` +
        '</tr>',
    );
  }
  out.push('</tbody>', '</table>', '</section>');
  return out;
}
