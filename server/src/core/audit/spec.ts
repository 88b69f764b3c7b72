import { addDays, addMonths, isIsoDate } from './dates';

/** Inclusive ISO dates. */
export interface AuditPeriod {
  readonly start: string;
  readonly end: string;
}

/**
 * The audit being prepared, from attest.yaml's `audit`: a Type I audit looks at the design
 * of the controls on one date, a Type II audit at their operation over a period.
 */
export type AuditSpec = { readonly type: 1; readonly date: string } | { readonly type: 2; readonly period: AuditPeriod };

export interface AuditSpecProblem {
  /**
   * The keys from the root of attest.yaml to the value at fault, where the diagnostic goes
   * (`['audit', 'period', 'end']`); for a missing key, the mapping that lacks it.
   */
  readonly path: readonly string[];
  /** `error`: the spec is unusable and not returned; `warning`: it is returned, but unusual or with a key too many. */
  readonly severity: 'error' | 'warning';
  /** The rule code the config reader would report it under. */
  readonly code: 'invalid-value' | 'missing-field' | 'unknown-field';
  readonly message: string;
}

export interface AuditSpecResult {
  /** Undefined when `audit` is absent or has an error. */
  readonly spec: AuditSpec | undefined;
  readonly problems: readonly AuditSpecProblem[];
}

/** SOC 2 Type II reports cover 3 to 12 months; beyond 15 the period is surely a typing slip (a year too far). */
const USUAL_MIN_MONTHS = 3;
const USUAL_MAX_MONTHS = 12;
const MAX_MONTHS = 15;

const SHAPE = '`audit` is `{ type: 2, period: { start: <date>, end: <date> } }` for a Type II audit or `{ type: 1, date: <date> }` for a Type I audit.';

/**
 * `audit` from attest.yaml, as the YAML library gives it (plain objects and scalars). Absent
 * (`undefined` or `null`): no spec and no problem, since `audit` is optional.
 */
export function parseAuditSpec(raw: unknown): AuditSpecResult {
  if (raw === undefined || raw === null) return { spec: undefined, problems: [] };
  const problems: AuditSpecProblem[] = [];
  const error = (path: readonly string[], code: AuditSpecProblem['code'], message: string) => problems.push({ path, severity: 'error', code, message });
  // As elsewhere in attest.yaml, a key Attest does not know is a warning: the rest still counts.
  const unknown = (path: readonly string[], message: string) => problems.push({ path, severity: 'warning', code: 'unknown-field', message });
  if (!isRecord(raw)) {
    error(['audit'], 'invalid-value', SHAPE);
    return { spec: undefined, problems };
  }
  if (!('type' in raw)) {
    error(['audit'], 'missing-field', `\`audit\` needs a \`type\`: 1 or 2. ${SHAPE}`);
    return { spec: undefined, problems };
  }
  if (raw.type !== 1 && raw.type !== 2) {
    error(['audit', 'type'], 'invalid-value', `\`audit.type\` must be 1 or 2 (a number), not ${shown(raw.type)}.`);
    return { spec: undefined, problems };
  }
  const allowed = raw.type === 1 ? 'date' : 'period';
  const other = raw.type === 1 ? 'period' : 'date';
  for (const key of Object.keys(raw)) {
    if (key === 'type' || key === allowed) continue;
    unknown(
      ['audit', key],
      key === other
        ? `A Type ${raw.type === 1 ? 'I' : 'II'} audit takes \`audit.${allowed}\`, not \`audit.${other}\`.`
        : `\`audit\` takes \`type\` and \`${allowed}\`, not \`${key}\`.`,
    );
  }
  if (raw.type === 1) {
    const date = dateAt(raw, 'date', ['audit'], problems);
    return problems.some((p) => p.severity === 'error') || date === undefined ? { spec: undefined, problems } : { spec: { type: 1, date }, problems };
  }
  const period = raw.period;
  if (period === undefined || period === null) {
    error(['audit'], 'missing-field', 'A Type II audit needs `audit.period: { start: <date>, end: <date> }`, the observation period.');
    return { spec: undefined, problems };
  }
  if (!isRecord(period)) {
    error(['audit', 'period'], 'invalid-value', '`audit.period` is `{ start: <date>, end: <date> }`.');
    return { spec: undefined, problems };
  }
  for (const key of Object.keys(period)) {
    if (key !== 'start' && key !== 'end') unknown(['audit', 'period', key], `\`audit.period\` takes \`start\` and \`end\`, not \`${key}\`.`);
  }
  const start = dateAt(period, 'start', ['audit', 'period'], problems);
  const end = dateAt(period, 'end', ['audit', 'period'], problems);
  if (start !== undefined && end !== undefined) problems.push(...periodLengthProblems({ start, end }));
  if (problems.some((p) => p.severity === 'error') || start === undefined || end === undefined) return { spec: undefined, problems };
  return { spec: { type: 2, period: { start, end } }, problems };
}

/** What is wrong or unusual with the length of a period whose dates are valid. */
function periodLengthProblems(period: AuditPeriod): AuditSpecProblem[] {
  const problem = (severity: AuditSpecProblem['severity'], message: string): AuditSpecProblem[] => [{ path: ['audit', 'period', 'end'], severity, code: 'invalid-value', message }];
  const usual = `SOC 2 Type II periods are ${USUAL_MIN_MONTHS} to ${USUAL_MAX_MONTHS} months`;
  if (period.end < period.start) return problem('error', '`audit.period.end` is before `audit.period.start`.');
  if (isLongerThan(period, MAX_MONTHS)) return problem('error', `The observation period is longer than ${MAX_MONTHS} months (${usual}): is a year mistyped?`);
  if (isLongerThan(period, USUAL_MAX_MONTHS)) return problem('warning', `The observation period is longer than ${USUAL_MAX_MONTHS} months; ${usual}.`);
  if (isShorterThan(period, USUAL_MIN_MONTHS)) return problem('warning', `The observation period is shorter than ${USUAL_MIN_MONTHS} months; ${usual}.`);
  return [];
}

/** An inclusive period of n months ends the day before the same date n months on: 2026-01-01..2026-03-31 is 3 months. */
function isLongerThan(period: AuditPeriod, months: number): boolean {
  return period.end >= addMonths(period.start, months);
}

function isShorterThan(period: AuditPeriod, months: number): boolean {
  return period.end < addDays(addMonths(period.start, months), -1);
}

/**
 * A required date under `parent`. The YAML library keeps `2026-01-01` a string; a reader
 * using YAML 1.1 timestamps hands over a Date at midnight UTC, which means the same day.
 */
function dateAt(parent: Record<string, unknown>, key: string, parentPath: readonly string[], problems: AuditSpecProblem[]): string | undefined {
  const where = [...parentPath, key].join('.');
  const value = parent[key];
  if (value === undefined || value === null) {
    problems.push({ path: parentPath, severity: 'error', code: 'missing-field', message: `\`${parentPath.join('.')}\` needs \`${key}\`, a date (YYYY-MM-DD).` });
    return undefined;
  }
  const text = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().replace(/T00:00:00\.000Z$/, '') : value;
  if (isIsoDate(text)) return text;
  problems.push({ path: [...parentPath, key], severity: 'error', code: 'invalid-value', message: `\`${where}\` must be a date written YYYY-MM-DD, not ${shown(value)}.` });
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function shown(value: unknown): string {
  if (typeof value === 'string') return `\`${value}\``;
  if (typeof value === 'number' || typeof value === 'boolean') return `\`${String(value)}\``;
  return Array.isArray(value) ? 'a list' : 'a mapping';
}
