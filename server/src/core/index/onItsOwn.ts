import { diagnoseDocument } from '../diagnostics';
import type { AttestDocument } from '../document/model';
import { DOCUMENT_RULES } from '../rules';
import type { RuleContext } from '../rules/rule';
import type { Diagnostic } from '../types';
import { ReadRecorder } from './readRecorder';

/**
 * A document's diagnostics less those of the rules that asked about other documents (a
 * duplicate id, an unresolved reference, a missing ML addendum): what can be said of it
 * while the rest of the workspace is still being read. Which rules those are is seen by
 * running each one, not listed, so that a new rule is sorted by what it does.
 */
export function diagnoseOnItsOwn(doc: AttestDocument, workspace: RuleContext): Diagnostic[] {
  const dependent = new Set<string>();
  for (const rule of DOCUMENT_RULES) {
    const recorder = new ReadRecorder(workspace, () => '');
    const found = rule.check(doc, recorder);
    if (!recorder.readOtherDocuments) continue;
    dependent.add(rule.code);
    for (const f of found) dependent.add(f.code);
  }
  return diagnoseDocument(doc, workspace).filter((d) => !dependent.has(d.code));
}
