import type { AuditWindow, WindowState, WindowStatus } from './windows';

/** Wording about windows shared by the `evidence-gap` message, the code lens, the hover and the reports. */

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Gaps named one by one before the rest are counted, so a weekly control's message stays one line. */
const GAPS_NAMED = 5;

/** Windows listed one by one in the compact line; more (weeks) are counted instead. */
const WINDOWS_LISTED = 12;

export const STATUS_MARK: Readonly<Record<WindowStatus, string>> = { collected: '✓', missing: '✗', upcoming: 'upcoming' };

/** A period window's label (`2026-01-01/2026-12-31`) as prose. */
function periodText(window: AuditWindow): string {
  return `${window.start} to ${window.end}`;
}

/**
 * What the `evidence-gap` diagnostic says: `no evidence for 2026-Q3`, `no evidence for 2026-Q1
 * and 2026-Q3`, `no evidence for 2026-W02, …, 2026-W09 and 4 more weeks`. Empty for no gap.
 */
export function describeGaps(gaps: readonly AuditWindow[]): string {
  if (gaps.length === 0) return '';
  const first = gaps[0];
  if (first.kind === 'period') {
    return first.onEvent
      ? `no evidence for the period ${periodText(first)}: an item, or a note that no event occurred`
      : `no evidence in the period ${periodText(first)}`;
  }
  if (first.kind === 'as-of') return `no evidence current on ${first.end}`;
  const labels = gaps.map((gap) => gap.label);
  if (labels.length <= GAPS_NAMED + 1) return `no evidence for ${labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`}`;
  const rest = labels.length - GAPS_NAMED;
  return `no evidence for ${labels.slice(0, GAPS_NAMED).join(', ')} and ${rest} more ${first.kind}s`;
}

/**
 * A window's label without what every window shares: `Q3` when all lie in one year, `Mar`
 * for a month, `W07` for a week; the full label across years.
 */
export function shortLabel(window: AuditWindow, oneYear: boolean): string {
  if (window.kind === 'period') return 'period';
  if (window.kind === 'as-of') return `as of ${window.end}`;
  if (!oneYear || window.kind === 'year') return window.label;
  const rest = window.label.slice(5);
  return window.kind === 'month' ? (MONTH_NAMES[+rest - 1] ?? rest) : rest;
}

function inOneYear(windows: readonly AuditWindow[]): boolean {
  return new Set(windows.map((w) => w.label.slice(0, 4))).size <= 1;
}

/**
 * A control's windows on one line, for its code lens: `Q1 ✓ Q2 ✓ Q3 ✗ Q4 upcoming`, with a
 * run of upcoming windows joined (`Jan ✓ Feb ✗ Mar–Dec upcoming`); more windows than a line
 * holds (weeks) are counted: `38 weeks ✓ · 2 ✗ (W07, W12) · 13 upcoming`.
 */
export function windowLine(states: readonly WindowState[]): string {
  if (states.length === 0) return '';
  const oneYear = inOneYear(states.map((s) => s.window));
  if (states.length > WINDOWS_LISTED) return countedLine(states, oneYear);
  const parts: string[] = [];
  for (let i = 0; i < states.length; i++) {
    const label = shortLabel(states[i].window, oneYear);
    if (states[i].status !== 'upcoming') {
      parts.push(`${label} ${STATUS_MARK[states[i].status]}`);
      continue;
    }
    let last = i;
    while (last + 1 < states.length && states[last + 1].status === 'upcoming') last++;
    parts.push(`${last > i ? `${label}–${shortLabel(states[last].window, oneYear)}` : label} upcoming`);
    i = last;
  }
  return parts.join(' ');
}

function countedLine(states: readonly WindowState[], oneYear: boolean): string {
  const of = (status: WindowStatus) => states.filter((s) => s.status === status);
  const [collected, missing, upcoming] = [of('collected'), of('missing'), of('upcoming')];
  const unit = `${states[0].window.kind}s`;
  const named = missing.slice(0, GAPS_NAMED - 1).map((s) => shortLabel(s.window, oneYear));
  const more = missing.length > named.length ? `, +${missing.length - named.length}` : '';
  const parts = [`${collected.length} ${unit} ✓`];
  if (missing.length > 0) parts.push(`${missing.length} ✗ (${named.join(', ')}${more})`);
  if (upcoming.length > 0) parts.push(`${upcoming.length} upcoming`);
  return parts.join(' · ');
}

/**
 * What the quick fix for a gap writes as a new evidence entry: a name to replace and a date
 * inside the window (its last day), the user's to change to the day it was collected.
 */
export function evidencePlaceholder(window: AuditWindow): { name: string; collected: string } {
  const name = window.kind === 'period' ? `Evidence for ${periodText(window)}` : window.kind === 'as-of' ? `Evidence current on ${window.end}` : `Evidence for ${window.label}`;
  return { name, collected: window.end };
}
