/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so that no machine's time zone
 * moves a day. Dates stay strings: they compare in calendar order as plain text, and they
 * are what attest.yaml and the frontmatter hold.
 */

const DAY_MS = 86_400_000;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return date.getUTCFullYear() === +match[1] && date.getUTCMonth() === +match[2] - 1 && date.getUTCDate() === +match[3];
}

/** Year, month (1–12) and day of a date already known to be ISO. */
export function partsOf(date: string): { year: number; month: number; day: number } {
  return { year: +date.slice(0, 4), month: +date.slice(5, 7), day: +date.slice(8, 10) };
}

export function isoDate(year: number, month: number, day: number): string {
  return fromTime(Date.UTC(year, month - 1, day));
}

function fromTime(time: number): string {
  // Date.UTC maps years 0–99 to 1900–1999; toISOString's six-digit years never occur in an audit.
  return new Date(time).toISOString().slice(0, 10);
}

function timeOf(date: string): number {
  const { year, month, day } = partsOf(date);
  return Date.UTC(year, month - 1, day);
}

export function addDays(date: string, days: number): string {
  return fromTime(timeOf(date) + days * DAY_MS);
}

/** Whole days from `from` to `to`. */
export function daysFrom(from: string, to: string): number {
  return Math.round((timeOf(to) - timeOf(from)) / DAY_MS);
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day `months` months later, or that month's last day when it is shorter (01-31 + 1 → 02-28). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return isoDate(y, m, Math.min(day, lastDayOfMonth(y, m)));
}

/** 1 for Monday … 7 for Sunday, as ISO 8601 numbers weekdays. */
export function isoWeekday(date: string): number {
  return ((new Date(timeOf(date)).getUTCDay() + 6) % 7) + 1;
}

/**
 * The ISO week of a date: weeks run Monday to Sunday, and a week belongs to the year that
 * holds its Thursday, so 2027-01-01 (a Friday) is in 2026-W53 and 2024-12-30 in 2025-W01.
 */
export function isoWeekOf(date: string): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = partsOf(thursday).year;
  return { year, week: Math.floor(daysFrom(isoDate(year, 1, 1), thursday) / 7) + 1 };
}

export function min(a: string, b: string): string {
  return a < b ? a : b;
}

export function max(a: string, b: string): string {
  return a > b ? a : b;
}
