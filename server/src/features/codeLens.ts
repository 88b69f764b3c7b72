import type { CodeLens, Range } from 'vscode-languageserver-types';
import { isEvidenceOverdue, newestEvidence } from '../core/coverage';
import type { AttestDocument } from '../core/document/model';
import { isIsoDate } from '../core/document/schema';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { plural } from '../core/words';

/** The client command a lens runs: shows the document's id in the coverage view. */
export const REVEAL_COVERAGE_COMMAND = 'attest.revealCoverage';

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * One lens at the top of a policy (what it covers and what implements it) or of a control
 * (what it meets and how far it is). Computed eagerly: the counts are index lookups.
 */
export function codeLenses(index: WorkspaceIndex, doc: AttestDocument): CodeLens[] {
  const id = doc.id?.value;
  if (!id) return [];
  let title: string | undefined;
  if (doc.type === 'policy') title = policyLens(index, doc, id);
  else if (doc.type === 'control') title = controlLens(index, doc);
  return title ? [{ range: TOP, command: { title, command: REVEAL_COVERAGE_COMMAND, arguments: [id] } }] : [];
}

function policyLens(index: WorkspaceIndex, doc: AttestDocument, id: string): string {
  const children = index.referencesTo(id).filter((d) => d.policy?.value === id && d.status?.value !== 'retired');
  const controls = children.filter((d) => d.type === 'control').length;
  const procedures = children.filter((d) => d.type === 'procedure').length;
  const addenda = index.addendaExtending(id).filter((d) => d.status?.value !== 'retired').length;
  const parts = [`covers ${plural(inScopeCriteria(index, doc), 'criterion', 'criteria')}`, plural(controls, 'control'), plural(procedures, 'procedure')];
  if (addenda > 0) parts.push(plural(addenda, 'addendum', 'addenda'));
  return parts.join(' · ');
}

function controlLens(index: WorkspaceIndex, doc: AttestDocument): string {
  return [`meets ${plural(inScopeCriteria(index, doc), 'criterion', 'criteria')}`, doc.status?.value ?? 'draft', evidenceState(index, doc)].join(' · ');
}

function evidenceState(index: WorkspaceIndex, doc: AttestDocument): string {
  if (doc.evidence.length === 0) return 'no evidence';
  const newest = newestEvidence(doc, index.today);
  if (!newest) return doc.evidence.some((e) => e.collected && isIsoDate(e.collected.value)) ? 'evidence dated in the future' : 'evidence undated';
  return isEvidenceOverdue(doc, index.today) ? `evidence overdue (last ${newest.date})` : `evidence ${newest.date}`;
}

/** Distinct known criteria the document claims whose category is in the audit scope. */
function inScopeCriteria(index: WorkspaceIndex, doc: AttestDocument): number {
  const ids = new Set<string>();
  for (const claim of doc.criteria) {
    const criterion = index.criteria.get(claim.value);
    if (criterion && index.config.categories.has(criterion.category)) ids.add(criterion.id);
  }
  return ids.size;
}
