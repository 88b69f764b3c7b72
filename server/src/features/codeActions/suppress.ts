import { TextEdit } from 'vscode-languageserver-types';
import { SUPPRESSION_REASON } from '../../core/placeholders';
import { editsIn, endOfLine, eolOf, opensUnclosedFrontmatter, quickFix, type FixProvider } from '../../core/fixes/edits';


/**
 * Turns a rule off for this file with an `attest-ignore` comment right after the frontmatter;
 * never for a frontmatter left unclosed, where the body's start is unknown.
 */
export const suppressInFile: FixProvider = (diagnostic, target) => {
  const { doc } = target;
  const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
  // Suppressions apply to documents only (not attest.yaml), and cannot excuse a bad suppression.
  if (!doc || !code || code === 'invalid-suppression') return [];
  // Above the opening `---` the comment would end the frontmatter; below it, it would be YAML.
  if (opensUnclosedFrontmatter(doc)) return [];
  const eol = eolOf(doc.text);
  const comment = `<!-- attest-ignore ${code}: ${SUPPRESSION_REASON} -->`;
  // Right after the closing `---` (the first line when there is no frontmatter).
  const afterLine = doc.hasFrontmatter ? doc.frontmatterRange.end.line + 1 : 0;
  const edit =
    afterLine === 0 || afterLine < doc.text.lineCount
      ? TextEdit.insert({ line: afterLine, character: 0 }, comment + eol)
      : TextEdit.insert(endOfLine(doc.text, afterLine - 1), eol + comment + eol);
  return [quickFix(`Suppress ${code} in this file`, editsIn(doc.uri, [edit]), [diagnostic])];
};
