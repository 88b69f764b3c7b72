import type { AttestDocument } from './document/model';
import { evidencePath } from './document/paths';
import { daysBetween, isFutureDate, isIsoDate } from './document/schema';
import type { RuleContext } from './rules/rule';

import { COVERED_STATUSES, type Coverage, type CoverageStatus, type CriterionCoverage, type TopicCoverage } from '../shared/coverage';

export { COVERAGE_STATUSES, COVERED_STATUSES, type Coverage, type CoverageStatus, type CriterionCoverage, type TopicCoverage } from '../shared/coverage';

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

/** Documents that still count: a retired one claims nothing. */
export function isLive(doc: AttestDocument): boolean {
  return doc.status?.value !== 'retired';
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

function statusOf(claimants: readonly AttestDocument[], ctx: Pick<RuleContext, 'today' | 'fileExists'>): CoverageStatus {
  if (claimants.some((d) => isImplemented(d, ctx))) return 'implemented';
  if (claimants.some((d) => d.type === 'control')) return 'controlled';
  return claimants.length > 0 ? 'documented' : 'uncovered';
}

/** The documents that count for coverage, as every view lists them: live ones, controls first, then by id. */
export function orderedClaimants(docs: readonly AttestDocument[]): AttestDocument[] {
  const rank = (d: AttestDocument) => (d.type === 'control' ? 0 : d.type === 'procedure' ? 1 : 2);
  return docs.filter(isLive).sort((a, b) => rank(a) - rank(b) || (a.id?.value ?? a.relPath).localeCompare(b.id?.value ?? b.relPath));
}

function idsOf(claimants: readonly AttestDocument[]): string[] {
  return [...new Set(orderedClaimants(claimants).map((d) => d.id?.value ?? d.relPath))];
}

/** Where the coverage computation reads its claims from; the index keeps these maps current. */
export interface ClaimSource {
  claimsOf(criterion: string): readonly AttestDocument[];
  topicClaimsOf(topic: string): readonly AttestDocument[];
}

/**
 * Coverage of every in-scope criterion and, when the ML addenda apply, every ML topic.
 * Retired documents claim nothing.
 */
export function computeCoverage(ctx: RuleContext, claims: ClaimSource): Coverage {
  const live = (docs: readonly AttestDocument[]) => docs.filter(isLive);
  const criteria: CriterionCoverage[] = [];
  for (const criterion of ctx.criteria.all) {
    if (!ctx.config.categories.has(criterion.category)) continue;
    const claimants = live(claims.claimsOf(criterion.id));
    const exception = ctx.config.exceptions.get(criterion.id);
    criteria.push({
      id: criterion.id,
      category: ctx.criteria.category(criterion.category)?.name ?? criterion.category,
      status: exception ? 'excepted' : statusOf(claimants, ctx),
      documents: idsOf(claimants),
      summary: criterion.summary,
      ...(exception ? { reason: exception.reason } : {}),
    });
  }
  const ml: TopicCoverage[] = !ctx.mlActive
    ? []
    : ctx.catalog.topics.map((topic) => {
        const claimants = live(claims.topicClaimsOf(topic.id));
        return { topic: topic.id, title: topic.title, status: statusOf(claimants, ctx), documents: idsOf(claimants) };
      });
  const covered = criteria.filter((c) => COVERED_STATUSES.has(c.status)).length;
  return {
    criteria,
    ml,
    summary: { inScope: criteria.length, covered, percent: criteria.length ? Math.round((covered / criteria.length) * 1000) / 10 : 100 },
  };
}
