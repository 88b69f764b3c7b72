import type { AttestDocument } from '../document/model';
import { evidencePath } from '../document/paths';
import { daysBetween, isFutureDate, isIsoDate } from '../document/schema';
import type { RuleContext } from '../rules/rule';

/** Days of age a control's newest evidence may have, by frequency (the period plus a grace). */
export const EVIDENCE_MAX_AGE: Readonly<Record<string, number>> = {
  continuous: 31,
  daily: 3,
  weekly: 10,
  monthly: 35,
  quarterly: 100,
  annual: 380,
};

/**
 * For a control that runs on events (or names no frequency), evidence older than a year
 * falls outside any Type II period, so it is not current either.
 */
export const AUDIT_PERIOD_DAYS = 380;

export function maxEvidenceAge(doc: AttestDocument): number {
  return (doc.frequency && EVIDENCE_MAX_AGE[doc.frequency.value]) || AUDIT_PERIOD_DAYS;
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
    const path = e.path ? evidencePath(e.path.value) : undefined;
    return path ? !ctx.fileExists(path) : !!e.path || !e.url;
  });
  if (missing) return { kind: 'missing', ...(missing.path ? { path: missing.path.value } : {}) };
  const newest = newestEvidence(doc, ctx.today);
  if (!newest) return doc.evidence.some((e) => e.collected && isIsoDate(e.collected.value)) ? { kind: 'future' } : { kind: 'undated' };
  return isEvidenceOverdue(doc, ctx.today) ? { kind: 'overdue', date: newest.date } : { kind: 'current', date: newest.date };
}

/** A control that is implemented and whose evidence exists and is current (SPEC §7). */
export function isImplemented(doc: AttestDocument, ctx: Pick<RuleContext, 'today' | 'fileExists'>): boolean {
  return doc.type === 'control' && doc.status?.value === 'implemented' && evidenceState(doc, ctx).kind === 'current';
}
