import { buildEvidenceList, requestsByCriterion, type EvidenceItem, type EvidenceList, type EvidenceListInput, type EvidenceRequest } from '../core/audit/requests';
import type { AuditSpec } from '../core/audit/spec';
import { WINDOW_STATUSES, type AuditWindow, type WindowStatus, type WindowStatusOptions } from '../core/audit/windows';
import { plural } from '../core/words';

/**
 * The evidence request list an auditor sends for an audit (the PBC list, "prepared by
 * client"), one row per control and window, in four formats: csv and json for trackers and
 * scripts (one row per request), markdown and html for people (grouped by criterion).
 */

export type EvidenceFormat = 'csv' | 'markdown' | 'json' | 'html';
export const EVIDENCE_FORMATS: readonly EvidenceFormat[] = ['csv', 'markdown', 'json', 'html'];

export interface EvidenceHtmlOptions {
  /** The workspace root's URL seen from the page's folder, ending in `/` (see `linkBaseBetween`); empty: the page sits at the root. */
  readonly linkBase?: string;
  /** Where a control's link goes instead of its Markdown file (an auditor package links its rendered page): a URL, percent-encoded by the caller. */
  readonly documentHref?: (relPath: string) => string;
}

export function formatEvidenceList(input: EvidenceListInput, format: EvidenceFormat, options: WindowStatusOptions & EvidenceHtmlOptions = {}): string {
  const list = buildEvidenceList(input, options);
  switch (format) {
    case 'csv':
      return formatEvidenceCsv(list);
    case 'markdown':
      return formatEvidenceMarkdown(list);
    case 'json':
      return formatEvidenceJson(list);
    case 'html':
      return formatEvidenceHtml(list, options);
  }
}

const STATUS_GLYPH: Readonly<Record<WindowStatus, string>> = { collected: '✓', missing: '✗', upcoming: '○' };

export function auditText(audit: AuditSpec): string {
  return audit.type === 1 ? `SOC 2 Type I, as of ${audit.date}` : `SOC 2 Type II, observation period ${audit.period.start} to ${audit.period.end}`;
}

/** A window as a person reads it: `2026-Q3`, `2026-01-01 to 2026-12-31`, `current on 2026-06-30`. */
export function windowText(window: AuditWindow): string {
  if (window.kind === 'period') return `${window.start} to ${window.end}`;
  return window.kind === 'as-of' ? `current on ${window.end}` : window.label;
}

/** `Q1 access review (evidence/q1.pdf, 2026-02-10)`; a note that no event occurred says so. */
export function evidenceItemText(item: EvidenceItem): string {
  const where = item.path ?? item.url;
  const name = item.name ?? where ?? (item.noEvent ? 'No event occurred' : 'Unnamed evidence');
  const details = [name !== where ? where : undefined, item.noEvent ? 'no event occurred' : undefined, item.collected].filter((d): d is string => !!d);
  return details.length > 0 ? `${name} (${details.join(', ')})` : name;
}

function countsText(list: EvidenceList): string {
  return `${plural(list.requests.length, 'request')}: ${WINDOW_STATUSES.map((s) => `${list.counts[s]} ${s}`).join(', ')}`;
}

// ---- csv

/**
 * RFC 4180: CRLF between records, a field quoted when it holds a comma, quote or line break,
 * quotes doubled. A field that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`)
 * gets a leading apostrophe, since names come from the workspace and the file is opened in one.
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const EVIDENCE_CSV_COLUMNS = ['request', 'criteria', 'control', 'title', 'owner', 'frequency', 'window', 'start', 'end', 'due', 'status', 'evidence'] as const;

export function formatEvidenceCsv(list: EvidenceList): string {
  const rows: string[][] = [[...EVIDENCE_CSV_COLUMNS]];
  for (const r of list.requests) {
    const evidence = r.evidence.map(evidenceItemText).join('; ');
    rows.push([r.id, r.criteria.join(' '), r.control.id, r.control.title, r.owner ?? '', r.frequency ?? '', windowText(r.window), r.window.start, r.window.end, r.due, r.status, evidence]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// ---- json

/**
 * A stable shape: every key always present, `null` where a value is absent.
 *
 * { format: 'attest-evidence-requests', version: 1, organization: string | null, today: date,
 *   audit: { type: 1, date } | { type: 2, period: { start, end } },
 *   counts: { collected, missing, upcoming },
 *   requests: [{ id, criteria: string[], control: { id, title, path }, owner: string | null,
 *     frequency: string | null, window: { label, kind, start, end }, due: date,
 *     status: 'collected' | 'missing' | 'upcoming',
 *     evidence: [{ name, path, url, collected: string | null, noEvent: boolean }] }] }
 *
 * Dates are YYYY-MM-DD; `window.kind` is week, month, quarter, year, period or as-of.
 */
export function formatEvidenceJson(list: EvidenceList): string {
  const audit = list.audit.type === 1 ? { type: 1, date: list.audit.date } : { type: 2, period: { start: list.audit.period.start, end: list.audit.period.end } };
  const requests = list.requests.map((r) => ({
    id: r.id,
    criteria: r.criteria,
    control: { id: r.control.id, title: r.control.title, path: r.control.relPath },
    owner: r.owner ?? null,
    frequency: r.frequency ?? null,
    window: { label: r.window.label, kind: r.window.kind, start: r.window.start, end: r.window.end },
    due: r.due,
    status: r.status,
    evidence: r.evidence.map((e) => ({ name: e.name ?? null, path: e.path ?? null, url: e.url ?? null, collected: e.collected ?? null, noEvent: e.noEvent === true })),
  }));
  const counts = { collected: list.counts.collected, missing: list.counts.missing, upcoming: list.counts.upcoming };
  return JSON.stringify({ format: 'attest-evidence-requests', version: 1, organization: list.organization ?? null, today: list.today, audit, counts, requests }, null, 2) + '\n';
}

// ---- markdown

/** One line, no column break, no raw HTML. */
function mdCell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

const NO_CRITERION = 'No criterion claimed';

/**
 * One section per criterion, because auditors test criterion by criterion and send their
 * requests organised that way; a request shared by several criteria keeps its id in each.
 */
export function formatEvidenceMarkdown(list: EvidenceList): string {
  const lines = [`# Evidence requests${list.organization ? ` — ${mdCell(list.organization)}` : ''}`, ''];
  lines.push(`${auditText(list.audit)}; as of ${list.today}. ${countsText(list)}.`, '');
  lines.push('Each request is one control’s evidence for one window; a window has ended once its last day is over. A request for a control that meets several criteria appears under each of them, with the same id.');
  if (list.requests.length === 0) lines.push('', 'No controls, so no requests.');
  for (const [criterion, requests] of requestsByCriterion(list.requests)) {
    lines.push('', `## ${criterion || NO_CRITERION}`, '', '| Request | Control | Owner | Frequency | Window | Due | Status | Evidence |', '| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of requests) {
      const cells = [r.id, `${r.control.id} — ${r.control.title}`, r.owner ?? '—', r.frequency ?? '—', windowText(r.window), r.due, `${STATUS_GLYPH[r.status]} ${r.status}`, r.evidence.map(evidenceItemText).join('; ') || '—'];
      lines.push(`| ${cells.map(mdCell).join(' | ')} |`);
    }
  }
  return lines.join('\n') + '\n';
}

// ---- html

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A workspace path as a relative URL, each segment percent-encoded; none for a path that leaves the workspace. */
function pathHref(relPath: string, linkBase: string): string | undefined {
  const segments = relPath.replace(/\\/g, '/').replace(/^\.\//, '').split('/');
  if (relPath.startsWith('/') || segments.includes('..') || /^[a-z][a-z0-9+.-]*:/i.test(relPath)) return undefined;
  return linkBase + segments.map((s) => encodeURIComponent(s)).join('/');
}

function link(text: string, href: string | undefined, className = ''): string {
  const cls = className ? ` class="${className}"` : '';
  return href === undefined ? `<span${cls}>${esc(text)}</span>` : `<a${cls} href="${esc(href)}">${esc(text)}</a>`;
}

function itemHtml(item: EvidenceItem, linkBase: string): string {
  // Only web addresses are linked among URLs: a `javascript:` one must not become a link.
  const href = item.path !== undefined ? pathHref(item.path, linkBase) : item.url && /^https?:\/\//i.test(item.url) ? item.url : undefined;
  const where = item.path ?? item.url;
  const name = item.name ?? where ?? (item.noEvent ? 'No event occurred' : 'Unnamed evidence');
  // The path stays in the text, not only in the link, so a printed copy says where the evidence is.
  const details = [name !== where ? where : undefined, item.noEvent ? 'no event occurred' : undefined].filter((d): d is string => !!d).map(esc);
  if (item.collected) details.push(`<time class="nowrap" datetime="${esc(item.collected)}">${esc(item.collected)}</time>`);
  return `<li>${link(name, href)}${details.length > 0 ? ` <span class="muted">${details.join(', ')}</span>` : ''}</li>`;
}

function rowHtml(r: EvidenceRequest, options: EvidenceHtmlOptions): string {
  const linkBase = options.linkBase ?? '';
  const docHref = options.documentHref ? options.documentHref(r.control.relPath) : pathHref(r.control.relPath, linkBase);
  const dates = r.window.kind === 'as-of' ? `since ${r.window.start}` : r.window.kind === 'period' ? '' : `${r.window.start} – ${r.window.end}`;
  const evidence = r.evidence.length > 0 ? `<ul>${r.evidence.map((e) => itemHtml(e, linkBase)).join('')}</ul>` : '<span class="muted">—</span>';
  return (
    `<tr class="row-${r.status}"><td class="mono req">${esc(r.id)}</td>` +
    `<td>${link(r.control.id, docHref, 'mono')}<br>${esc(r.control.title)}</td>` +
    `<td>${esc(r.owner ?? '—')}</td><td>${esc(r.frequency ?? '—')}</td>` +
    `<td class="nowrap">${esc(windowText(r.window))}${dates ? `<br><span class="muted">${esc(dates)}</span>` : ''}</td>` +
    `<td class="nowrap">${esc(r.due)}</td>` +
    `<td class="nowrap"><span class="chip st-${r.status}"><span aria-hidden="true">${STATUS_GLYPH[r.status]}</span> ${r.status}</span></td>` +
    `<td>${evidence}</td></tr>`
  );
}

function anchorOf(criterion: string): string {
  return criterion ? `crit-${criterion.replace(/[^A-Za-z0-9_-]+/g, '-')}` : 'crit-none';
}

const CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --wash: #f6f8fa; --link: #0a4fb0; }
body { margin: 0 auto; max-width: 1200px; padding: 24px 28px; color: var(--ink); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Liberation Sans", Arial, sans-serif; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
a { color: var(--link); } .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
.muted { color: var(--muted); } .nowrap { white-space: nowrap; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
col.c-req { width: 15%; } col.c-ctl { width: 16%; } col.c-own { width: 9%; } col.c-freq { width: 9%; } col.c-win { width: 13%; } col.c-due { width: 8%; } col.c-st { width: 10%; }
td.req { overflow-wrap: anywhere; } td ul { overflow-wrap: anywhere; } th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--rule); }
thead th { background: var(--wash); font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.02em; color: var(--muted); }
td ul { margin: 0; padding-left: 16px; }
td ul li { margin-bottom: 2px; }
.chip { display: inline-block; border: 1px solid; border-radius: 999px; padding: 0 7px; font-weight: 600; font-size: 0.85em; }
/* Okabe–Ito hues, as tints with dark text; the glyph and the word carry the status without colour. */
.st-collected { background: #d2f0e5; color: #00513b; border-color: #009e73; }
.st-missing { background: #fbe3d4; color: #6e2800; border-color: #d55e00; }
.st-upcoming { background: #eeeeee; color: #333333; border-color: #8c8c8c; }
tr.row-missing td:first-child { box-shadow: inset 4px 0 #d55e00; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; } thead { display: table-header-group; } tr { break-inside: avoid; }
}
`;

export function formatEvidenceHtml(list: EvidenceList, options: EvidenceHtmlOptions = {}): string {
  const org = list.organization?.trim();
  const out = ['<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">'];
  out.push(`<title>Evidence requests${org ? ` — ${esc(org)}` : ''} (${esc(list.today)})</title>`, `<style>${CSS}</style>`, '</head>', '<body>');
  out.push('<header>', `<h1>Evidence requests${org ? ` — ${esc(org)}` : ''}</h1>`);
  out.push(`<p>${esc(auditText(list.audit))}; as of <time datetime="${esc(list.today)}">${esc(list.today)}</time>. ${esc(countsText(list))}.</p>`);
  out.push(
    '<p class="muted">Each request is one control’s evidence for one window. <strong>Collected</strong>: evidence dated in the window; ' +
      '<strong>missing</strong>: the window has ended without any; <strong>upcoming</strong>: the window is not over. ' +
      'A request for a control that meets several criteria appears under each of them, with the same id.</p>',
    '</header>',
    '<main>',
  );
  if (list.requests.length === 0) out.push('<p>No controls, so no requests.</p>');
  for (const [criterion, requests] of requestsByCriterion(list.requests)) {
    const heading = criterion || NO_CRITERION;
    out.push(`<section aria-labelledby="${anchorOf(criterion)}">`, `<h2 id="${anchorOf(criterion)}">${esc(heading)}</h2>`, '<table>');
    out.push('<colgroup><col class="c-req"><col class="c-ctl"><col class="c-own"><col class="c-freq"><col class="c-win"><col class="c-due"><col class="c-st"><col></colgroup>');
    out.push('<thead><tr><th scope="col">Request</th><th scope="col">Control</th><th scope="col">Owner</th><th scope="col">Frequency</th><th scope="col">Window</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">Evidence</th></tr></thead>');
    out.push('<tbody>', ...requests.map((r) => rowHtml(r, options)), '</tbody>', '</table>', '</section>');
  }
  out.push('</main>', '</body>', '</html>');
  return out.join('\n') + '\n';
}
