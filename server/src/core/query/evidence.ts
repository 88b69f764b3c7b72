import type { AuditSpec } from '../audit/spec';
import { AS_OF_LOOKBACK_DAYS, auditWindows, isAuditFrequency, windowStatuses, type AuditWindow, type WindowState } from '../audit/windows';
import type { AttestDocument, EvidenceEntry } from '../document/model';
import { evidencePath } from '../document/paths';
import { FUTURE_SLACK_DAYS, daysBetween, isFutureDate, isIsoDate } from '../document/schema';
import type { RuleContext } from '../rules/rule';

type TypeTwo = Extract<AuditSpec, { type: 2 }>;

/**
 * Days of age a control's newest evidence may have: one cycle of its frequency and a grace,
 * the same look-back a Type I audit uses (one table, in audit/windows). On-event controls,
 * and those that name no frequency, get an audit period.
 */
export function maxEvidenceAge(doc: AttestDocument): number {
  const frequency = doc.frequency?.value;
  return AS_OF_LOOKBACK_DAYS[isAuditFrequency(frequency) ? frequency : 'none'];
}

/**
 * The newest `collected` date among a control's evidence, with its entry. A date in the
 * future is a mistake (invalid-value), not evidence: it never counts as current.
 */
export function newestEvidence(doc: AttestDocument, today: string): { date: string; range: AttestDocument['evidence'][number]['collected'] } | undefined {
  let best: { date: string; range: AttestDocument['evidence'][number]['collected'] } | undefined;
  for (const entry of doc.evidence) {
    const date = entry.collected?.value;
    if (date && isIsoDate(date) && !isFutureDate(date, today) && (!best || date > best.date)) best = { date, range: entry.collected };
  }
  return best;
}

/** Whether the newest evidence is older than the control's frequency allows. */
export function isEvidenceOverdue(doc: AttestDocument, today: string): boolean {
  const newest = newestEvidence(doc, today);
  return newest !== undefined && daysBetween(newest.date, today) > maxEvidenceAge(doc);
}

/** Where a document's evidence stands, as coverage judges it; only `current` evidence can make a control implemented. */
export type EvidenceState =
  | { readonly kind: 'none' }
  /** An entry whose file does not exist (its `path`), or that says nowhere where the evidence is. */
  | { readonly kind: 'missing'; readonly path?: string }
  | { readonly kind: 'undated' }
  /** Dated, but only in the future, which is a mistake and no evidence. */
  | { readonly kind: 'future' }
  | { readonly kind: 'overdue'; readonly date: string }
  | { readonly kind: 'current'; readonly date: string };

export function evidenceState(doc: AttestDocument, ctx: Pick<RuleContext, 'today' | 'fileExists'>): EvidenceState {
  if (doc.evidence.length === 0) return { kind: 'none' };
  const missing = doc.evidence.find((e) => {
    if (e.noEvent && !e.path && !e.url) return false;
    const path = e.path ? evidencePath(e.path.value) : undefined;
    return path ? !ctx.fileExists(path) : !!e.path || !e.url;
  });
  if (missing) return { kind: 'missing', ...(missing.path ? { path: missing.path.value } : {}) };
  const newest = newestEvidence(doc, ctx.today);
  if (!newest) return doc.evidence.some((e) => e.collected && isIsoDate(e.collected.value)) ? { kind: 'future' } : { kind: 'undated' };
  return isEvidenceOverdue(doc, ctx.today) ? { kind: 'overdue', date: newest.date } : { kind: 'current', date: newest.date };
}

/**
 * A control that is implemented and whose evidence exists and is current (SPEC §7). Under a
 * Type II audit, "current" is judged by the windows, not by the newest date: every window
 * that has ended has evidence (no gap so far), whatever the age of the newest entry.
 */
export function isImplemented(doc: AttestDocument, ctx: Pick<RuleContext, 'today' | 'fileExists' | 'config'>): boolean {
  if (doc.type !== 'control' || doc.status?.value !== 'implemented') return false;
  const state = evidenceState(doc, ctx).kind;
  const audit = typeTwoAudit(ctx.config.audit);
  if (!audit) return state === 'current';
  return (state === 'current' || state === 'overdue') && evidenceGaps(doc, audit, ctx.today).length === 0;
}

/** The audit when it is a Type II one, whose windows judge the evidence. */
export function typeTwoAudit(audit: AuditSpec | undefined): TypeTwo | undefined {
  return audit?.type === 2 ? audit : undefined;
}

/** An evidence entry as the windows read it, with the entry it came from. */
export interface WindowedEntry {
  readonly collected?: string;
  readonly noEvent?: boolean;
  readonly entry: EvidenceEntry;
}

/**
 * The windows of a control's frequency over the audit, each with its status and the entries
 * that count for it. A date up to the slack `invalid-value` allows past today counts, so that
 * no entry is both accepted there and refused here.
 */
export function evidenceWindows(doc: AttestDocument, audit: AuditSpec, today: string): WindowState<WindowedEntry>[] {
  const frequency = doc.frequency?.value;
  const entries = doc.evidence.map((entry) => ({ collected: entry.collected?.value, noEvent: entry.noEvent?.value, entry }));
  return windowStatuses(auditWindows(isAuditFrequency(frequency) ? frequency : undefined, audit), entries, today, { futureSlackDays: FUTURE_SLACK_DAYS });
}

/** The windows that have ended without evidence, in order. */
export function evidenceGaps(doc: AttestDocument, audit: AuditSpec, today: string): AuditWindow[] {
  return evidenceWindows(doc, audit, today)
    .filter((state) => state.status === 'missing')
    .map((state) => state.window);
}
