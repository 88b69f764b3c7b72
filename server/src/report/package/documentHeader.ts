import { anchorOf, esc } from '../html/escape';
import { INDEX_PAGE, hrefFrom } from './paths';
import type { DocumentMeta, EvidenceLine } from './metadata';
import type { FileHistory } from './types';

/** What a document's header links to, from the page it is shown on. */
export interface HeaderLinks {
  /** The page the header is on. */
  readonly page: string;
  /** Ids of the rows of the index (criteria, ML topics, framework items): a claim links back to its row where there is one. */
  readonly indexAnchors: ReadonlySet<string>;
  /** The URL of a document by id, or undefined where none has it. */
  document(id: string): string | undefined;
  /** The URL of a workspace file copied into the package, or undefined where there is none. */
  file(relPath: string): string | undefined;
  /** The documents that name this one as their `policy` or `extends`. */
  readonly referencedBy: readonly { readonly id: string; readonly title: string; readonly href: string }[];
}

const TYPE_LABEL: Readonly<Record<string, string>> = { policy: 'Policy', control: 'Control', procedure: 'Procedure', narrative: 'Narrative', addendum: 'ML addendum' };

/** The header of a document: kind and id, title, then every field an auditor reads before the text. */
export function documentHeader(meta: DocumentMeta, history: FileHistory, links: HeaderLinks): string {
  const rows: [string, string][] = [
    ['Owner', meta.owner ? esc(meta.owner) : none('no owner named')],
    ['Status', meta.status ? esc(meta.status) : none('not stated')],
    ['Version', meta.version ? esc(meta.version) : none('not stated')],
  ];
  if (meta.effective) rows.push(['Effective', dateHtml(meta.effective)]);
  rows.push(['Approval', approvalHtml(meta)]);
  rows.push(['Review', reviewHtml(meta)]);
  rows.push(['Last change', lastChangeHtml(meta.relPath, history)]);
  if (meta.policy) rows.push(['Policy', documentLink(meta.policy, links)]);
  if (meta.extends) rows.push(['Extends', documentLink(meta.extends, links)]);
  if (meta.frequency) rows.push(['Frequency', esc(meta.frequency)]);
  rows.push(['Criteria', claimLinks(meta.criteria, (c) => anchorOf('crit', c), links) || none('none claimed')]);
  if (meta.ml.length > 0) rows.push(['ML topics', claimLinks(meta.ml, (t) => anchorOf('ml', t), links)]);
  for (const s of meta.satisfies) rows.push([`Satisfies ${s.framework}`, claimLinks(s.ids, (id) => anchorOf(`fw-${s.framework}`, id), links) || none('no items')]);
  if (meta.type === 'control') rows.push(['Evidence', meta.evidence.length > 0 ? `<ul>${meta.evidence.map((e) => `<li>${evidenceHtml(e, links)}</li>`).join('')}</ul>` : none('none recorded')]);
  if (links.referencedBy.length > 0) {
    rows.push(['Referenced by', `<ul>${links.referencedBy.map((r) => `<li><a class="doc-id" href="${esc(r.href)}">${esc(r.id)}</a> ${esc(r.title)}</li>`).join('')}</ul>`]);
  }
  rows.push(['File', `<code>${esc(meta.relPath)}</code>`]);
  const kicker = `${esc(TYPE_LABEL[meta.type] ?? meta.type)}${meta.id ? ` · <span class="doc-id">${esc(meta.id)}</span>` : ''}`;
  return [
    '<header class="doc-head">',
    `<p class="doc-kicker">${kicker}</p>`,
    `<h1>${esc(meta.title)}</h1>`,
    `<dl class="doc-fields">${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`,
    '</header>',
  ].join('\n');
}

function none(text: string): string {
  return `<span class="none">${esc(text)}</span>`;
}

function dateHtml(date: string): string {
  return `<time datetime="${esc(date)}">${esc(date)}</time>`;
}

function approvalHtml(meta: DocumentMeta): string {
  const { by, on } = meta.approval ?? {};
  if (by || on) return `${by ? `by ${esc(by)}` : 'by an approver not named'}${on ? ` on ${dateHtml(on)}` : ', date not recorded'}`;
  return meta.status === 'approved' || meta.status === 'implemented' ? '<span class="warn">not recorded</span> (no <code>approval: { by, on }</code>)' : none('not approved');
}

function reviewHtml(meta: DocumentMeta): string {
  const review = meta.review;
  if (!review) return none('no review cycle');
  const parts = [review.cycle ? esc(review.cycle) : undefined, review.last ? `last ${dateHtml(review.last)}` : 'never reviewed', review.due ? `next due ${dateHtml(review.due)}` : undefined];
  return parts.filter((p) => p !== undefined).join('; ');
}

/** The last commit that changed the file, as git has it; or why there is none. */
export function lastChangeHtml(relPath: string, history: FileHistory): string {
  if (history.kind === 'none') return none(history.reason);
  const change = history.lastChange.get(relPath);
  const uncommitted = history.uncommitted.has(relPath);
  if (!change) return uncommitted ? '<span class="warn">not committed</span>' : none('no commit found');
  const text = `<time datetime="${esc(change.date)}">${esc(change.date.slice(0, 10))}</time> by ${esc(change.author)}, commit <code title="${esc(change.commit)}">${esc(change.commit.slice(0, 10))}</code>`;
  return uncommitted ? `${text}; <span class="warn">changed since, not committed</span>` : text;
}

function documentLink(id: string, links: HeaderLinks): string {
  const href = links.document(id);
  return href ? `<a class="doc-id" href="${esc(href)}">${esc(id)}</a>` : `<code>${esc(id)}</code> ${none('not in the workspace')}`;
}

/** Claims as links to their rows in the index, where the index has a row for them (in scope, turned on). */
function claimLinks(ids: readonly string[], anchor: (id: string) => string, links: HeaderLinks): string {
  if (ids.length === 0) return '';
  const items = ids.map((id) => {
    const target = anchor(id);
    return links.indexAnchors.has(target) ? `<a href="${esc(hrefFrom(links.page, INDEX_PAGE, target))}">${esc(id)}</a>` : `<span title="not in the audit's scope">${esc(id)}</span>`;
  });
  return `<span class="crit-links">${items.join(', ')}</span>`;
}

function evidenceHtml(item: EvidenceLine, links: HeaderLinks): string {
  const where = item.path ?? item.url;
  const name = esc(item.name ?? where ?? (item.noEvent ? 'No event occurred' : 'Unnamed evidence'));
  const copied = item.path !== undefined ? links.file(item.path) : undefined;
  const web = item.url !== undefined && /^https?:\/\//i.test(item.url) ? item.url : undefined;
  const href = copied ?? web;
  const details = [
    item.path !== undefined && copied === undefined ? `<span class="warn">no file at ${esc(item.path)}</span>` : where && where !== item.name ? esc(where) : undefined,
    item.noEvent ? 'no event occurred' : undefined,
    item.collected ? `collected ${dateHtml(item.collected)}` : undefined,
  ].filter((d): d is string => d !== undefined);
  return `${href ? `<a href="${esc(href)}">${name}</a>` : name}${details.length > 0 ? ` <span class="doc-meta">${details.join(', ')}</span>` : ''}`;
}
