import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Located, Range } from '../types';
import { valueOf } from '../yamlMap';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as comply's templates write it (`Jun 1 2018`, `June 1, 2018`), or ISO, as
 * YYYY-MM-DD; undefined when it is no date.
 */
export function complyDate(written: string): string | undefined {
  const text = written.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const match = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[1].toLowerCase());
  const day = Number(match[2]);
  if (month < 0 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(Number(match[3]), month, day));
  return date.getUTCDate() === day ? date.toISOString().slice(0, 10) : undefined;
}

/** The dates of comply's `majorRevisions`: the document's review history (SPEC §10), oldest first as written. */
export function revisionDates(node: YamlNode | null | undefined, rangeOf: (node: YamlNode) => Range): Located<string>[] {
  if (!isSeq(node)) return [];
  return node.items.flatMap((item) => {
    const date = isMap(item) ? valueOf(item, 'date') : undefined;
    if (!isScalar(date) || date.value === null) return [];
    const iso = complyDate(String(date.value));
    return iso ? [{ value: iso, range: rangeOf(date) }] : [];
  });
}

/**
 * How often a comply procedure's `cron` runs, as an Attest frequency: `0 0 * * *` is daily,
 * `0 0 * * 1` weekly, `0 0 1 * *` monthly, `0 0 1 1,4,7,10 *` quarterly, `0 0 1 1 *` annual.
 */
export function cronFrequency(cron: string): string | undefined {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return undefined;
  const [, , dayOfMonth, month, dayOfWeek] = fields;
  const every = (f: string) => f === '*' || f === '?';
  if (every(dayOfMonth) && every(month)) return every(dayOfWeek) ? 'daily' : 'weekly';
  if (every(month)) return 'monthly';
  const months = month.split(',').length;
  if (/^\*\/3$/.test(month) || months === 4) return 'quarterly';
  if (months === 2 || /^\*\/6$/.test(month)) return undefined;
  return months === 1 ? 'annual' : undefined;
}

/** A comply procedure's `cron` read as its frequency, at the range of the cron expression. */
export function cronAsFrequency(cron: Located<string> | undefined): Located<string> | undefined {
  const frequency = cron ? cronFrequency(cron.value) : undefined;
  return cron && frequency ? { value: frequency, range: cron.range } : undefined;
}
