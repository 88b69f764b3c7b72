import { isMap, isScalar } from 'yaml';
import { rangeOfNode, type AttestDocument } from '../document/model';
import { isIsoDate } from '../document/schema';
import type { Located } from '../types';
import { valueOf } from '../yamlMap';
import { finding, type DocumentRule } from './rule';

/**
 * Approval is data (SPEC §12): auditors read a policy as a document someone with authority
 * approved, in the version they are shown. Information only: the text may be right, but
 * the record of its approval is what is missing.
 */
export const missingApproval: DocumentRule = {
  code: 'missing-approval',
  defaultSeverity: 'information',
  description: 'Where attest.yaml names an `audit`, an `approved` document has no `approval: { by, on }` saying who approved it and when.',
  check(doc, ctx) {
    // Asked once an audit is being prepared: before that, a library being written is not nagged about records.
    if (!ctx.config.audit || doc.dialect !== 'attest' || doc.status?.value !== 'approved' || doc.fields.has('approval')) return [];
    return [finding('missing-approval', doc.status.range, 'This document is `approved` but does not say by whom or when: add `approval: { by: <role>, on: YYYY-MM-DD }`, which auditors ask for.', { name: 'approval' })];
  },
};

export const staleApproval: DocumentRule = {
  code: 'stale-approval',
  defaultSeverity: 'information',
  description: 'A document was approved before its last change (its `effective` date, or its newest revision).',
  check(doc) {
    const approvedOn = approvalDate(doc);
    const change = lastChange(doc);
    if (doc.dialect !== 'attest' || doc.status?.value === 'retired' || !approvedOn || !change || approvedOn.value >= change) return [];
    return [finding('stale-approval', approvedOn.range, `Approved ${approvedOn.value}, before the document's last change (${change}): have this version approved, then update \`approval.on\`.`)];
  },
};

function approvalDate(doc: AttestDocument): Located<string> | undefined {
  const node = doc.fields.get('approval')?.node;
  const on = isMap(node) ? valueOf(node, 'on') : undefined;
  if (!isScalar(on) || !on.range || !isIsoDate(String(on.value))) return undefined;
  return { value: String(on.value), range: rangeOfNode(doc, on) };
}

/**
 * The last change the frontmatter records: the `effective` date, or the newest revision.
 * The core reads no git history, so a change committed without a new date is not seen.
 */
function lastChange(doc: AttestDocument): string | undefined {
  const node = doc.fields.get('effective')?.node;
  const dates = [...(isScalar(node) ? [String(node.value)] : []), ...doc.revisions.map((r) => r.value)].filter(isIsoDate);
  return dates.sort().at(-1);
}
