import type { CodeAction, Diagnostic as LspDiagnostic, Range } from 'vscode-languageserver-types';
import { fixesFor } from '../../core/rules';
import { claimTopicItems } from './claimTopicItems';
import { convertComplyDocument } from './convertComply';
import type { FixTarget } from '../../core/fixes/edits';
import { suppressInFile } from './suppress';

export type { FixTarget } from '../../core/fixes/edits';

/**
 * The quick fixes for the diagnostics the editor sends: each diagnostic's own fixes first,
 * then the conversion of a comply document (carrying the diagnostics it was asked about),
 * then the claims an ML topic under the cursor supports, then one suppression per code.
 */
export function codeActionsFor(target: FixTarget, diagnostics: readonly LspDiagnostic[], range?: Range): CodeAction[] {
  const ours = diagnostics.filter((d) => d.source === undefined || d.source === 'attest');
  const fixes: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const suppressed = new Set<string>();
  for (const diagnostic of ours) {
    const code = typeof diagnostic.code === 'string' ? diagnostic.code : '';
    for (const provider of fixesFor(code)) fixes.push(...provider(diagnostic, target));
    if (!suppressed.has(code)) {
      suppressed.add(code);
      suppressions.push(...suppressInFile(diagnostic, target));
    }
  }
  const conversion = target.doc && touchesFrontmatter(target, range) ? convertComplyDocument(target.doc, target.index, ours) : [];
  // A preferred fix must resolve its diagnostic: converting the document does not change a
  // wrong id (CC9.9), so it is preferred only where no diagnostic has a fix of its own.
  if (fixes.length > 0) for (const c of conversion) delete c.isPreferred;
  return [...fixes, ...conversion, ...claimTopicItems(target, range), ...suppressions];
}

/** The conversion is offered where it acts: on the frontmatter (or for the whole file). */
function touchesFrontmatter(target: FixTarget, range: Range | undefined): boolean {
  const doc = target.doc;
  if (!doc || doc.dialect !== 'comply') return false;
  return !range || range.start.line <= doc.frontmatterRange.end.line;
}
