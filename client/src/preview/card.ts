import { parse } from 'yaml';
import { CRITERION_SUMMARIES, ML_TOPIC_TITLES } from './catalog.generated';

const TYPES = ['policy', 'control', 'procedure', 'narrative', 'addendum'];
const CYCLE_MONTHS: Readonly<Record<string, number>> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A value of the frontmatter as text, or undefined when it is no scalar. */
function scalar(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => scalar(v) ?? []);
  const single = scalar(value);
  return single ? [single] : [];
}

/** When the next review falls due: the last review plus one cycle (YYYY-MM-DD), if both are readable. */
export function reviewDue(review: unknown): string | undefined {
  if (typeof review !== 'object' || review === null) return undefined;
  const { cycle, last } = review as Record<string, unknown>;
  const months = CYCLE_MONTHS[String(cycle).toLowerCase()];
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(scalar(last) ?? '');
  if (!months || !match) return undefined;
  const due = new Date(Date.UTC(+match[1], +match[2] - 1 + months, +match[3]));
  return due.toISOString().slice(0, 10);
}

function chip(kind: string, id: string, summary: string | undefined): string {
  const known = summary !== undefined;
  return `<li class="attest-chip attest-chip--${kind}${known ? '' : ' attest-chip--unknown'}"${known ? ` title="${escapeHtml(summary)}"` : ''}><code>${escapeHtml(id)}</code>${known ? ` <span class="attest-chip-summary">${escapeHtml(summary)}</span>` : ''}</li>`;
}

function row(label: string, value: string | undefined): string {
  return value ? `<div class="attest-fact"><dt>${label}</dt><dd>${escapeHtml(value)}</dd></div>` : '';
}

/**
 * The header card of an Attest document from its frontmatter text, as HTML; undefined when
 * the text is not a document's frontmatter (no known `type`), so that other Markdown is left
 * as the preview would show it. Every value is escaped: the frontmatter is untrusted text.
 */
export function frontmatterCard(yamlText: string): string | undefined {
  let fields: unknown;
  try {
    fields = parse(yamlText);
  } catch {
    return undefined;
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return undefined;
  const f = fields as Record<string, unknown>;
  const type = scalar(f.type)?.toLowerCase();
  if (!type || !TYPES.includes(type)) return undefined;
  const status = scalar(f.status)?.toLowerCase() ?? 'draft';
  const criteria = list(f.criteria);
  const topics = list(f.ml);
  return [
    `<section class="attest-card attest-card--${escapeHtml(type)}" data-attest-id="${escapeHtml(scalar(f.id) ?? '')}">`,
    '<header class="attest-card-head">',
    `<span class="attest-type">${escapeHtml(type)}</span>`,
    `<span class="attest-id">${escapeHtml(scalar(f.id) ?? '(no id)')}</span>`,
    `<span class="attest-status attest-status--${escapeHtml(status)}">${escapeHtml(status)}</span>`,
    '</header>',
    scalar(f.title) ? `<div class="attest-title">${escapeHtml(scalar(f.title) ?? '')}</div>` : '',
    '<dl class="attest-facts">',
    row('Owner', scalar(f.owner)),
    row('Review due', reviewDue(f.review)),
    row('Policy', scalar(f.policy)),
    row('Extends', scalar(f.extends)),
    row('Frequency', scalar(f.frequency)),
    row('Version', scalar(f.version)),
    '</dl>',
    criteria.length ? `<ul class="attest-chips" aria-label="Criteria">${criteria.map((id) => chip('criterion', id, CRITERION_SUMMARIES[id])).join('')}</ul>` : '',
    topics.length ? `<ul class="attest-chips" aria-label="ML topics">${topics.map((id) => chip('ml', id, ML_TOPIC_TITLES[id])).join('')}</ul>` : '',
    '</section>',
  ].join('\n') + '\n';
}
