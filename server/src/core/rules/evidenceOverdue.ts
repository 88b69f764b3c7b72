import { EVIDENCE_MAX_AGE, isEvidenceOverdue, newestEvidence } from '../coverage';
import { daysBetween } from '../document/schema';
import { finding, type DocumentRule } from './rule';

export const evidenceOverdue: DocumentRule = {
  code: 'evidence-overdue',
  defaultSeverity: 'warning',
  description: "A control's newest evidence is older than its `frequency` allows (it then counts as controlled, not implemented).",
  check(doc, ctx) {
    if (doc.type !== 'control' || !isEvidenceOverdue(doc, ctx.today)) return [];
    const newest = newestEvidence(doc);
    if (!newest?.range) return [];
    const frequency = doc.frequency?.value ?? '';
    const age = daysBetween(newest.date, ctx.today);
    return [
      finding('evidence-overdue', newest.range.range,
        `The newest evidence was collected ${newest.date}, ${age} days ago; a ${frequency} control needs evidence at most ${EVIDENCE_MAX_AGE[frequency]} days old. Collect current evidence and add it, or the control counts as controlled, not implemented.`),
    ];
  },
};
