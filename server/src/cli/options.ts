import * as fs from 'fs';
import { distance } from 'fastest-levenshtein';
import { isIsoDate } from '../core/document/schema';
import { parseCommandArgs, type OptionSpec } from './args';
import { UsageError } from './usage';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly color: boolean;
}

export const HELP: OptionSpec = { type: 'boolean', short: 'h' };

/** The folder a command works on: at most one, `.` by default. */
export function folderOf(command: string, positionals: readonly string[]): string {
  if (positionals.length > 1) throw new UsageError(`\`attest ${command}\` takes one folder, not ${positionals.length}: ${positionals.map((p) => `\`${p}\``).join(' ')}.`);
  return positionals[0] ?? '.';
}

export function parse(command: string, args: readonly string[], options: Record<string, OptionSpec>) {
  const { values, positionals } = parseCommandArgs(command, args, { ...options, today: { type: 'string' }, help: HELP });
  if (values.help) return { help: true, values, dir: '.', today: undefined } as const;
  const dir = folderOf(command, positionals);
  const today = values.today as string | undefined;
  if (today !== undefined && !isIsoDate(today)) throw new UsageError(`\`--today\` takes a date written YYYY-MM-DD, not \`${today}\`.`);
  return { help: false, values, dir, today } as const;
}

/** Checked after the options, so that a mistyped option is reported as such rather than as a missing folder. */
export function mustBeFolder(dir: string): void {
  if (!fs.existsSync(dir)) throw new UsageError(`\`${dir}\` does not exist.`);
  if (!fs.statSync(dir).isDirectory()) throw new UsageError(`\`${dir}\` is not a folder.`);
}

export function formatOf(value: unknown, allowed: readonly string[]): string {
  const format = (value as string | undefined) ?? 'text';
  if (!allowed.includes(format)) {
    const near = nearestFormat(format, allowed);
    throw new UsageError(`\`--format\` takes ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, not \`${format}\`.${near ? ` Did you mean \`${near}\`?` : ''}`);
  }
  return format;
}

/** The format a mistyped or mis-cased one most likely meant (`JSON`, `gihub`, `xml` → none). */
function nearestFormat(format: string, allowed: readonly string[]): string | undefined {
  const typed = format.toLowerCase();
  return allowed
    .map((known) => ({ known, d: distance(typed, known) }))
    .filter(({ known, d }) => d <= Math.min(2, known.length - 2))
    .sort((a, b) => a.d - b.d)[0]?.known;
}

/** `--max-warnings N`: digits only, so that `-1`, `0x10`, `1e2` or ` 3` are not read as some other number. */
export function maxWarningsOf(value: string | true | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new UsageError(`\`--max-warnings\` takes a whole number ≥ 0, not \`${String(value)}\`.`);
  return Number(value);
}
