import { TextEdit } from 'vscode-languageserver-types';
import { editsIn, findingData, isWithin, quickFix, type FixProvider } from './edits';

/**
 * Replaces the flagged text by what the rule suggests: a near criterion id (`CC9.9` →
 * `CC9.1`, `CC9.2`), a known field name, an enum value, an ML topic, a well-formed id.
 * One action per suggestion; the only suggestion is the preferred fix. Nothing when the
 * range no longer holds the text the diagnostic was about (it predates an edit).
 */
export const replaceBySuggestion: FixProvider = (diagnostic, target) => {
  const data = findingData(diagnostic);
  if (!data.replacement || !isWithin(target.text, diagnostic.range)) return [];
  const current = target.text.getText(diagnostic.range);
  if (current === '' || current !== data.text) return [];
  const suggestions = [...new Set([data.replacement, ...(data.alternatives ?? [])])].filter((s) => s !== current);
  const what = diagnostic.code === 'unknown-field' ? 'Rename' : 'Change';
  return suggestions.map((suggestion) =>
    quickFix(
      `${what} \`${current}\` to \`${suggestion}\``,
      editsIn(target.text.uri, [TextEdit.replace(diagnostic.range, suggestion)]),
      [diagnostic],
      suggestions.length === 1,
    ),
  );
};
