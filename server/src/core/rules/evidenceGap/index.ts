import { describeGaps } from '../../audit/summary';
import { evidenceGaps, typeTwoAudit } from '../../query/evidence';
import type { AttestDocument } from '../../document/model';
import type { Range } from '../../types';
import { finding, type DocumentRule } from '../rule';
import { addEvidenceForWindow } from './fixes';

export const evidenceGap: DocumentRule = {
  code: 'evidence-gap',
  defaultSeverity: 'warning',
  description: 'Under a Type II audit (`audit` in attest.yaml), a control has no evidence for a window of its `frequency` that has ended ("no evidence for 2026-Q3").',
  fixes: [addEvidenceForWindow],
  check(doc, ctx) {
    const audit = typeTwoAudit(ctx.config.audit);
    if (!audit || doc.type !== 'control' || doc.status?.value === 'retired') return [];
    const at = gapRange(doc);
    if (!at) return [];
    const gaps = evidenceGaps(doc, audit, ctx.today);
    if (gaps.length === 0) return [];
    const where = gaps.length === 1 ? 'that window' : 'each window';
    return [finding('evidence-gap', at, `Type II: ${describeGaps(gaps)}. Add the evidence collected in ${where}, dated when it was collected; an auditor reads a window without evidence as a control that did not operate.`, { name: gaps[0].label })];
  },
};

/**
 * Where a control's gaps are said: its `evidence` key. A control without an evidence list is
 * told only when it says it is `implemented` (on its `frequency`, else its status): a draft
 * or approved control has not started collecting, and the starter library's are such.
 */
function gapRange(doc: AttestDocument): Range | undefined {
  const evidence = doc.fields.get('evidence');
  if (evidence) return evidence.keyRange;
  if (doc.status?.value !== 'implemented') return undefined;
  return doc.fields.get('frequency')?.keyRange ?? doc.status.range;
}
