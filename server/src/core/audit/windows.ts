import { addDays, isIsoDate, isoDate, isoWeekOf, isoWeekday, lastDayOfMonth, max, min, partsOf } from './dates';
import type { AuditPeriod, AuditSpec } from './spec';

export type { AuditPeriod, AuditSpec } from './spec';

/** A control's `frequency` values, repeated here so the audit core stands on its own (a test keeps them equal to the schema's). */
export const AUDIT_FREQUENCIES = ['continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'annual', 'on-event'] as const;
export type AuditFrequency = (typeof AUDIT_FREQUENCIES)[number];

export function isAuditFrequency(value: unknown): value is AuditFrequency {
  return typeof value === 'string' && (AUDIT_FREQUENCIES as readonly string[]).includes(value);
}

/**
 * What a window is: a calendar `week` (ISO), `month`, `quarter` or `year`; the whole
 * `period` (controls run on events or with no frequency); or the span of evidence that is
 * still current on a Type I audit's date (`as-of`).
 */
export type WindowKind = 'week' | 'month' | 'quarter' | 'year' | 'period' | 'as-of';

export interface AuditWindow {
  /** `2026-03`, `2026-Q3`, `2026-W07`, `2026`; `2026-01-01/2026-12-31` (an ISO interval) for a period; the date for `as-of`. */
  readonly label: string;
  /** Inclusive ISO dates, clipped to the observation period. */
  readonly start: string;
  readonly end: string;
  readonly kind: WindowKind;
  /** An on-event control's window, where a note that no event occurred stands for evidence. */
  readonly onEvent: boolean;
}

/**
 * How often each frequency is checked: `continuous` and `daily` controls are sampled by the
 * month, as auditors sample them; `on-event` (and no frequency) needs one item in the period.
 */
const WINDOW_KIND: Readonly<Record<AuditFrequency, WindowKind>> = {
  continuous: 'month',
  daily: 'month',
  weekly: 'week',
  monthly: 'month',
  quarterly: 'quarter',
  annual: 'year',
  'on-event': 'period',
};

/** The calendar window of a kind that holds a date. */
function calendarWindow(kind: 'week' | 'month' | 'quarter' | 'year', date: string): { label: string; start: string; end: string } {
  const { year, month } = partsOf(date);
  switch (kind) {
    case 'week': {
      const monday = addDays(date, 1 - isoWeekday(date));
      const week = isoWeekOf(date);
      return { label: `${week.year}-W${pad2(week.week)}`, start: monday, end: addDays(monday, 6) };
    }
    case 'month':
      return { label: `${year}-${pad2(month)}`, start: isoDate(year, month, 1), end: isoDate(year, month, lastDayOfMonth(year, month)) };
    case 'quarter': {
      const quarter = Math.ceil(month / 3);
      const last = quarter * 3;
      return { label: `${year}-Q${quarter}`, start: isoDate(year, last - 2, 1), end: isoDate(year, last, lastDayOfMonth(year, last)) };
    }
    case 'year':
      return { label: String(year), start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
  }
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The windows that split a Type II observation period for a control of this frequency, in
 * order, each clipped to the period but labelled by its calendar window (a period from
 * 2026-02-15 opens with 2026-02, from 2026-02-15 to 2026-02-28). Without a frequency, one
 * window spans the period, as for `on-event`, though no "no event" note counts there.
 */
export function windowsOf(frequency: AuditFrequency | undefined, period: AuditPeriod): AuditWindow[] {
  if (!isIsoDate(period.start) || !isIsoDate(period.end) || period.end < period.start) return [];
  const kind = frequency ? WINDOW_KIND[frequency] : 'period';
  const onEvent = frequency === 'on-event';
  if (kind === 'period' || kind === 'as-of') return [{ label: `${period.start}/${period.end}`, start: period.start, end: period.end, kind: 'period', onEvent }];
  const windows: AuditWindow[] = [];
  for (let cursor = period.start; cursor <= period.end; ) {
    const calendar = calendarWindow(kind, cursor);
    windows.push({ label: calendar.label, start: max(calendar.start, period.start), end: min(calendar.end, period.end), kind, onEvent });
    cursor = addDays(calendar.end, 1);
  }
  return windows;
}

/**
 * How far back evidence still counts: one cycle of the frequency and a grace. The Type I
 * list and `evidence-overdue` both read this table, so a control current in the editor is
 * current in the Type I list.
 */
export const AS_OF_LOOKBACK_DAYS: Readonly<Record<AuditFrequency | 'none', number>> = {
  continuous: 31,
  daily: 3,
  weekly: 10,
  monthly: 35,
  quarterly: 100,
  annual: 380,
  'on-event': 380,
  none: 380,
};

/** The single window of a Type I audit: evidence current on its date. */
export function asOfWindow(frequency: AuditFrequency | undefined, date: string): AuditWindow {
  return { label: date, start: addDays(date, -AS_OF_LOOKBACK_DAYS[frequency ?? 'none']), end: date, kind: 'as-of', onEvent: frequency === 'on-event' };
}

/** The windows a control's evidence is judged by under an audit of either type. */
export function auditWindows(frequency: AuditFrequency | undefined, audit: AuditSpec): AuditWindow[] {
  return audit.type === 1 ? [asOfWindow(frequency, audit.date)] : windowsOf(frequency, audit.period);
}

/** One evidence entry as the windows see it; `noEvent` marks a note that no event occurred. */
export interface EvidenceMark {
  /** ISO date the evidence was collected; entries without a valid one count for no window. */
  readonly collected?: string;
  readonly noEvent?: boolean;
}

export type WindowStatus = 'collected' | 'missing' | 'upcoming';
export const WINDOW_STATUSES: readonly WindowStatus[] = ['collected', 'missing', 'upcoming'];

export interface WindowState<E extends EvidenceMark = EvidenceMark> {
  readonly window: AuditWindow;
  readonly status: WindowStatus;
  /** The entries that count for the window, in the order given. */
  readonly evidence: readonly E[];
}

export interface WindowStatusOptions {
  /**
   * Days after today a date may lie and still count, for dates written in a time zone ahead
   * of the machine's (the `invalid-value` rule allows one). Default 0: the future never counts.
   */
  readonly futureSlackDays?: number;
}

/** A window has ended once its last day is over: on its last day it is still open. */
export function hasEnded(window: AuditWindow, today: string): boolean {
  return window.end < today;
}

/**
 * Whether an entry counts for a window: collected on one of its days (first and last
 * included), and not in the future. A note that no event occurred counts for an on-event
 * window from its first day on, even after its end, since such a note is written once the
 * period is over.
 */
export function countsFor(entry: EvidenceMark, window: AuditWindow, today: string, options: WindowStatusOptions = {}): boolean {
  const date = entry.collected;
  if (!isIsoDate(date) || date > addDays(today, options.futureSlackDays ?? 0) || date < window.start) return false;
  return entry.noEvent ? window.onEvent : date <= window.end;
}

export function windowStatuses<E extends EvidenceMark>(windows: readonly AuditWindow[], evidence: readonly E[], today: string, options: WindowStatusOptions = {}): WindowState<E>[] {
  return windows.map((window) => {
    const counted = evidence.filter((entry) => countsFor(entry, window, today, options));
    const status: WindowStatus = counted.length > 0 ? 'collected' : hasEnded(window, today) ? 'missing' : 'upcoming';
    return { window, status, evidence: counted };
  });
}

/** The windows that have ended without evidence, in order: what `evidence-gap` names. */
export function evidenceGaps(windows: readonly AuditWindow[], evidence: readonly EvidenceMark[], today: string, options: WindowStatusOptions = {}): AuditWindow[] {
  return windowStatuses(windows, evidence, today, options)
    .filter((state) => state.status === 'missing')
    .map((state) => state.window);
}

/**
 * Days after a window's end by which its record should be on file: a week for a weekly
 * record, about two weeks for a monthly or quarterly one (reviews are often signed off in
 * the first days after the window) and for the "no event" note of a period, a month for an
 * annual one; none under Type I, which looks at what is on file on its date.
 */
export const DUE_GRACE_DAYS: Readonly<Record<WindowKind, number>> = {
  week: 7,
  month: 15,
  quarter: 15,
  year: 30,
  period: 15,
  'as-of': 0,
};

export function dueDate(window: AuditWindow): string {
  return addDays(window.end, DUE_GRACE_DAYS[window.kind]);
}
