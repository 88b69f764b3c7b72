import { isEvidenceOverdue, maxEvidenceAge, newestEvidence } from '../query/evidence';
import { daysBetween } from '../document/schema';
import { finding, withArticle, type DocumentRule } from './rule';

export const evidenceOverdue: DocumentRule = {
  code: 'evidence-overdue',
  defaultSeverity: 'warning',
  description: "A control's newest evidence is older than its `frequency` allows (it then counts as controlled, not implemented). Silent under a Type II audit, where `evidence-gap` names the windows instead.",
  check(doc, ctx) {
    // Under Type II the windows say more than the newest date: which period lacks evidence, and not twice.
    if (doc.type !== 'control' || ctx.config.audit?.type === 2 || !isEvidenceOverdue(doc, ctx.today)) return [];
    const newest = newestEvidence(doc, ctx.today);
    if (!newest?.range) return [];
    const frequency = doc.frequency?.value;
    const age = daysBetween(newest.date, ctx.today);
    const kind = frequency && frequency !== 'on-event' ? `${withArticle(frequency)} control` : 'evidence older than an audit period';
    const need = frequency && frequency !== 'on-event' ? `needs evidence at most ${maxEvidenceAge(doc)} days old` : `is not current (more than ${maxEvidenceAge(doc)} days)`;
    return [
      finding('evidence-overdue', newest.range.range,
        `The newest evidence was collected ${newest.date}, ${age} days ago; ${kind} ${need}. Collect current evidence and add it, or the control counts as controlled, not implemented.`),
    ];
  },
};
