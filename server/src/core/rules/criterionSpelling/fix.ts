import { TextEdit } from 'vscode-languageserver-types';
import { editsIn, findingData, isWithin, quickFix, type FixProvider } from '../../fixes/edits';

/** Writes a criteria entry as the ids it names, one per entry; the preferred fix, safe to apply on save. */
export const writeCanonically: FixProvider = (diagnostic, target) => {
  const data = findingData(diagnostic);
  if (!data.replacement || !data.name || !isWithin(target.text, diagnostic.range)) return [];
  const current = target.text.getText(diagnostic.range);
  if (current !== data.text) return [];
  return [quickFix(`Write \`${current}\` as ${data.name}`, editsIn(target.text.uri, [TextEdit.replace(diagnostic.range, data.replacement)]), [diagnostic], true)];
};
