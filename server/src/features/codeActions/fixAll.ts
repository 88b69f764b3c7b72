import { CodeAction, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver-types';
import { safeFixFor } from '../../core/rules';
import type { FixProvider, FixTarget } from '../../core/fixes/edits';

/** The code action kind of applying every safe fix at once (`editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.attest';

/**
 * One action that applies every fix of the document that needs no choice, for
 * `editor.codeActionsOnSave`. A finding whose fix offers alternatives (two near ids) is left
 * for the person; so is any edit that would touch text another fix already changes, so that
 * the edits can be applied together. Nothing when there is nothing safe to do.
 */
export function fixAllAction(target: FixTarget, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const { edits, fixed } = preferredFixes(target, diagnostics, (code) => safeFixFor(code));
  if (edits.length === 0) return [];
  const action = CodeAction.create(`Fix ${fixed.length === 1 ? 'the safe problem' : `${fixed.length} safe problems`} of this document`, { changes: { [target.text.uri]: edits } }, FIX_ALL_KIND);
  action.diagnostics = fixed;
  return [action];
}

/**
 * The edits of each diagnostic's one preferred fix (from `providerOf` its code), that change
 * only this file and overlap no other, in document order; with the diagnostics they fix and
 * the titles of the fixes. What fix-all and `attest import` apply.
 */
export function preferredFixes(target: FixTarget, diagnostics: readonly LspDiagnostic[], providerOf: (code: string) => FixProvider | undefined): { edits: TextEdit[]; fixed: LspDiagnostic[]; titles: string[] } {
  const uri = target.text.uri;
  const candidates: { edit: TextEdit; diagnostic: LspDiagnostic; title: string }[] = [];
  for (const diagnostic of diagnostics) {
    const provider = typeof diagnostic.code === 'string' ? providerOf(diagnostic.code) : undefined;
    if (!provider) continue;
    const preferred = provider(diagnostic, target).filter((action) => action.isPreferred);
    const edits = preferred.length === 1 ? singleFileEdits(preferred[0], uri) : undefined;
    if (edits) for (const edit of edits) candidates.push({ edit, diagnostic, title: preferred[0].title });
  }
  const chosen = withoutOverlaps(candidates, target);
  return { edits: chosen.map((c) => c.edit), fixed: [...new Set(chosen.map((c) => c.diagnostic))], titles: [...new Set(chosen.map((c) => c.title))] };
}

/** The text edits of an action that changes only this file (a fix that creates files is never applied unasked). */
function singleFileEdits(action: CodeAction, uri: string): TextEdit[] | undefined {
  const changes = action.edit?.changes;
  if (!changes || action.edit?.documentChanges || Object.keys(changes).some((u) => u !== uri)) return undefined;
  return changes[uri];
}

/** The edits in document order, each dropped when it overlaps one kept before it (all of a diagnostic's edits go together). */
function withoutOverlaps<T extends { edit: TextEdit; diagnostic: LspDiagnostic }>(candidates: readonly T[], target: FixTarget): T[] {
  const offsets = (c: T): [number, number] => [target.text.offsetAt(c.edit.range.start), target.text.offsetAt(c.edit.range.end)];
  const sorted = [...candidates].sort((a, b) => offsets(a)[0] - offsets(b)[0] || offsets(a)[1] - offsets(b)[1]);
  const dropped = new Set<LspDiagnostic>();
  let end = -1;
  for (const candidate of sorted) {
    const [from, to] = offsets(candidate);
    // Two insertions at one place would be applied in an order no one chose.
    if (from < end || (from === end && from === to)) dropped.add(candidate.diagnostic);
    else end = Math.max(end, to);
  }
  return sorted.filter((c) => !dropped.has(c.diagnostic));
}
