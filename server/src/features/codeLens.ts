import type { CodeLens, Range } from 'vscode-languageserver-types';
import { evidenceState } from '../core/query/evidence';
import { controlWindowLine } from './auditWindows';
import type { AttestDocument } from '../core/document/model';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { plural } from '../core/words';
import { ALL_CLIENT_COMMANDS, REVEAL_COVERAGE_COMMAND, type ClientCommands } from '../shared/commands';

export { REVEAL_COVERAGE_COMMAND } from '../shared/commands';

/** The client command a lens runs: shows the document's id in the coverage view. */

/** The lens of a client that cannot run the command: a label (an empty command id is not run). */
const LABEL_ONLY = '';

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * One lens at the top of a policy (what it covers and what implements it) or of a control
 * (what it meets and how far it is). Computed eagerly: the counts are index lookups.
 */
export function codeLenses(index: WorkspaceIndex, doc: AttestDocument, clientCommands: ClientCommands = ALL_CLIENT_COMMANDS): CodeLens[] {
  const id = doc.id?.value;
  if (!id) return [];
  let title: string | undefined;
  if (doc.type === 'policy') title = policyLens(index, doc, id);
  else if (doc.type === 'control') title = controlLens(index, doc);
  if (!title) return [];
  return [{ range: TOP, command: clientCommands.has(REVEAL_COVERAGE_COMMAND) ? { title, command: REVEAL_COVERAGE_COMMAND, arguments: [id] } : { title, command: LABEL_ONLY } }];
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

/** Under a Type II audit, the evidence is shown by window: which have it, which lack it, which are to come. */
function controlLens(index: WorkspaceIndex, doc: AttestDocument): string {
  const evidence = controlWindowLine(index, doc) ?? evidenceWords(index, doc);
  return [`meets ${plural(inScopeCriteria(index, doc), 'criterion', 'criteria')}`, doc.status?.value ?? 'draft', evidence].join(' · ');
}

/** The evidence as coverage judges it, so that the lens and the coverage view agree. */
function evidenceWords(index: WorkspaceIndex, doc: AttestDocument): string {
  const state = evidenceState(doc, index);
  switch (state.kind) {
    case 'none':
      return 'no evidence';
    case 'missing':
      return state.path ? `evidence not found (${state.path})` : 'evidence without a path or url';
    case 'undated':
      return 'evidence undated';
    case 'future':
      return 'evidence dated in the future';
    case 'overdue':
      return `evidence overdue (last ${state.date})`;
    case 'current':
      return `evidence ${state.date}`;
  }
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
